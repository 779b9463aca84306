"""Citizens in the Telegram bot: /opinion sends statements one at a time with buttons (agree,
disagree, pass), each press records the vote and sends the next; /support 345 (or the
mandate page's link, /start m345) supports a mandate, once the person's phone is confirmed
by sharing the contact Telegram verified. Private chats only: a group is not a person."""

from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.accounts.selectors import phone_normalise
from amanat.dialogue.models import Conversation
from amanat.dialogue.selectors import conversations_open
from amanat.mandates.models import Confirmation
from amanat.mandates.phone import PhoneRefused, phone_confirmation_record
from amanat.mandates.selectors import person_confirmed
from amanat.notifications.models import TelegramLink
from amanat.notifications.telegram import client

from .citizens import (
    NotConfirmed,
    mandate_support_by_phone,
    next_statement,
    opinion_vote,
    report_url,
    vote_label,
)
from .people import chat_person

LISTED = 10  # open conversations offered as buttons


def _number(text: str) -> int | None:
    text = text.strip().lstrip("#№")
    return int(text) if text.isdecimal() and 0 < int(text) < 2**31 else None


def citizen_dispatch(chat_id: int, message: dict, data: str, language: str) -> bool:
    """Handle the update if it is a citizen's; False leaves it to the observers' bot."""
    # A button's press carries the bot's own message: its text is not the person's.
    text = "" if data else (message.get("text") or "").strip()
    command, _space, argument = text.partition(" ")
    command = command.split("@")[0].lower()  # "/opinion@amanat_bot" in a menu
    if command == "/start" and argument.strip()[:1].lower() in ("m", "o"):
        command, argument = (
            {"m": "/support", "o": "/opinion"}[argument.strip()[0].lower()],
            (argument.strip()[1:]),
        )
    if command in ("/start", "/help") and not argument.strip() and not _observer_chat(chat_id):
        client.send(chat_id, _(
            "Amanat. Vote on opinion statements: /opinion. Support a mandate: /support and its "
            "number. Observers link their account with /link and the code from “My station”."
        ))  # fmt: skip
        return True
    action, _sep, rest = data.partition(":")
    wanted = command in ("/opinion", "/support") or action in ("opc", "opv", "sup")
    if not wanted and not message.get("contact"):
        return False
    if (message.get("chat") or {}).get("type", "private") != "private":
        client.send(chat_id, _("Write to the bot in a private chat: a vote is one person's."))
        return True
    person = chat_person(chat_id=chat_id, language=language)
    if message.get("contact"):
        _contact(chat_id, person, message)
    elif command == "/opinion" or action == "opc":
        _opinion(chat_id, person, _number(argument if command else rest))
    elif action == "opv":
        _vote(chat_id, person, rest)
    else:
        _support(chat_id, person, _number(argument if command else rest))
    return True


def _opinion(chat_id: int, person: User, conversation_id: int | None) -> None:
    conversation = (
        Conversation.objects.filter(pk=conversation_id).first() if conversation_id else None
    )
    if conversation is None and conversation_id:
        client.send(chat_id, _("There is no conversation %(id)s.") % {"id": conversation_id})
    if conversation is None:
        listed = list(conversations_open()[:LISTED])
        if not listed:
            client.send(chat_id, _("No conversation is open for votes now."))
            return
        buttons = [[(c.title[:60], f"opc:{c.pk}")] for c in listed]
        client.send(chat_id, _("Which conversation?"), buttons)
        return
    _ask(chat_id, person, conversation, "")


def _ask(chat_id: int, person: User, conversation: Conversation, before: str) -> None:
    """The next statement with its buttons, or why there is none."""
    if not conversation.is_open:
        client.send(chat_id, _("This conversation is closed: it takes no more votes."))
        return
    statement = next_statement(conversation, person)
    if statement is None:
        done = _("You have voted on every statement. Thank you. The results: %(url)s") % {
            "url": report_url(conversation)}  # fmt: skip
        client.send(chat_id, "\n\n".join(p for p in (before, done) if p))
        return
    body = f"{conversation.title}\n\n«{statement.text}»"
    buttons = [[(vote_label(value), f"opv:{statement.pk}:{value}") for value in (1, -1, 0)]]
    client.send(chat_id, "\n\n".join(p for p in (before, body) if p), buttons)


def _vote(chat_id: int, person: User, rest: str) -> None:
    statement, _sep, value = rest.partition(":")
    statement_id = _number(statement)
    if statement_id is None or value not in ("1", "-1", "0"):
        client.send(chat_id, _("Send /opinion to vote on statements."))
        return
    outcome = opinion_vote(statement_id=statement_id, value=int(value), person=person)
    if outcome.conversation is None or not outcome.ok:
        client.send(chat_id, outcome.text)
        return
    _ask(chat_id, person, outcome.conversation, "✓ " + outcome.text)


def _support(chat_id: int, person: User, mandate_id: int | None) -> None:
    if mandate_id is None:
        client.send(chat_id, _("Send the mandate's number: /support 345"))
        return
    if not person_confirmed(person):
        _ask_contact(chat_id)
        return
    try:
        outcome = mandate_support_by_phone(mandate_id=mandate_id, person=person)
    except NotConfirmed:  # pragma: no cover - checked just above
        _ask_contact(chat_id)
        return
    client.send(chat_id, outcome.text)


def _ask_contact(chat_id: int) -> None:
    """A keyboard button that shares the phone number Telegram verified for this account."""
    client.call("sendMessage", {
        "chat_id": chat_id,
        "text": _("Supports count once per person. Confirm your phone number: press the button "
                  "below, then send /support with the number again."),
        "reply_markup": {"keyboard": [[{"text": _("Share my phone number"),
                                        "request_contact": True}]],
                         "one_time_keyboard": True, "resize_keyboard": True},
    })  # fmt: skip


def _contact(chat_id: int, person: User, message: dict) -> None:
    """The contact proves the number only if it is the sender's own (Telegram verified it)."""
    contact, sender = message.get("contact") or {}, message.get("from") or {}
    raw = contact.get("phone_number")
    own = contact.get("user_id") is not None and contact.get("user_id") == sender.get("id")
    phone = phone_normalise("+" + raw.lstrip("+")) if own and isinstance(raw, str) else None
    done = {"reply_markup": {"remove_keyboard": True}}
    if phone is None:
        text = _("Share your own phone number with the button, not another contact.")
        client.call("sendMessage", {"chat_id": chat_id, "text": text, **done})
        return
    try:
        phone_confirmation_record(user=person, phone=phone)
    except PhoneRefused:
        owner = _owner(phone)
        if person.has_usable_password() or owner is None:
            text = _("This number is already confirmed for another account.")
            client.call("sendMessage", {"chat_id": chat_id, "text": text, **done})
            return
        # A minimal account made for this chat: the chat becomes the number's person.
        TelegramLink.objects.filter(chat_id=chat_id).delete()
        TelegramLink.objects.update_or_create(user=owner, defaults={"chat_id": chat_id})
    text = _("Your phone number is confirmed. Send /support with the mandate's number.")
    client.call("sendMessage", {"chat_id": chat_id, "text": text, **done})


def _observer_chat(chat_id: int) -> bool:
    link = TelegramLink.objects.select_related("user").filter(chat_id=chat_id).first()
    return link is not None and getattr(link.user, "observer", None) is not None


def _owner(phone: str) -> User | None:
    found = Confirmation.objects.filter(channel=Confirmation.Channel.PHONE, address=phone).first()
    return found.user if found else None
