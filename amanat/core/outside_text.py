"""Text from outside (an SMS gateway, a Telegram update, a phone's form) made storable.

PostgreSQL refuses a NUL character in text and jsonb, and a value longer than its column;
SQLite takes both, so tests on SQLite alone never see it. An intake that must keep every
message cleans and bounds its text first, so that storing it cannot fail on what it holds."""

import hashlib
import re

# C0 controls but tab, newline and carriage return; DEL; C1 controls; lone surrogates (JSON
# can carry them, UTF-8 cannot). None of them means anything in a report; NUL breaks
# PostgreSQL and the rest break XML replies (TwiML) and screens.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def text_clean(value: str, limit: int | None = None) -> str:
    """The text without characters that cannot be stored or shown, cut to `limit`."""
    value = _UNSTORABLE.sub("", value)
    return value if limit is None else value[:limit]


def key_bounded(value: str, limit: int) -> str:
    """A cleaned key (a gateway's message id) that fits `limit`: kept as it is when it fits,
    else its beginning and a digest of the whole, so that two long keys alike in their
    beginning stay two, and the same key sent again is the same stored key."""
    value = text_clean(value)
    if len(value) <= limit:
        return value
    digest = hashlib.sha256(value.encode()).hexdigest()
    return f"{value[: limit - len(digest) - 1]}~{digest}"


def strings_cleaned(value, limit: int | None = None):
    """A JSON document (dicts, lists, strings) with every string, keys too, cleaned."""
    if isinstance(value, str):
        return text_clean(value, limit)
    if isinstance(value, dict):
        return {strings_cleaned(k, limit): strings_cleaned(v, limit) for k, v in value.items()}
    if isinstance(value, list):
        return [strings_cleaned(item, limit) for item in value]
    return value
