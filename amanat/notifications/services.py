"""Sending a message to people through channels, logging every delivery."""

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from amanat.accounts.models import User

from .models import Delivery, Notification
from .senders import CHANNELS, ChannelUnavailable, Message, OutboundChannel

log = logging.getLogger(__name__)
Compose = Message | Callable[[], Message]


def message_send(
    *,
    users: Iterable[User],
    message: Compose,
    channels: Iterable[str] = ("inbox", "email"),
    broadcast: Any = None,
) -> list[Delivery]:
    """Send to each person on each channel; a failing channel never stops the others.

    Pass a function that builds the message to have it written in each person's language.
    """
    names = list(channels)
    deliveries = []
    for user in users:
        for name in names:
            deliveries.append(_deliver(user, CHANNELS[name], message, broadcast))
    return deliveries


def _deliver(user: User, channel: OutboundChannel, compose: Compose, broadcast: Any) -> Delivery:
    status, error = Delivery.Status.SENT, ""
    with translation.override(user.preferred_language):
        message = compose() if callable(compose) else compose
    try:
        with transaction.atomic():
            channel.send(user, message)
    except ChannelUnavailable:
        status = Delivery.Status.SKIPPED
    except Exception as failure:  # noqa: BLE001 - any gateway error is logged, not raised
        log.warning("delivery via %s to %s failed: %s", channel.name, user.pk, failure)
        status, error = Delivery.Status.FAILED, str(failure)[:300]
    return Delivery.objects.create(
        user=user,
        channel=channel.name,
        kind=message.kind,
        subject=message.subject[:200],
        body=message.body,
        status=status,
        error=error,
        broadcast=broadcast,
    )


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
