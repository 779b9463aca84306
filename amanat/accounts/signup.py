"""Citizens sign up: the e-mail address is confirmed by a signed link before the account exists.

Nothing is stored until the link is opened. The link carries the name, the address, the
language, where to go afterwards and what the visitor did before signing up (a passed quiz
attempt), signed with the site's secret and valid for three days, so it works in whatever
browser the mail is opened in. Opening it again after the account exists changes nothing."""

import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from amanat.audit.services import audit_record

from .models import User
from .roles import Role
from .services import digest_credential_set

# What a visitor put aside with signup_carry_set arrives in an account: sent inside the
# transaction that creates the account, and when a visitor signs in to one they have
# (sender=User, user=, carried=: a dict; training attaches the visitor's passed attempt).
carried_arrived = Signal()

CARRY_SESSION_KEY = "amanat_signup_carry"
SALT = "amanat.accounts.signup"
LINK_VALID_SECONDS = 3 * 24 * 3600


class SignupError(Exception):
    """`code`: "invalid" (a broken or forged link), "expired", or "exists"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Signup:
    email: str
    first_name: str
    language: str
    next_url: str = ""
    carried: dict = field(default_factory=dict)


def signup_carry_set(session: SessionBase, name: str, data: object) -> None:
    """Put something aside for the account this visitor may create (see carried_arrived)."""
    carried = dict(session.get(CARRY_SESSION_KEY) or {})
    carried[name] = data
    session[CARRY_SESSION_KEY] = carried


def signup_carried(session) -> dict:
    carried = session.get(CARRY_SESSION_KEY)
    return carried if isinstance(carried, dict) else {}


def carried_deliver(session, user: User) -> None:
    """A visitor signs in to the account they have: what they put aside arrives in it."""
    carried = signup_carried(session)
    session.pop(CARRY_SESSION_KEY, None)
    if carried:
        with transaction.atomic():
            carried_arrived.send(sender=User, user=user, carried=carried)


def signup_token(signup: Signup) -> str:
    data = {
        "e": signup.email,
        "n": signup.first_name,
        "l": signup.language,
        "x": signup.next_url,
        "c": signup.carried,
    }
    return signing.dumps(data, salt=SALT, compress=True)


def signup_read(token: str) -> Signup:
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_VALID_SECONDS)
    except signing.SignatureExpired:
        raise SignupError("expired") from None
    except signing.BadSignature:
        raise SignupError("invalid") from None
    return Signup(
        email=data["e"], first_name=data["n"], language=data["l"], next_url=data["x"],
        carried=data["c"],
    )  # fmt: skip


def account_exists(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def signup_request(*, request: HttpRequest, signup: Signup) -> None:
    """Mail the confirmation link; to an address that has an account already, a reminder to
    sign in instead (the page says the same either way: it does not tell who has an account)."""
    with translation.override(signup.language):
        if account_exists(signup.email):
            subject = _("You already have an Amanat account")
            link = settings.AMANAT_BASE_URL + reverse("accounts:login")
            body = _("Someone (probably you) tried to sign up with this address. Sign in:")
        else:
            subject = _("Confirm your e-mail address for Amanat")
            query = urlencode({"token": signup_token(signup)})
            link = f"{settings.AMANAT_BASE_URL}{reverse('accounts:signup_confirm')}?{query}"
            body = _(
                "Open this link within three days to confirm the address and create your "
                "account. If you did not sign up for Amanat, ignore this message."
            )
    send_mail(subject, f"{body}\n\n{link}\n", settings.DEFAULT_FROM_EMAIL, [signup.email])


def _username(email: str) -> str:
    username = email.lower()
    if len(username) > 150 or User.objects.filter(username__iexact=username).exists():
        username = f"citizen-{secrets.token_hex(5)}"
    return username


def account_user(signup: Signup) -> User:
    """The account the link describes, not saved yet (the password validators compare
    the password with its name and address)."""
    return User(
        username=_username(signup.email),
        email=signup.email,
        first_name=signup.first_name,
        role=Role.CITIZEN,
        preferred_language=signup.language,
    )


def account_create(*, request: HttpRequest, signup: Signup, password: str) -> User:
    """Create the confirmed citizen's account; SignupError("exists") if the address has one
    (a second click on the link, a form sent twice)."""
    if account_exists(signup.email):
        raise SignupError("exists")
    user = account_user(signup)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            digest_credential_set(user=user, password=password)
            audit_record(
                action="accounts.account_created",
                actor=user,
                obj=user,
                request=request,
                data={"role": Role.CITIZEN.value, "confirmed": "email"},
            )
            carried_arrived.send(sender=User, user=user, carried=signup.carried)
    except IntegrityError:
        raise SignupError("exists") from None  # the same link confirmed twice at once
    return user
