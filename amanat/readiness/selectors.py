"""Reads of the voter-list audit: the projects one may see, the results of each test with
their intervals (aggregates only: no name, birth date or address ever leaves here) and the
computer tests' findings on an extract (personal data: the region's audit team only)."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Count, QuerySet

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.geography.models import Region

from .models import (
    AuditProject,
    AuditStation,
    ExtractEntry,
    ListOutcome,
    NameOutcome,
    PeopleCheck,
    PersonOutcome,
)
from .sampling import Share, cluster_share

ADDRESS_LIMIT = 10  # more voters than this at one address is a finding
OLDEST = 110


def projects_for(user: User) -> QuerySet[AuditProject]:
    """Admins and analysts see every audit; a coordinator the nationwide ones and their
    regions'."""
    projects = AuditProject.objects.select_related("election", "region").annotate(
        drawn=Count("stations")
    )
    if user.role == Role.COORDINATOR:
        projects = projects.filter(region=None) | projects.filter(region__in=user.regions.all())
    return projects.order_by("-created_at", "-pk")


def stations_of(project: AuditProject) -> QuerySet[AuditStation]:
    return (
        project.stations.select_related("station", "region")
        .annotate(drawn_names=Count("names", distinct=True))
        .order_by("number")
    )


@dataclass(frozen=True)
class OutcomeRow:
    outcome: str
    label: str
    count: int
    share: Share

    @property
    def percent(self) -> str:
        return f"{self.share.share * 100:.1f}"

    @property
    def low_percent(self) -> str:
        return "" if self.share.low is None else f"{self.share.low * 100:.1f}"

    @property
    def high_percent(self) -> str:
        return "" if self.share.high is None else f"{self.share.high * 100:.1f}"


@dataclass(frozen=True)
class ResultTable:
    scope: str  # the region's name, or "" for the whole audit
    stations: int
    names: int
    rows: list[OutcomeRow]


def _table(
    scope: str, by_station: dict[int, Counter[str]], choices: type[models.TextChoices]
) -> ResultTable | None:
    stations = sorted(by_station)
    sizes = [sum(by_station[s].values()) for s in stations]
    if not stations or not sum(sizes):
        return None
    rows = [
        OutcomeRow(
            outcome=value,
            label=str(label),
            count=sum(by_station[s][value] for s in stations),
            share=cluster_share([by_station[s][value] for s in stations], sizes),
        )
        for value, label in choices.choices
    ]
    return ResultTable(scope=scope, stations=len(stations), names=sum(sizes), rows=rows)


def _tables(
    pairs: list[tuple[int, int, str]], choices: type[models.TextChoices]
) -> list[ResultTable]:
    """(station, region, outcome) per observation → the whole audit, then each region (in
    the order of their codes, named in the reader's language)."""
    overall: dict[int, Counter[str]] = defaultdict(Counter)
    regions: dict[int, dict[int, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for station, region, outcome in pairs:
        overall[station][outcome] += 1
        regions[region][station][outcome] += 1
    tables = [_table("", overall, choices)]
    for place in Region.objects.filter(pk__in=regions).order_by("code"):
        tables.append(_table(str(place.name), regions[place.pk], choices))
    return [table for table in tables if table is not None]


def list_results(project: AuditProject) -> list[ResultTable]:
    """List-to-people: the current outcome of each drawn name, clustered by station."""
    rows = ListOutcome.objects.filter(
        name__audit_station__project=project, is_current=True
    ).values_list("name__audit_station__station_id", "name__audit_station__region_id",
                  "outcome")  # fmt: skip
    return _tables(list(rows), NameOutcome)


def people_results(project: AuditProject) -> list[ResultTable]:
    """People-to-list: each person met, clustered by the station whose list was checked."""
    rows = PeopleCheck.objects.filter(project=project).values_list(
        "station_id", "region_id", "outcome"
    )
    return _tables(list(rows), PersonOutcome)


def unmatched_count(project: AuditProject) -> int:
    return ListOutcome.objects.filter(
        election=project.election_id, name=None, station__in=project.stations.values("station")
    ).count()


@dataclass(frozen=True)
class Findings:
    duplicates: list[list[ExtractEntry]]
    too_young: list[ExtractEntry]
    too_old: list[ExtractEntry]
    crowded: list[tuple[str, int]]  # address, voters there

    @property
    def total(self) -> int:
        return len(self.duplicates) + len(self.too_young) + len(self.too_old) + len(self.crowded)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def findings(audit_station: AuditStation) -> Findings:
    """Computer tests on the extract: one person twice (same name and birth date, letter
    case and spaces aside), ages under 18 on election day or over 110, and addresses with
    more than ADDRESS_LIMIT voters."""
    entries = list(audit_station.entries.order_by("position"))
    day = audit_station.project.election.election_day
    same: dict[tuple[str, date | None], list[ExtractEntry]] = defaultdict(list)
    for entry in entries:
        same[(" ".join(entry.full_name.casefold().split()), entry.birth_date)].append(entry)
    addresses = Counter(" ".join(e.address.casefold().split()) for e in entries if e.address)
    shown = {" ".join(e.address.casefold().split()): e.address for e in entries}
    born = [e for e in entries if e.birth_date is not None]
    return Findings(
        duplicates=[group for group in same.values() if len(group) > 1],
        too_young=[e for e in born if _age(e.birth_date, day) < 18],  # type: ignore[arg-type]
        too_old=[e for e in born if _age(e.birth_date, day) > OLDEST],  # type: ignore[arg-type]
        crowded=[
            (shown[key], count) for key, count in addresses.most_common() if count > ADDRESS_LIMIT
        ],
    )
