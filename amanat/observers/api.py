import uuid
from datetime import datetime
from decimal import Decimal
from typing import Literal, overload

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from amanat.core.api_errors import ApiError, ErrorCode, error_responses
from amanat.elections.selectors import election_current
from amanat.geography.models import PollingStation

from .selectors import coverage_by_region, regions_visible_to
from .services.presence import PresenceError, checkin_record, sos_raise

router = Router(tags=["observers"])


class CoverageOut(Schema):
    region: str
    stations: int
    covered: int
    one_observer: int
    two_or_more: int


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise ApiError(403, ErrorCode.PERMISSION_DENIED, _("You may not do this."))


def _election():
    election = election_current()
    if election is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, _("There is no election yet."))
    return election


@router.get(
    "/coverage",
    response={200: list[CoverageOut], **error_responses(401, 403, 404)},
    summary="Observer coverage per region",
)
def coverage(request):
    _require(request, "observers.view_coverage")
    rows = coverage_by_region(election=_election(), regions=regions_visible_to(request.user))
    return [
        {
            "region": row.key.code,
            "stations": row.stations,
            "covered": row.covered,
            "one_observer": row.one,
            "two_or_more": row.two_plus,
        }
        for row in rows
    ]


class PresenceIn(Schema):
    client_id: uuid.UUID
    station: str | None = None
    observed_at: datetime | None = None
    # Within the globe: the columns hold 9 digits, 6 after the point (a larger value was a
    # 500 on PostgreSQL).
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    longitude: Decimal | None = Field(None, ge=-180, le=180)
    note: str = ""


class CheckInOut(Schema):
    client_id: uuid.UUID
    station: str
    checked_in_at: datetime


class SosOut(Schema):
    id: int
    client_id: uuid.UUID
    status: str
    station: str | None


def _observer(request):
    observer = getattr(request.user, "observer", None)
    if observer is None:
        raise ApiError(403, ErrorCode.PERMISSION_DENIED, _("Only observers can do this."))
    return observer


def _station_error(code: str, message: str) -> ApiError:
    return ApiError(
        422, ErrorCode.INVALID, message, [{"field": "station", "code": code, "message": message}]
    )


@overload
def _station(number: str | None, *, required: Literal[True]) -> PollingStation: ...
@overload
def _station(number: str | None, *, required: bool) -> PollingStation | None: ...
def _station(number: str | None, *, required: bool) -> PollingStation | None:
    if not number:
        if required:
            raise _station_error("required", _("Give the station number."))
        return None
    station = PollingStation.objects.select_related("district").filter(number=number).first()
    if station is None:
        raise _station_error("unknown", _("There is no station %(number)s.") % {"number": number})
    return station


@router.post(
    "/checkins",
    response={200: CheckInOut, 201: CheckInOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="Observer check-in",
)
def checkin(request, payload: PresenceIn):
    observer = _observer(request)
    try:
        record, created = checkin_record(
            observer=observer,
            election=_election(),
            station=_station(payload.station, required=True),
            client_id=payload.client_id,
            at=payload.observed_at,
            latitude=payload.latitude,
            longitude=payload.longitude,
            channel="api",
        )
    except PresenceError as failure:
        status = 409 if failure.code == "conflict" else 422
        raise ApiError(status, failure.code, failure.message) from None
    body = {
        "client_id": record.client_id,
        "station": record.station.number,
        "checked_in_at": record.checked_in_at,
    }
    return Status(201 if created else 200, body)


@router.post(
    "/sos",
    response={200: SosOut, 201: SosOut, **error_responses(400, 401, 403, 422)},
    summary="Raise an SOS",
)
def sos(request, payload: PresenceIn):
    observer = _observer(request)
    alert, created = sos_raise(
        observer=observer,
        client_id=payload.client_id,
        election=election_current(),
        station=_station(payload.station, required=False),
        latitude=payload.latitude,
        longitude=payload.longitude,
        note=payload.note,
    )
    body = {
        "id": alert.pk,
        "client_id": alert.client_id,
        "status": alert.status,
        "station": alert.station.number if alert.station else None,
    }
    return Status(201 if created else 200, body)
