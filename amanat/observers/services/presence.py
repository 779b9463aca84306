"""Election day: observers check in at their station, and raise an SOS when in danger."""

import uuid
from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.audit.services import audit_record
from amanat.elections.models import Election
from amanat.geography.models import PollingStation
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send

from ..models import CheckIn, DeploymentStation, Observer, SosAlert


class PresenceError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def checkin_record(
    *,
    observer: Observer,
    election: Election,
    station: PollingStation,
    client_id: uuid.UUID,
    at: datetime | None = None,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    channel: str = "web",
) -> tuple[CheckIn, bool]:
    """Record an arrival once per client id; the station must be one the observer is deployed
    to. Returns the check-in and whether it is new."""
    existing = CheckIn.objects.filter(client_id=client_id).first()
    if existing is not None:
        if existing.observer_id != observer.pk:
            raise PresenceError("conflict", _("This id was already used by someone else."))
        return existing, False
    deployed = DeploymentStation.objects.filter(
        election=election, station=station, deployment__observer=observer
    ).exists()
    if not deployed:
        raise PresenceError(
            "not_deployed",
            _("You are not deployed to station %(number)s.") % {"number": station.number},
        )
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                client_id=client_id,
                observer=observer,
                election=election,
                station=station,
                checked_in_at=at or timezone.now(),
                latitude=latitude,
                longitude=longitude,
                channel=channel,
            )
    except IntegrityError:
        return CheckIn.objects.get(client_id=client_id), False
    return checkin, True


def sos_responders(region_id: int) -> QuerySet[User]:
    """Who an SOS reaches: the region's coordinators and lawyers."""
    return User.objects.filter(
        is_active=True, role__in=[Role.COORDINATOR, Role.LAWYER], regions__pk=region_id
    ).distinct()


def sos_raise(
    *,
    observer: Observer,
    client_id: uuid.UUID,
    election: Election | None = None,
    station: PollingStation | None = None,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    note: str = "",
) -> tuple[SosAlert, bool]:
    """One action: record the alert and alert the region's coordinators and lawyers."""
    existing = SosAlert.objects.filter(client_id=client_id, observer=observer).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        alert = SosAlert.objects.create(
            client_id=client_id,
            observer=observer,
            region_id=station.district.region_id if station else observer.region_id,
            election=election,
            station=station,
            raised_at=timezone.now(),
            latitude=latitude,
            longitude=longitude,
            note=note.strip()[:2000],
        )
        audit_record(action="observers.sos_raised", actor=observer.user, obj=alert)
        from ..tasks import sos_fan_out_task  # the tasks module imports this one

        transaction.on_commit(lambda: sos_fan_out_task.delay(alert.pk))
    return alert, True


def sos_fan_out(*, alert_id: int) -> int:
    """Alert the region's coordinators and lawyers, each in their language; run again for
    the same alert, it sends nothing more."""
    alert = SosAlert.objects.select_related("observer__user", "station").get(pk=alert_id)

    def compose() -> Message:
        url = reverse("observers:sos_detail", kwargs={"pk": alert.pk})
        where = (
            _("station %(number)s") % {"number": alert.station.number}
            if alert.station
            else _("no station given")
        )
        body = _("Observer %(name)s, %(where)s, at %(time)s.") % {
            "name": alert.observer.user.get_full_name() or alert.observer.user.username,
            "where": where,
            "time": timezone.localtime(alert.raised_at).strftime("%H:%M"),
        }
        if alert.latitude is not None:
            body += " " + _("Location: %(lat)s, %(lon)s.") % {
                "lat": alert.latitude,
                "lon": alert.longitude,
            }
        if alert.note:
            body += "\n" + alert.note
        return Message(kind="sos", subject=_("SOS from an observer"), body=body, url=url)

    planned = message_send(
        users=sos_responders(alert.region_id), message=compose, key=f"sos:{alert.pk}"
    )
    return len(planned)


@transaction.atomic
def sos_update(
    *, alert: SosAlert, actor: User, status: str, outcome: str = "", note: str = ""
) -> SosAlert:
    alert = SosAlert.objects.select_for_update().get(pk=alert.pk)
    if status == SosAlert.Status.CLOSED and outcome not in SosAlert.Outcome.values:
        raise PresenceError("outcome_required", _("Say how it ended before closing."))
    alert.status, alert.handled_by = status, actor
    if status == SosAlert.Status.CLOSED:
        alert.outcome, alert.closed_at, alert.closing_note = outcome, timezone.now(), note.strip()
    alert.save()
    audit_record(
        action="observers.sos_updated",
        actor=actor,
        obj=alert,
        data={"status": status, "outcome": outcome},
    )
    return alert
