"""Outbound senders: one small class per channel, chosen by name. Each knows the person's
address on its channel and hands the message to the edge (Django's e-mail backend, Telegram's
Bot API); a person with no address there raises ChannelUnavailable."""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail

from amanat.accounts.models import User

from .models import Notification, TelegramLink
from .telegram import client as telegram_client


@dataclass(frozen=True)
class Message:
    kind: str
    subject: str
    body: str
    url: str = ""


class ChannelUnavailable(Exception):
    """The person has no address on this channel."""


class OutboundChannel(Protocol):
    name: str

    def send(self, user: User, message: Message) -> None: ...


def absolute_url(url: str) -> str:
    """A message read outside the website needs the whole address."""
    return settings.AMANAT_BASE_URL + url if url.startswith("/") else url


class InboxChannel:
    name = "inbox"

    def send(self, user: User, message: Message) -> None:
        Notification.objects.create(
            user=user,
            kind=message.kind,
            title=message.subject[:200],
            body=message.body,
            url=message.url,
            language=user.preferred_language,
        )


class EmailChannel:
    name = "email"

    def send(self, user: User, message: Message) -> None:
        if not user.email:
            raise ChannelUnavailable
        email_to(user.email, message)


def email_to(address: str, message: Message) -> None:
    """The e-mail itself, to an account's address or to one a person left without an account."""
    url = absolute_url(message.url)
    body = message.body + (f"\n\n{url}" if url else "")
    send_mail(message.subject, body, settings.DEFAULT_FROM_EMAIL, [address])


class TelegramChannel:
    name = "telegram"

    def send(self, user: User, message: Message) -> None:
        link = TelegramLink.objects.filter(user=user).first()
        if link is None:
            raise ChannelUnavailable
        url = absolute_url(message.url)
        text = "\n\n".join(part for part in (message.subject, message.body, url) if part)
        telegram_client.send(link.chat_id, text)


CHANNELS: dict[str, OutboundChannel] = {
    c.name: c for c in (InboxChannel(), EmailChannel(), TelegramChannel())
}
