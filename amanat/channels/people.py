"""Who a citizen's SMS or Telegram message comes from: an account, found or made.

A phone number proves the person (an SMS comes from it; Telegram shares a contact only of the
account's own verified number). The account is the one whose confirmed phone is the number
(a Confirmation with the address). A profile that merely gives the number proves nothing
(anyone can type any number there, and linking the SMS to it would hand that account the
number's supports), so otherwise a minimal participant account is made for the number: a
username derived from it, the number, the language the person wrote in, no password, and
the phone Confirmation. A Telegram chat with no phone is linked to a minimal account of its
own, enough to vote on opinion statements (not to support mandates, which needs a confirmed
person)."""

import secrets

from django.db import IntegrityError, transaction

from amanat.accounts.models import User
from amanat.mandates.models import Confirmation
from amanat.mandates.phone import PhoneRefused, phone_confirmation_record
from amanat.notifications.models import TelegramLink

KAZAKH_LETTERS = set("ӘҒҚҢӨҰҮҺІәғқңөұүһі")
LANGUAGES = ("kk", "ru", "en")


def language_of_text(text: str, default: str) -> str:
    """The language a short text is written in, as far as its letters tell."""
    if any(letter in KAZAKH_LETTERS for letter in text):
        return "kk"
    if any("а" <= letter.lower() <= "я" or letter in "ёЁ" for letter in text):
        return "ru"
    return default


def phone_person(*, phone: str, language: str) -> User:
    """The account of the person with this number (E.164), made if there is none; its phone
    confirmed (the message came from it) unless the number is someone else's confirmation."""
    confirmed = (
        Confirmation.objects.select_related("user")
        .filter(channel=Confirmation.Channel.PHONE, address=phone)
        .first()
    )
    if confirmed is not None:
        return confirmed.user
    user = _participant(phone, language)
    if Confirmation.objects.filter(user=user, channel=Confirmation.Channel.PHONE).exists():
        return user  # another number of theirs is confirmed: it stays the one on record
    try:
        phone_confirmation_record(user=user, phone=phone)
    except PhoneRefused:  # confirmed for another account meanwhile: that one is the person
        return phone_person(phone=phone, language=language)
    return user


def _participant(phone: str, language: str) -> User:
    """The participant account of the number: made on its first message, found by its
    username afterwards (another account's profile may give the same number)."""
    username = f"phone-{phone.lstrip('+')}"
    made = User.objects.filter(username=username).first()
    if made is not None:
        return made
    try:
        with transaction.atomic():
            # The profile number is unique: when another profile claims it, the confirmed
            # number (the Confirmation) is what proves this participant.
            claimed = User.objects.filter(phone=phone).exists()
            user = User(
                username=username, phone="" if claimed else phone,
                preferred_language=language if language in LANGUAGES else "ru",
            )  # fmt: skip
            user.set_unusable_password()
            user.save()
    except IntegrityError:  # made by the same person's other message at the same time
        return User.objects.get(username=username)
    return user


def chat_person(*, chat_id: int, language: str) -> User:
    """The account linked to the Telegram chat, or a minimal one made and linked for it."""
    link = TelegramLink.objects.select_related("user").filter(chat_id=chat_id).first()
    if link is not None:
        return link.user
    try:
        with transaction.atomic():
            user = User(
                username=f"telegram-{chat_id}-{secrets.token_hex(3)}",
                preferred_language=language if language in LANGUAGES else "ru",
            )
            user.set_unusable_password()
            user.save()
            TelegramLink.objects.create(user=user, chat_id=chat_id)
    except IntegrityError:  # the chat was linked by a message handled at the same time
        return TelegramLink.objects.select_related("user").get(chat_id=chat_id).user
    return user
