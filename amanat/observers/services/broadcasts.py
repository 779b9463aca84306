"""Messages from coordinators to observers, filtered, through the outbound channels."""

from django.db.models import Exists, OuterRef, QuerySet

from amanat.audit.services import audit_record
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send
from amanat.training.models import Certificate, Program

from ..models import Broadcast, DeploymentStation, Observer


def broadcast_recipients(*, observers: QuerySet[Observer], filters: dict) -> QuerySet[Observer]:
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
        certified = Certificate.objects.filter(
            user=OuterRef("user"), program=Program.OBSERVER, revoked_at__isnull=True
        )
        observers = observers.filter(
            Exists(certified) if filters["certified"] == "yes" else ~Exists(certified)
        )
    return observers.select_related("user")


def broadcast_send(
    *, author, subject: str, body: str, observers: QuerySet[Observer], filters: dict, channels
) -> Broadcast:
    recipients = [o.user for o in broadcast_recipients(observers=observers, filters=filters)]
    broadcast = Broadcast.objects.create(
        author=author, subject=subject, body=body, filters=filters, channels=list(channels)
    )
    message_send(
        users=recipients,
        message=Message(kind="broadcast", subject=subject, body=body),
        channels=channels,
        broadcast=broadcast,
    )
    audit_record(
        action="observers.broadcast_sent",
        actor=author,
        obj=broadcast,
        data={"recipients": len(recipients), "filters": filters},
    )
    return broadcast
