"""HTTP Digest authentication (RFC 7616, MD5, qop=auth), as ODK Collect speaks it.

Digest is a password login like the web's, so it is throttled by the same django-axes records
(a failure here counts towards the web's lockout and the other way round), and it is open to
observers only: an account with, or needing, a second factor signs in where that factor is asked.
A captured header is good for one request: its `uri` must be this request's and its `nc` must
grow for each use of a nonce. Nonces are ours (signed, with their time) and expire.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import cast

from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core import signing
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.datastructures import MultiValueDict
from django_otp import user_has_device

from amanat.accounts.models import DigestCredential, User
from amanat.accounts.roles import Role
from amanat.accounts.services import DIGEST_REALM, two_factor_required
from amanat.audit.services import audit_record

NONCE_MAX_AGE = 300  # seconds
FIELD = re.compile(r'(\w+)=(?:"([^"]*)"|([^\s,]+))')
REQUIRED = ("username", "realm", "nonce", "uri", "response", "nc", "cnonce", "qop")
NONCE_COUNT = re.compile(r"[0-9a-fA-F]{8}")
USERNAME_MAX = 150  # User.username's length; also keeps axes' records within their columns
_signer = signing.TimestampSigner(salt="amanat.openrosa.digest")


class AxesHttpRequest(HttpRequest):
    """The request once django-axes has looked at it (AxesProxyHandler.is_allowed sets the
    address, a lockout sets the flag), with the parsed body HttpRequest keeps unannotated."""

    axes_ip_address: str
    axes_locked_out: bool
    _post: QueryDict
    _files: MultiValueDict[str, UploadedFile]


@dataclass(frozen=True)
class DigestOutcome:
    """Who signed in, or why nobody did: `stale` asks the client to sign again with a fresh
    nonce (the password was not the problem), `locked` means axes refuses this login now."""

    user: User | None = None
    stale: bool = False
    locked: bool = False


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()  # noqa: S324 - RFC 7616


def digest_challenge(*, stale: bool = False) -> HttpResponse:
    """401 with a new nonce. `stale=true` lets ODK Collect retry by itself instead of giving up
    (okhttp-digest retries after a refused Digest answer only when the nonce is stale)."""
    nonce = _signer.sign(secrets.token_hex(8))
    response = HttpResponse(status=401)
    response["WWW-Authenticate"] = (
        f'Digest realm="{DIGEST_REALM}", qop="auth", nonce="{nonce}", algorithm=MD5'
        + (", stale=true" if stale else "")
    )
    response["X-OpenRosa-Version"] = "1.0"
    return response


def _fields(request: HttpRequest) -> dict[str, str] | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Digest "):
        return None
    fields = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
              for m in FIELD.finditer(header[7:])}  # fmt: skip
    if (
        any(name not in fields for name in REQUIRED)
        or fields["realm"] != DIGEST_REALM
        or fields["qop"] != "auth"
        or fields.get("algorithm", "MD5").upper() != "MD5"
        or not NONCE_COUNT.fullmatch(fields["nc"])
        or not 0 < len(fields["username"]) <= USERNAME_MAX
        or not fields["username"].isprintable()
    ):
        return None
    return fields


def _nonce_state(nonce: str) -> str:
    """'fresh' for our nonce within its lifetime, 'stale' for ours but too old, else 'forged'."""
    try:
        _signer.unsign(nonce, max_age=NONCE_MAX_AGE)
    except signing.SignatureExpired:
        return "stale"
    except signing.BadSignature:
        return "forged"
    return "fresh"


def _uri_is_this_request(request: HttpRequest, uri: str) -> bool:
    """The request-target the client signed must be this request's: its path and query as
    sent (gunicorn keeps it in RAW_URI), as Django re-encodes it, or in absolute form."""
    targets = {request.get_full_path(), request.build_absolute_uri()}
    targets.update(request.META[key] for key in ("RAW_URI", "REQUEST_URI") if key in request.META)
    return uri in targets


def _eligible(user: User) -> bool:
    """Observers only: staff roles, Django staff, and anyone with or needing a second factor
    must sign in where that factor is asked, never with a password alone."""
    return (
        user.is_active
        and user.role == Role.OBSERVER
        and not (user.is_staff or user.is_superuser or user.is_staff_role)
        and not two_factor_required(user)
        and not user_has_device(user, confirmed=True)
    )


def _nonce_count_claim(nonce: str, count: int) -> bool:
    """Each use of a nonce must bring a higher count than before. The count seen last is kept
    in the shared cache for the nonce's lifetime; `add` of the exact (nonce, count) makes two
    copies of one header racing each other fail too."""
    key = "openrosa:digest:nc:" + hashlib.sha256(nonce.encode()).hexdigest()[:40]
    if count <= cache.get(key, 0) or not cache.add(f"{key}:{count}", 1, NONCE_MAX_AGE):
        return False
    cache.set(key, max(count, cache.get(key, 0)), NONCE_MAX_AGE)
    return True


def _failed(request: HttpRequest, username: str) -> DigestOutcome:
    """Count a wrong answer where the web login counts its own (django-axes listens to this
    signal). The body is not needed any more: axes records request.POST, which would parse a
    whole multipart submission from a stranger, so mark it as empty first."""
    parsed = cast(AxesHttpRequest, request)
    parsed._post, parsed._files = QueryDict(), MultiValueDict()  # noqa: SLF001 - see above
    credentials = {settings.AXES_USERNAME_FORM_FIELD: username}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    locked = bool(getattr(request, "axes_locked_out", False))
    action = "accounts.login_locked" if locked else "accounts.login_failed"
    audit_record(action=action, request=request, data={"login": username, "channel": "odk"})
    return DigestOutcome(locked=locked)


def digest_authenticate(request: HttpRequest) -> DigestOutcome:
    """Check the request's Digest answer. A locked-out login is refused before its password is
    looked at; only wrong answers (or accounts Digest is not for) count as failures."""
    fields = _fields(request)
    if fields is None:
        return DigestOutcome()
    nonce_state = _nonce_state(fields["nonce"])
    if nonce_state != "fresh":
        return DigestOutcome(stale=nonce_state == "stale")
    if not _uri_is_this_request(request, fields["uri"]):
        return DigestOutcome()
    username = fields["username"]
    credentials = {settings.AXES_USERNAME_FORM_FIELD: username}
    if not AxesProxyHandler.is_allowed(request, credentials):
        cast(
            AxesHttpRequest, request
        ).axes_locked_out = True  # as axes' own backend does: its middleware answers
        return DigestOutcome(locked=True)
    credential = (
        DigestCredential.objects.select_related("user").filter(user__username=username).first()
    )
    if credential is None or not _eligible(credential.user):
        return _failed(request, username)
    ha2 = _md5(f"{request.method}:{fields['uri']}")
    expected = _md5(
        f"{credential.ha1}:{fields['nonce']}:{fields['nc']}:{fields['cnonce']}:{fields['qop']}:{ha2}"
    )
    if not hmac.compare_digest(expected.encode(), fields["response"].encode()):  # any text
        return _failed(request, username)
    if not _nonce_count_claim(fields["nonce"], int(fields["nc"], 16)):
        return DigestOutcome(stale=True)  # a replayed header: right, but already used
    if settings.AXES_RESET_ON_SUCCESS:
        ip = cast(AxesHttpRequest, request).axes_ip_address  # set by is_allowed above
        axes_reset(ip=ip, username=username)  # as the web login does
    return DigestOutcome(user=credential.user)
