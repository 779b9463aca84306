"""Codes people copy from a screen or a paper: follow-up codes, verification codes.

No 0/O, 1/I/L or U in new codes, so they survive being read aloud or typed on a phone; only a
code's hash is kept where the code is a secret (a reporter's or applicant's follow-up code)."""

import base64
import hashlib
import hmac
import secrets
import uuid

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def code_new(*, groups: int = 2, size: int = 5, prefix: str = "") -> str:
    parts = ["".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups)]
    return "-".join([prefix, *parts] if prefix else parts)


def code_normalise(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


def code_hash(code: str) -> str:
    return hashlib.sha256(code_normalise(code).encode()).hexdigest()


def code_derived(client_id: uuid.UUID, purpose: str) -> str:
    """A secret code derived from a form's client id: a resent form shows the same code,
    and the code itself is never stored (only code_hash)."""
    from django.conf import settings

    key = f"{settings.SECRET_KEY}:{purpose}".encode()
    raw = base64.b32encode(hmac.new(key, client_id.bytes, hashlib.sha256).digest()).decode()
    raw = raw.translate(str.maketrans("01ILOU", "23456Z"))  # stay within ALPHABET
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:12]}"


def id_derived(purpose: str, name: str) -> uuid.UUID:
    """A client id derived from what a channel knows of a message (an SMS gateway's message
    id, a Telegram update id): the same message resent gets the same id, so it is stored
    once, but nobody without the server's secret can compute it (and claim it first, or
    replay it to read the report's follow-up code)."""
    from django.utils.crypto import salted_hmac

    digest = salted_hmac(f"amanat.client-id.{purpose}", name, algorithm="sha256").digest()
    return uuid.UUID(bytes=digest[:16], version=4)
