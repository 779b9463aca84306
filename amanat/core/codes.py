"""Codes people copy from a screen or a paper: follow-up codes, verification codes.

No 0/O, 1/I/L or U in new codes, so they survive being read aloud or typed on a phone; only a
code's hash is kept where the code is a secret (a reporter's or applicant's follow-up code)."""

import hashlib
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def code_new(*, groups: int = 2, size: int = 5, prefix: str = "") -> str:
    parts = ["".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups)]
    return "-".join([prefix, *parts] if prefix else parts)


def code_normalise(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


def code_hash(code: str) -> str:
    return hashlib.sha256(code_normalise(code).encode()).hexdigest()
