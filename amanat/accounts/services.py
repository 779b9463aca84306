"""Writes for people: password and two-factor login, API tokens."""

import base64
import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from amanat.audit.services import audit_record
from amanat.core import prepared

from .models import ApiToken, DigestCredential, User

DIGEST_REALM = "Amanat"


class LoginError(Exception):
    """Why a login did not go through; `code` is stable, the message is for people."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PasswordCheck:
    user: User
    needs_second_factor: bool


def two_factor_required(user: User) -> bool:
    return settings.AMANAT_REQUIRE_2FA and user.is_staff_role


def user_check_password(*, request: HttpRequest, login: str, password: str) -> PasswordCheck:
    """First step of every login (web and API). Throttled by django-axes per login and address."""
    user = authenticate(request=request, username=login, password=password)
    if getattr(request, "axes_locked_out", False):
        audit_record(action="accounts.login_locked", request=request, data={"login": login})
        raise LoginError("locked_out")
    if user is None:
        audit_record(action="accounts.login_failed", request=request, data={"login": login})
        raise LoginError("invalid_credentials")
    return PasswordCheck(user=user, needs_second_factor=two_factor_required(user))


def totp_device_confirmed(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator for the user; the same one until it is confirmed."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    return device


def totp_secret_text(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


@transaction.atomic
def user_verify_second_factor(*, request: HttpRequest, user: User, token: str) -> TOTPDevice:
    """Check a TOTP code against the user's confirmed device, or confirm a new one."""
    token = "".join(ch for ch in token if ch.isdigit())
    device = totp_device_confirmed(user)
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        audit_record(action="accounts.2fa_failed", actor=user, obj=user, request=request)
        raise LoginError("invalid_otp")
    if enrolling:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit_record(action="accounts.2fa_enrolled", actor=user, obj=user, request=request)
    return device


@transaction.atomic
def api_token_issue(*, request: HttpRequest, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new bearer token; the plain key is returned once and never stored."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, key_hash=ApiToken.hash_key(key), prefix=key[:8], name=name[:100]
    )
    audit_record(action="accounts.api_token_issued", actor=user, obj=token, request=request)
    return token, key


# The token statements' conditions, over the token `t` and its account `u`: the token with
# this hash opens the API (not revoked, the account active); its last use is written at most
# once a minute, not once per request (before this time).
_OPENS_THE_API = 't."key_hash" = %s AND t."revoked_at" IS NULL AND u."is_active"'
_USE_DUE = '(t."last_used_at" IS NULL OR t."last_used_at" < %s)'


def _use_due_before(now):
    return connection.ops.adapt_datetimefield_value(now - timedelta(minutes=1))


def api_token_authenticate(key: str) -> User | None:
    """The active user holding this token, with their observer profile (or None) attached.
    Every election-day report over the API starts here, so it is one prepared statement."""
    now = timezone.now()
    params = [_use_due_before(now), ApiToken.hash_key(key)]
    row = prepared.fetch_one(_token_statement(), params, repeatable=True)
    if row is None:
        return None
    token_id, use_to_record = row[0], row[1]
    user, start = prepared.model_from_row(User, row, 2)
    observer, _ = prepared.model_from_row(_observer_relation().related_model, row, start)
    _observer_relation().set_cached_value(user, observer)
    if observer is not None:
        _observer_relation().field.set_cached_value(observer, user)
    if use_to_record:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return user


def api_token_lookup(key: str):
    """api_token_authenticate's question, asked inside the statement that stores a report
    (an ObserverLookup): the observer of the active user holding this token. The statement
    records the token's use as well, as api_token_authenticate does, at most once a minute."""
    from amanat.observers.selectors import ObserverLookup

    now = timezone.now()
    hashed = ApiToken.hash_key(key)
    used = (connection.ops.adapt_datetimefield_value(now), hashed, _use_due_before(now))
    return ObserverLookup(sql=_token_lookup_sql(), params=(hashed,),
                          first=_token_use_sql(), first_params=used)  # fmt: skip


@functools.cache
def _token_lookup_sql() -> str:
    observer = _observer_relation().related_model
    return (
        f'(SELECT o."id" AS "observer_id" FROM "{ApiToken._meta.db_table}" t '  # noqa: S608 - names from the models
        f'JOIN "{User._meta.db_table}" u ON u."id" = t."user_id" '
        f'JOIN "{observer._meta.db_table}" o ON o."user_id" = u."id" '
        f"WHERE {_OPENS_THE_API}) w"
    )


@functools.cache
def _token_use_sql() -> str:
    return (
        f'used AS (UPDATE "{ApiToken._meta.db_table}" t SET "last_used_at" = %s '  # noqa: S608 - names from the models
        f'FROM "{User._meta.db_table}" u '
        f'WHERE u."id" = t."user_id" AND {_OPENS_THE_API} AND {_USE_DUE})'
    )


def _observer_relation():
    return User._meta.get_field("observer")


@functools.cache
def _token_statement() -> str:
    observer = _observer_relation().related_model
    return (
        f'SELECT t."id", {_USE_DUE}, '  # noqa: S608 - names from the models
        f"{prepared.columns(User, 'u')}, {prepared.columns(observer, 'o')} "
        f'FROM "{ApiToken._meta.db_table}" t '
        f'JOIN "{User._meta.db_table}" u ON u."id" = t."user_id" '
        f'LEFT JOIN "{observer._meta.db_table}" o ON o."user_id" = u."id" '
        f"WHERE {_OPENS_THE_API}"
    )


def digest_credential_set(*, user: User, password: str) -> None:
    """Keep the Digest secret in step with the password (call wherever a password is set)."""
    secret = f"{user.get_username()}:{DIGEST_REALM}:{password}"
    ha1 = hashlib.md5(secret.encode(), usedforsecurity=False).hexdigest()  # noqa: S324 - RFC 7616
    DigestCredential.objects.update_or_create(user=user, defaults={"ha1": ha1})
