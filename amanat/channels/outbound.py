"""Outbound channels: one small class each, chosen by name. SMS and Telegram adapters join
with rapid reporting; until then the inbox and e-mail carry every message."""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail

from .models import Notification


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

    def send(self, user, message: Message) -> None: ...


class InboxChannel:
    name = "inbox"

    def send(self, user, message: Message) -> None:
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

    def send(self, user, message: Message) -> None:
        if not user.email:
            raise ChannelUnavailable
        url = message.url
        if url.startswith("/"):
            url = settings.AMANAT_BASE_URL + url  # an e-mail needs the whole address
        body = message.body + (f"\n\n{url}" if url else "")
        send_mail(message.subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


CHANNELS: dict[str, OutboundChannel] = {c.name: c for c in (InboxChannel(), EmailChannel())}
