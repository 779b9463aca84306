import functools

import phonenumbers
from django.db.models import Q, QuerySet

from .models import Certificate, User

# Longer than any phone number typed any usual way ("+7 (701) 000-00-42" is 18).
PHONE_TYPED_MAX = 40


def phone_normalise(raw: str, default_region: str = "KZ") -> str | None:
    """E.164 form of a phone number typed any usual way (8 701..., +7 (701)...), or None.
    Parsing is slow next to the rest of an SMS's handling, and the same few thousand
    observers' numbers arrive again and again, so answers are remembered; only for input
    short enough to be a number: the memo holds 16,384 answers, keyed by what was typed (a
    login, an SMS sender), and 16,384 long keys would fill a worker's memory."""
    if len(raw) > PHONE_TYPED_MAX:
        return None
    return _phone_parsed(raw, default_region)


@functools.lru_cache(maxsize=16384)
def _phone_parsed(raw: str, default_region: str) -> str | None:
    try:
        number = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def user_find_by_login(login: str) -> User | None:
    login = login.strip()
    condition = Q(username__iexact=login)
    if "@" in login:
        condition |= Q(email__iexact=login)
    elif any(ch.isdigit() for ch in login):
        phone = phone_normalise(login)
        if phone:
            condition |= Q(phone=phone)
    matches = list(User.objects.filter(condition)[:2])
    # A login that matches two people (one's username is another's phone) signs nobody in.
    return matches[0] if len(matches) == 1 else None


def certificates_valid(*, program: str) -> QuerySet[Certificate]:
    """The certificates of a programme that stand (not revoked): whoever holds one of the
    observer programme is a certified observer, for training and observers alike."""
    return Certificate.objects.filter(program=program, revoked_at__isnull=True)
