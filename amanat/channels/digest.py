"""HTTP Digest authentication (RFC 7616, MD5, qop=auth), as ODK Collect speaks it."""

import hashlib
import hmac
import re
import secrets

from django.core import signing
from django.http import HttpRequest, HttpResponse

from amanat.accounts.models import DigestCredential, User
from amanat.accounts.services import DIGEST_REALM

NONCE_MAX_AGE = 300  # seconds
FIELD = re.compile(r'(\w+)=(?:"([^"]*)"|([^\s,]+))')
_signer = signing.TimestampSigner(salt="amanat.openrosa.digest")


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()  # noqa: S324 - RFC 7616


def digest_challenge(status: int = 401) -> HttpResponse:
    nonce = _signer.sign(secrets.token_hex(8))
    response = HttpResponse(status=status)
    response["WWW-Authenticate"] = (
        f'Digest realm="{DIGEST_REALM}", qop="auth", nonce="{nonce}", algorithm=MD5'
    )
    response["X-OpenRosa-Version"] = "1.0"
    return response


def digest_user(request: HttpRequest) -> User | None:
    """The user whose Digest answer is right for this request, or None."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Digest "):
        return None
    fields = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
              for m in FIELD.finditer(header[7:])}  # fmt: skip
    required = ("username", "realm", "nonce", "uri", "response", "nc", "cnonce", "qop")
    if any(name not in fields for name in required) or fields["realm"] != DIGEST_REALM:
        return None
    try:
        _signer.unsign(fields["nonce"], max_age=NONCE_MAX_AGE)
    except signing.BadSignature:
        return None
    credential = (
        DigestCredential.objects.select_related("user")
        .filter(user__username=fields["username"], user__is_active=True)
        .first()
    )
    if credential is None:
        return None
    ha2 = _md5(f"{request.method}:{fields['uri']}")
    expected = _md5(
        f"{credential.ha1}:{fields['nonce']}:{fields['nc']}:{fields['cnonce']}:{fields['qop']}:{ha2}"
    )
    return credential.user if hmac.compare_digest(expected, fields["response"]) else None
