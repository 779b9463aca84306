"""Assigning certified observers to polling stations for an election."""

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from amanat.accounts.models import Program, User
from amanat.accounts.selectors import certificates_valid
from amanat.audit.services import audit_record
from amanat.elections.models import Election
from amanat.geography.models import PollingStation

from ..models import Deployment, DeploymentStation, Observer


class DeploymentError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _certified_user_ids(user_ids: Iterable[int]) -> set[int]:
    return set(
        certificates_valid(program=Program.OBSERVER)
        .filter(user_id__in=list(user_ids))
        .values_list("user_id", flat=True)
    )


@transaction.atomic
def deployment_assign(
    *,
    election: Election,
    observer: Observer,
    stations: list[PollingStation],
    kind: str = Deployment.Kind.STATIONARY,
    shift: str = Deployment.Shift.FULL_DAY,
    actor: User | None = None,
) -> Deployment:
    """Deploy one observer; assigning the same shift again replaces its stations."""
    if not _certified_user_ids([observer.user_id]):
        raise DeploymentError(_("Only certified observers can be deployed."))
    if not stations:
        raise DeploymentError(_("Choose at least one polling station."))
    if kind == Deployment.Kind.STATIONARY and len(stations) != 1:
        raise DeploymentError(_("A stationary observer works at exactly one station."))
    deployment, _created = Deployment.objects.update_or_create(
        election=election,
        observer=observer,
        shift=shift,
        defaults={"kind": kind, "created_by": actor},
    )
    deployment.links.all().delete()
    DeploymentStation.objects.bulk_create(
        DeploymentStation(deployment=deployment, station=s, election=election) for s in stations
    )
    audit_record(
        action="observers.deployed",
        actor=actor,
        obj=deployment,
        data={"stations": [s.number for s in stations], "shift": shift},
    )
    return deployment


@dataclass(frozen=True)
class Proposal:
    observer_id: int
    station_id: int


def deployment_propose(
    *, election: Election, region_ids: Iterable[int], station_ids: Iterable[int] | None = None
) -> list[Proposal]:
    """Fill uncovered stations with undeployed certified observers: first from the same
    district, then from elsewhere in the same region. Stations are taken in number order;
    `station_ids` limits them (the stations of a PVT sample come first)."""
    region_ids = list(region_ids)
    covered = set(
        DeploymentStation.objects.filter(election=election).values_list("station_id", flat=True)
    )
    deployed = set(
        Deployment.objects.filter(election=election).values_list("observer_id", flat=True)
    )
    in_regions = PollingStation.objects.filter(district__region_id__in=region_ids)
    if station_ids is not None:
        in_regions = in_regions.filter(pk__in=list(station_ids))
    stations = in_regions.values_list("pk", "district_id", "district__region_id")
    open_by_district: dict[int, list[int]] = defaultdict(list)
    for pk, district_id, _region_id in stations.order_by("number"):
        if pk not in covered:
            open_by_district[district_id].append(pk)
    undeployed = list(
        Observer.objects.filter(region_id__in=region_ids)
        .exclude(pk__in=deployed)
        .order_by("pk")
        .values_list("pk", "user_id", "district_id", "region_id")
    )
    certified = _certified_user_ids(user_id for _, user_id, _, _ in undeployed)
    observers = [o for o in undeployed if o[1] in certified]
    district_region = {d: r for _, d, r in stations}
    proposals: list[Proposal] = []
    waiting: list[tuple[int, int]] = []
    for pk, _user_id, district_id, region_id in observers:
        queue = open_by_district.get(district_id)
        if queue:
            proposals.append(Proposal(pk, queue.pop(0)))
        else:
            waiting.append((pk, region_id))
    for pk, region_id in waiting:
        district = next(
            (d for d, q in open_by_district.items() if q and district_region[d] == region_id),
            None,
        )
        if district is not None:
            proposals.append(Proposal(pk, open_by_district[district].pop(0)))
    return proposals


@transaction.atomic
def deployment_apply_proposal(
    *, election: Election, proposals: list[Proposal], actor: User | None
) -> int:
    """Create the proposed stationary deployments in bulk; re-applying adds nothing."""
    taken = set(Deployment.objects.filter(election=election).values_list("observer_id", flat=True))
    fresh = [p for p in proposals if p.observer_id not in taken]
    deployments = Deployment.objects.bulk_create(
        [
            Deployment(
                election=election,
                observer_id=p.observer_id,
                kind=Deployment.Kind.STATIONARY,
                shift=Deployment.Shift.FULL_DAY,
                created_by=actor,
            )
            for p in fresh
        ],
        batch_size=1000,
    )
    DeploymentStation.objects.bulk_create(
        [
            DeploymentStation(deployment=d, station_id=p.station_id, election=election)
            for d, p in zip(deployments, fresh, strict=True)
        ],
        batch_size=1000,
    )
    audit_record(
        action="observers.deployment_proposal_applied",
        actor=actor,
        obj=election,
        data={"deployments": len(fresh)},
    )
    return len(fresh)


@dataclass(frozen=True)
class CsvRowError:
    line: int
    message: str


def deployments_import_csv(
    *,
    election: Election,
    stream: Iterable[str],
    actor: User | None,
    may_manage: Callable[[PollingStation], bool],
) -> list[CsvRowError]:
    """Columns: observer (username, phone or e-mail), station (number), kind, shift.
    All or nothing: any bad row and no deployment changes. `may_manage(station)` says which
    stations the importing coordinator may deploy to."""
    from amanat.accounts.selectors import user_find_by_login

    rows: list[tuple[int, Observer, PollingStation, str, str]] = []
    errors: list[CsvRowError] = []
    for line, raw in enumerate(csv.DictReader(stream), start=2):
        user = user_find_by_login((raw.get("observer") or "").strip())
        observer = getattr(user, "observer", None) if user else None
        station = PollingStation.objects.filter(number=(raw.get("station") or "").strip()).first()
        kind = (raw.get("kind") or Deployment.Kind.STATIONARY).strip()
        shift = (raw.get("shift") or Deployment.Shift.FULL_DAY).strip()
        if observer is None:
            errors.append(CsvRowError(line, _("unknown observer “%s”") % raw.get("observer")))
        elif station is None:
            errors.append(CsvRowError(line, _("unknown station “%s”") % raw.get("station")))
        elif not may_manage(station):
            errors.append(CsvRowError(line, _("station %s is outside your regions") % station))
        elif kind not in Deployment.Kind.values or shift not in Deployment.Shift.values:
            errors.append(CsvRowError(line, _("unknown kind or shift")))
        else:
            rows.append((line, observer, station, kind, shift))
    grouped: dict[tuple[int, str], list[tuple[int, Observer, PollingStation, str]]]
    grouped = defaultdict(list)
    for line, observer, station, kind, shift in rows:
        grouped[(observer.pk, shift)].append((line, observer, station, kind))
    if errors:
        return errors
    try:
        with transaction.atomic():
            for (_pk, shift), items in grouped.items():
                line, observer, _station, kind = items[0]
                try:
                    deployment_assign(
                        election=election,
                        observer=observer,
                        stations=[item[2] for item in items],
                        kind=kind,
                        shift=shift,
                        actor=actor,
                    )
                except DeploymentError as failure:
                    errors.append(CsvRowError(line, failure.message))
            if errors:
                raise _RollBack
    except _RollBack:
        pass
    return errors


class _RollBack(Exception):
    pass
