"""Sending a message to people through channels, logging every delivery.

A message is planned in the request (one pending Delivery per person and channel, written in
the person's language) and sent by one background task per delivery after the transaction
commits. The row is the idempotency key: a task sends only a pending row, under its lock, and
marks it sent in the same transaction, so a retried or redelivered task never sends twice.
"""

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from amanat.accounts.models import User

from .models import Delivery, Notification
from .senders import CHANNELS, ChannelUnavailable, Message, email_to

log = logging.getLogger(__name__)
Compose = Message | Callable[[], Message]


def message_send(
    *,
    users: Iterable[User],
    message: Compose,
    channels: Iterable[str] = ("inbox", "email"),
    key: str = "",
    broadcast: Any = None,
) -> list[Delivery]:
    """Plan one delivery per person and channel and have each sent after commit.

    `key` names the occasion (`sos:12`): planning it again adds no delivery. Pass a function
    that builds the message to have it written in each person's language. Returns the
    deliveries planned now (none for an occasion already planned).
    """
    occasion = key or f"once:{uuid.uuid4().hex}"
    names = [name for name in channels if name in CHANNELS]
    deliveries: list[Delivery] = []
    chunk: list[User] = []
    for user in users:
        chunk.append(user)
        if len(chunk) == PLAN_CHUNK:
            deliveries += _plan(chunk, message, names, occasion, broadcast)
            chunk = []
    if chunk:
        deliveries += _plan(chunk, message, names, occasion, broadcast)
    return deliveries


PLAN_CHUNK = 500


def _plan(
    users: list[User], message: Compose, names: list[str], occasion: str, broadcast: Any
) -> list[Delivery]:
    planned = []
    for user in users:
        with translation.override(user.preferred_language):
            composed = message() if callable(message) else message
        planned += [
            Delivery(
                user=user,
                channel=name,
                kind=composed.kind,
                subject=composed.subject[:200],
                body=composed.body,
                url=composed.url[:300],
                status=Delivery.Status.PENDING,
                key=f"{occasion}:{user.pk}:{name}",
                broadcast=broadcast,
            )
            for name in names
        ]
    Delivery.objects.bulk_create(planned, ignore_conflicts=True)
    # ignore_conflicts leaves no primary keys: read back what is still waiting to be sent (a
    # delivery planned before and not yet tried is handed to a task again, which is harmless).
    waiting = Delivery.objects.filter(
        key__in=[d.key for d in planned], status=Delivery.Status.PENDING, attempts=0
    )
    deliveries = list(waiting.order_by("pk"))
    ids = [d.pk for d in deliveries]
    transaction.on_commit(lambda: deliveries_enqueue(ids))
    return deliveries


def email_to_address(*, address: str, message: Message, key: str = "") -> None:
    """E-mail someone who has no account, after commit, by a task like every delivery: the
    request does not wait for the mail server, and a redelivered task sends nothing twice.
    `key` names the occasion (`question-answered:12`): planning it again adds nothing."""
    occasion = key or f"once:{uuid.uuid4().hex}"
    delivery = Delivery(
        address=address, channel="email", kind=message.kind, subject=message.subject[:200],
        body=message.body, url=message.url[:300], status=Delivery.Status.PENDING,
        key=f"{occasion}:address:email",
    )  # fmt: skip
    Delivery.objects.bulk_create([delivery], ignore_conflicts=True)
    waiting = Delivery.objects.filter(key=delivery.key, status=Delivery.Status.PENDING, attempts=0)
    ids = list(waiting.values_list("pk", flat=True))
    transaction.on_commit(lambda: deliveries_enqueue(ids))


def deliveries_enqueue(ids: list[int]) -> None:
    from .tasks import delivery_send_task  # the tasks module imports this one

    for delivery_id in ids:
        delivery_send_task.delay(delivery_id)


@dataclass(frozen=True)
class Outcome:
    status: str
    error: str = ""

    @property
    def retry(self) -> bool:
        return self.status == Delivery.Status.PENDING and bool(self.error)


def delivery_send(*, delivery_id: int) -> Outcome:
    """Send one pending delivery, once. The row stays locked while the sender hands the
    message to its edge: another task given the same row waits, then finds it sent."""
    with transaction.atomic():
        delivery = (
            # Only the delivery's row is locked: the user is joined (outer: an e-mail to an
            # address has none), and PostgreSQL locks no row of a join's nullable side.
            Delivery.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=delivery_id)
        ).first()
        if delivery is None or delivery.status != Delivery.Status.PENDING:
            return Outcome(delivery.status if delivery else "missing")
        message = Message(delivery.kind, delivery.subject, delivery.body, delivery.url)
        delivery.attempts += 1
        try:
            with transaction.atomic():
                if delivery.user is None:
                    email_to(delivery.address, message)
                else:
                    CHANNELS[delivery.channel].send(delivery.user, message)
        except ChannelUnavailable:
            delivery.status = Delivery.Status.SKIPPED
        except Exception as failure:  # noqa: BLE001 - any gateway error is retried, not raised
            log.warning(
                "delivery %s via %s to %s failed (attempt %s): %s",
                delivery.pk, delivery.channel, delivery.user_id, delivery.attempts, failure,
            )  # fmt: skip
            delivery.error = str(failure)[:300] or type(failure).__name__
        else:
            delivery.status, delivery.error = Delivery.Status.SENT, ""
            delivery.sent_at = timezone.now()
        delivery.save(update_fields=["status", "error", "attempts", "sent_at"])
    return Outcome(delivery.status, delivery.error)


def delivery_give_up(*, delivery_id: int) -> None:
    """Retries are spent: the delivery failed (its last error stays)."""
    Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED
    )


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
