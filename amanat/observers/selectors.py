"""Reads for the observer network: what each person may see, coverage, presence."""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from amanat.accounts.models import Program, User
from amanat.accounts.roles import Role
from amanat.accounts.selectors import certificates_valid
from amanat.elections.models import Election
from amanat.geography.models import District, PollingStation, Region

from .models import Application, CheckIn, Deployment, DeploymentStation, Observer, SosAlert


def regions_visible_to(user: User) -> QuerySet[Region]:
    """All regions for admins and analysts; their own for coordinators, lawyers, observers."""
    if user.role in (Role.ADMIN, Role.ANALYST):
        return Region.objects.order_by("code")
    return user.regions.order_by("code")


def applications_visible_to(user: User) -> QuerySet[Application]:
    return Application.objects.filter(region__in=regions_visible_to(user)).select_related(
        "region", "district"
    )


def observers_visible_to(user: User) -> QuerySet[Observer]:
    if user.role == Role.ANALYST:
        return Observer.objects.none()  # aggregates only
    return Observer.objects.filter(region__in=regions_visible_to(user)).select_related(
        "user", "region", "district"
    )


def observers_listed(
    observers: QuerySet[Observer], *, election: Election | None, q: str = "",
    status: str = "", station: str = "",
) -> QuerySet[Observer]:  # fmt: skip
    """The coordinator's list: each observer with `certified` and `assigned` (to a station of
    this election), searched by name, phone, username or station number, and filtered."""
    certified = certificates_valid(program=Program.OBSERVER).filter(user=OuterRef("user"))
    links = DeploymentStation.objects.filter(election=election, deployment__observer=OuterRef("pk"))
    observers = observers.annotate(certified=Exists(certified), assigned=Exists(links))
    # A number typed with spaces ("8 701 555-12-34") is one word, not five.
    words = [re.sub(r"\D", "", q)] if re.fullmatch(r"[\d\s+\-()]+", q) else q.split()[:5]
    for word in words:
        observers = observers.filter(_matches(word, links))
    if status in ("certified", "not_certified"):
        observers = observers.filter(certified=status == "certified")
    if status == "inactive":
        observers = observers.filter(user__is_active=False)
    if station in ("assigned", "unassigned"):
        observers = observers.filter(assigned=station == "assigned")
    return observers.order_by("region__code", "user__last_name", "user__first_name", "pk")


def _matches(word: str, links: QuerySet[DeploymentStation]) -> Q:
    # SQLite's LIKE folds the case of ASCII letters only: "иван" would miss "Иван". Names are
    # written capitalised, so the word is also tried as typed, lower-, title- and upper-case.
    match = Q()
    for form in {word, word.lower(), word.capitalize(), word.upper()}:
        for field in ("user__first_name", "user__last_name", "user__username"):
            match |= Q(**{f"{field}__contains": form})
    digits = "".join(c for c in word if c.isdigit())
    if len(digits) >= 5:  # part of a phone number, typed with spaces, dashes or brackets
        match |= Q(user__phone__contains=digits)
        if len(digits) == 11 and digits.startswith("8"):  # 8 701 … is +7 701 … dialled at home
            match |= Q(user__phone__contains="7" + digits[1:])
    if digits and digits == word.lstrip("№#"):
        match |= Q(Exists(links.filter(station__number=digits)))
    return match


def station_numbers(
    observers: Iterable[Observer], election: Election | None
) -> dict[int, list[str]]:
    """The numbers of the stations each of these observers is assigned to, in one query."""
    rows = DeploymentStation.objects.filter(
        election=election, deployment__observer__in=[o.pk for o in observers]
    ).values_list("deployment__observer_id", "station__number")
    numbers: defaultdict[int, list[str]] = defaultdict(list)
    for observer_id, number in rows.order_by("station__number"):
        numbers[observer_id].append(number)
    return dict(numbers)


def sos_visible_to(user: User) -> QuerySet[SosAlert]:
    return SosAlert.objects.filter(region__in=regions_visible_to(user)).select_related(
        "observer__user", "station", "region"
    )


@dataclass(frozen=True)
class Coverage:
    key: object  # a Region or a District
    stations: int
    one: int
    two_plus: int

    @property
    def covered(self) -> int:
        return self.one + self.two_plus

    @property
    def uncovered(self) -> int:
        return self.stations - self.covered

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.stations) if self.stations else 0


def _observers_per_station(
    election: Election, stations: QuerySet[PollingStation]
) -> dict[int, int]:
    rows = (
        DeploymentStation.objects.filter(election=election, station__in=stations)
        .values("station_id")
        .annotate(n=Count("deployment__observer", distinct=True))
    )
    return {row["station_id"]: row["n"] for row in rows}


def _coverage(
    election: Election,
    stations: QuerySet[PollingStation],
    group_field: str,
    keys: Mapping[int, Region | District],
) -> list[Coverage]:
    per_station = _observers_per_station(election, stations)
    totals: Counter[int] = Counter()
    ones: Counter[int] = Counter()
    twos: Counter[int] = Counter()
    for pk, group in stations.values_list("pk", group_field):
        totals[group] += 1
        n = per_station.get(pk, 0)
        ones[group] += n == 1
        twos[group] += n >= 2
    return [Coverage(keys[k], totals[k], ones[k], twos[k]) for k in keys]


def coverage_by_region(*, election: Election, regions: QuerySet[Region]) -> list[Coverage]:
    stations = PollingStation.objects.filter(district__region__in=regions)
    keys = {r.pk: r for r in regions}
    return _coverage(election, stations, "district__region_id", keys)


def coverage_by_district(*, election: Election, region: Region) -> list[Coverage]:
    stations = PollingStation.objects.filter(district__region=region)
    keys = {d.pk: d for d in District.objects.filter(region=region).order_by("name")}
    return _coverage(election, stations, "district_id", keys)


def uncovered_stations(*, election: Election, region: Region) -> QuerySet[PollingStation]:
    deployed = DeploymentStation.objects.filter(election=election, station=OuterRef("pk"))
    return (
        PollingStation.objects.filter(district__region=region)
        .exclude(Exists(deployed))
        .select_related("district")
        .order_by("number")
    )


def checkin_deadline_at(election: Election, deadline: time) -> datetime:
    return datetime.combine(election.election_day, deadline, tzinfo=ZoneInfo(election.timezone))


@dataclass(frozen=True)
class MissingCheckIn:
    station: PollingStation
    observer: Observer


def not_checked_in(
    *, election: Election, regions: QuerySet[Region], deadline: time
) -> list[MissingCheckIn]:
    """Deployed observers with no check-in at their station by the deadline."""
    cutoff = checkin_deadline_at(election, deadline)
    arrived = CheckIn.objects.filter(
        election=election,
        station=OuterRef("station"),
        observer=OuterRef("deployment__observer"),
        checked_in_at__lte=cutoff,
    )
    links = (
        DeploymentStation.objects.filter(election=election, station__district__region__in=regions)
        .exclude(Exists(arrived))
        .select_related("station__district", "deployment__observer__user")
        .order_by("station__number")
    )
    return [MissingCheckIn(link.station, link.deployment.observer) for link in links]


def deployments_of(observer: Observer, election: Election | None) -> list[Deployment]:
    if election is None:
        return []
    return list(
        observer.deployments.filter(election=election).prefetch_related("stations__district")
    )


def coverage_totals(rows: list[Coverage]) -> dict[str, int]:
    totals: defaultdict[str, int] = defaultdict(int)
    for row in rows:
        totals["stations"] += row.stations
        totals["covered"] += row.covered
        totals["one"] += row.one
        totals["two_plus"] += row.two_plus
    totals["uncovered"] = totals["stations"] - totals["covered"]
    return dict(totals)
