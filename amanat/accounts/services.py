"""Writes for people: password and two-factor login, API tokens."""

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from amanat.audit.services import audit_record

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


def api_token_authenticate(key: str) -> User | None:
    """The active user holding this unrevoked token. Its last use is written at most once a
    minute, not once per request."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or token.last_used_at < now - timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def digest_credential_set(*, user: User, password: str) -> None:
    """Keep the Digest secret in step with the password (call wherever a password is set)."""
    secret = f"{user.get_username()}:{DIGEST_REALM}:{password}"
    ha1 = hashlib.md5(secret.encode(), usedforsecurity=False).hexdigest()  # noqa: S324 - RFC 7616
    DigestCredential.objects.update_or_create(user=user, defaults={"ha1": ha1})
