"""Citizens' self-checks of the voter list: recorded once per form (client id), counted per
region and per station. Counts only: the people who check themselves are not a sample, so no
share or estimate is ever computed from them."""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet

from amanat.elections.selectors import election_current
from amanat.geography.models import PollingStation, Region
from amanat.legal.stages import stages_compute

from .models_conditions import SelfCheck

Outcome = SelfCheck.Outcome


class SelfCheckError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def selfcheck_record(
    *, client_id: uuid.UUID, station_number: str, outcome: str, details: str
) -> SelfCheck:
    """Store one self-check; the same form sent twice (its client id) gives the first one."""
    station = (
        PollingStation.objects.select_related("district__region", "commission")
        .filter(number=station_number.strip())
        .first()
    )
    if station is None:
        raise SelfCheckError("station", "unknown_station")
    election = election_current()
    try:
        with transaction.atomic():
            return SelfCheck.objects.create(
                code=client_id, election=election, station=station,
                region=station.district.region, outcome=outcome, details=details.strip(),
            )  # fmt: skip
    except IntegrityError:
        return SelfCheck.objects.select_related("station", "region").get(code=client_id)


def selfcheck_by_code(code: uuid.UUID) -> SelfCheck | None:
    return (
        SelfCheck.objects.select_related("station__commission", "station__district", "region")
        .filter(code=code)
        .first()
    )


def _counted(rows: QuerySet[SelfCheck], key: str) -> QuerySet:
    return (
        rows.values(key)
        .annotate(
            total=Count("pk"),
            **{o.value: Count("pk", filter=Q(outcome=o.value)) for o in Outcome},
        )
        .order_by(key)
    )


@dataclass(frozen=True)
class RegionCount:
    region: Region
    counts: dict[str, int]
    total: int


def counts_by_region() -> list[RegionCount]:
    """Every region with its number of self-checks of each outcome (zeros included)."""
    found = {row["region"]: row for row in _counted(SelfCheck.objects.all(), "region")}
    result = []
    for region in Region.objects.order_by("code"):
        row = found.get(region.pk, {})
        counts = {o.value: row.get(o.value, 0) for o in Outcome}
        result.append(RegionCount(region, counts, row.get("total", 0)))
    return result


def counts_by_station(region: Region) -> QuerySet:
    """Rows of {station__number, total, <outcome>: n} for one region's checked stations."""
    rows = SelfCheck.objects.filter(region=region)
    return _counted(rows, "station__number").order_by("-total", "station__number")


def lists_open_on() -> date | None:
    """The day the current election's voter lists open for checking (legal.stages), if any."""
    election = election_current()
    if election is None:
        return None
    for stage in stages_compute(election_type=election.type, election_day=election.election_day):
        if stage.code == "voter_lists_open":
            return stage.starts.date()
    return None
