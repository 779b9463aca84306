"""Messages from coordinators to observers, filtered, through the outbound channels.

The coordinator's request only records the broadcast and enqueues its fan-out; the fan-out
task plans one delivery per observer and channel, each sent by its own task."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from amanat.accounts.models import Program, User
from amanat.accounts.selectors import certificates_valid
from amanat.audit.services import audit_record
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send

from ..models import Broadcast, DeploymentStation, Observer
from ..selectors import observers_visible_to


def broadcast_recipients(
    *, observers: QuerySet[Observer], filters: dict[str, Any]
) -> QuerySet[Observer]:
    """filters: region (codes), district (ids), station (numbers), certified (yes/no)."""
    if filters.get("region"):
        observers = observers.filter(region__code__in=filters["region"])
    if filters.get("district"):
        observers = observers.filter(district_id__in=filters["district"])
    if filters.get("station"):
        at_station = DeploymentStation.objects.filter(
            deployment__observer=OuterRef("pk"), station__number__in=filters["station"]
        )
        observers = observers.filter(Exists(at_station))
    if filters.get("certified") in ("yes", "no"):
        certified = certificates_valid(program=Program.OBSERVER).filter(user=OuterRef("user"))
        observers = observers.filter(
            Exists(certified) if filters["certified"] == "yes" else ~Exists(certified)
        )
    return observers.select_related("user")


def broadcast_send(
    *,
    author: User,
    subject: str,
    body: str,
    observers: QuerySet[Observer],
    filters: dict[str, Any],
    channels: Iterable[str],
) -> Broadcast:
    """Record the broadcast and have it fanned out after commit; returns at once."""
    recipients = broadcast_recipients(observers=observers, filters=filters).count()
    broadcast = Broadcast.objects.create(
        author=author, subject=subject, body=body, filters=filters, channels=list(channels)
    )
    audit_record(
        action="observers.broadcast_sent",
        actor=author,
        obj=broadcast,
        data={"recipients": recipients, "filters": filters},
    )
    from ..tasks import broadcast_fan_out_task  # the tasks module imports this one

    transaction.on_commit(lambda: broadcast_fan_out_task.delay(broadcast.pk))
    return broadcast


def broadcast_fan_out(*, broadcast_id: int) -> int:
    """One delivery per recipient and channel, each enqueued; run again, it adds nothing.
    The recipients are the observers the author may reach, filtered as the author chose."""
    broadcast = Broadcast.objects.select_related("author").get(pk=broadcast_id)
    if broadcast.author is None:
        return 0
    observers = broadcast_recipients(
        observers=observers_visible_to(broadcast.author), filters=broadcast.filters
    ).order_by("pk")
    planned = message_send(
        users=(observer.user for observer in observers.iterator(chunk_size=1000)),
        message=Message(kind="broadcast", subject=broadcast.subject, body=broadcast.body),
        channels=broadcast.channels,
        key=f"broadcast:{broadcast.pk}",
        broadcast=broadcast,
    )
    return len(planned)
