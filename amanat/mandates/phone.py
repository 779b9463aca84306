"""Confirming a phone number: a six-digit code by SMS on the web (valid ten minutes, five
tries, a few sends an hour, only its keyed hash stored), or an SMS the person sends from the
number (amanat.channels). Either ends in one Confirmation(channel=phone) with the number:
one number confirms one person, so that one person is one support."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.accounts.selectors import phone_normalise
from amanat.audit.services import audit_record
from amanat.notifications.sms import sms_to_number

from .models import Confirmation, PhoneCode

CODE_LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5
SENDS_PER_HOUR = 3  # per person and per number: no one is flooded with codes


class PhoneRefused(Exception):
    """`code`: invalid, taken, too_many_sends, none, expired, spent or wrong."""

    def __init__(self, code: str, attempts_left: int = 0):
        super().__init__(code)
        self.code = code
        self.attempts_left = attempts_left


def _hash(user_id: int, phone: str, code: str) -> str:
    key = f"{settings.SECRET_KEY}:phone-code".encode()
    return hmac.new(key, f"{user_id}:{phone}:{code}".encode(), hashlib.sha256).hexdigest()


def _taken(phone: str, user: User) -> bool:
    return (
        Confirmation.objects.filter(channel=Confirmation.Channel.PHONE, address=phone)
        .exclude(user=user)
        .exists()
    )


def phone_code_send(*, user: User, raw_phone: str) -> PhoneCode:
    """Send a fresh code to the number (E.164; Kazakhstan's +7 when none is typed); an
    earlier code of the person stops counting.

    A number confirmed for another account gets no SMS, but the reply and the hourly count
    are the same as for any number: otherwise this form would tell anyone which numbers have
    an account here. The code nobody received never matches."""
    phone = phone_normalise(raw_phone)
    if not phone:
        raise PhoneRefused("invalid")
    now = timezone.now()
    code = f"{secrets.randbelow(10**6):06d}"
    with transaction.atomic():
        # The person's row is locked: two sends at once cannot both pass the count.
        User.objects.select_for_update().filter(pk=user.pk).first()
        recent = PhoneCode.objects.filter(created_at__gte=now - timedelta(hours=1))
        if (
            recent.filter(user=user).count() >= SENDS_PER_HOUR
            or recent.filter(phone=phone).count() >= SENDS_PER_HOUR
        ):
            raise PhoneRefused("too_many_sends")
        PhoneCode.objects.filter(user=user, used_at__isnull=True).update(expires_at=now)
        sent = PhoneCode.objects.create(
            user=user, phone=phone, code_hash=_hash(user.pk, phone, code),
            expires_at=now + CODE_LIFETIME,
        )  # fmt: skip
        if _taken(phone, user):
            return sent
        with translation.override(user.preferred_language):
            text = _("Amanat: %(code)s is your code to confirm this number. Valid 10 minutes.")
        sms_to_number(phone=phone, text=text % {"code": code})
    return sent


def phone_code_pending(user: User) -> PhoneCode | None:
    """The code the person may still enter, if any."""
    return (
        PhoneCode.objects.filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-created_at", "-pk")
        .first()
    )


def phone_code_check(*, user: User, code: str, request: HttpRequest | None = None) -> Confirmation:
    """The code entered: right → the number is confirmed; wrong → one try fewer (kept even
    though the refusal is raised)."""
    code = "".join(code.split())[:12]
    with transaction.atomic():
        pending = (
            PhoneCode.objects.select_for_update()
            .filter(user=user, used_at__isnull=True)
            .order_by("-created_at", "-pk")
            .first()
        )
        refusal = _refusal(pending, code)
        if refusal is None and pending is not None:
            pending.used_at = timezone.now()
            pending.save(update_fields=["used_at"])
            return phone_confirmation_record(user=user, phone=pending.phone, request=request)
    raise refusal or PhoneRefused("none")


def _refusal(pending: PhoneCode | None, code: str) -> PhoneRefused | None:
    if pending is None:
        return PhoneRefused("none")
    if pending.expires_at <= timezone.now():
        return PhoneRefused("expired")
    if pending.attempts >= MAX_ATTEMPTS:
        return PhoneRefused("spent")
    if hmac.compare_digest(_hash(pending.user_id, pending.phone, code), pending.code_hash):
        return None
    pending.attempts += 1
    pending.save(update_fields=["attempts"])
    left = MAX_ATTEMPTS - pending.attempts
    return PhoneRefused("wrong", left) if left else PhoneRefused("spent")


def phone_confirmation_record(
    *, user: User, phone: str, request: HttpRequest | None = None
) -> Confirmation:
    """The person's number is confirmed (a code, or an SMS sent from it). A number confirmed
    for someone else is refused: it would make one person two supporters."""
    if _taken(phone, user):
        raise PhoneRefused("taken")
    try:
        with transaction.atomic():
            confirmation, created = Confirmation.objects.update_or_create(
                user=user, channel=Confirmation.Channel.PHONE, defaults={"address": phone}
            )
            if created:
                audit_record(
                    action="mandates.phone_confirmed", actor=user, obj=confirmation,
                    request=request,
                )  # fmt: skip
    except IntegrityError:  # the same number confirmed for another person at the same time
        raise PhoneRefused("taken") from None
    return confirmation
