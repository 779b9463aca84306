"""Pre-election monitoring: long-term observers' visits to commissions, scheduled by a
coordinator and done when the observer's report of the visit's form is stored.

How a report finds its visit (visit_match). The form engine stores a report against a station
where its observer is deployed, so a visit is matched through that station:
- a precinct commission: the report's station is the commission's own station;
- a district commission: the station lies in the commission's district;
- a territorial commission: the station lies in the commission's region (the observer reports
  from a station they are deployed to in that territory).
Among the observer's open visits of that form in that election, the most specific commission
wins (precinct, then district, then territorial), then the earliest due. A report that matches
no visit is kept by the form engine as any report is; it only marks nothing here."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amanat.audit.services import audit_record
from amanat.core.signals import report_stored
from amanat.elections.models import Election
from amanat.geography.models import ElectionCommission, PollingStation, Region
from amanat.observers.models import Observer

from .models_conditions import MonitoringVisit

# The pre-election forms of the form engine (checklists/content/forms.toml), named as there.
FORMS = {
    "PC": _("Formation of the commissions"),
    "PV": _("Voter lists open for checking"),
    "PA": _("Accessibility of the station"),
    "PE": _("Campaign environment"),
    "PP": _("Pressure on voters and employees"),
}
FORM_CODES = tuple(FORMS)
LEVELS = (
    ElectionCommission.Level.PRECINCT,
    ElectionCommission.Level.DISTRICT,
    ElectionCommission.Level.TERRITORIAL,
)


class VisitError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


@transaction.atomic
def visit_schedule(
    *,
    election: Election,
    commission: ElectionCommission,
    form_code: str,
    observer: Observer,
    due_on: date,
    actor: Any,
) -> MonitoringVisit:
    if form_code not in FORM_CODES:
        raise VisitError("form_code", "unknown_form")
    if commission.level not in LEVELS or commission.region_id is None:
        raise VisitError("commission", "not_monitored")
    visit = MonitoringVisit.objects.create(
        election=election, commission=commission, region_id=commission.region_id,
        form_code=form_code, observer=observer, due_on=due_on, created_by=actor,
    )  # fmt: skip
    audit_record(action="readiness.visit_scheduled", actor=actor, obj=visit,
                 data={"form": form_code, "commission": commission.code})  # fmt: skip
    return visit


def _reaches(station: PollingStation) -> Q:
    return (
        Q(commission__level=ElectionCommission.Level.PRECINCT, commission__station=station)
        | Q(commission__level=ElectionCommission.Level.DISTRICT,
            commission__district_id=station.district_id)
        | Q(commission__level=ElectionCommission.Level.TERRITORIAL,
            commission__region_id=station.district.region_id)
    )  # fmt: skip


def visit_match(
    *, form_code: str, election_id: int, observer_id: int, station_id: int
) -> MonitoringVisit | None:
    """The open visit a report of this form from this observer at this station completes."""
    station = PollingStation.objects.select_related("district").get(pk=station_id)
    candidates = (
        MonitoringVisit.objects.select_for_update(of=("self",))
        .filter(
            election_id=election_id,
            observer_id=observer_id,
            form_code=form_code,
            done_at__isnull=True,
        )  # fmt: skip
        .filter(_reaches(station))
        .select_related("commission")
    )
    visits = sorted(candidates, key=lambda v: (LEVELS.index(v.commission.level), v.due_on, v.pk))
    return visits[0] if visits else None


def visit_report_stored(
    sender: str, *, submission_id: int, election_id: int, observer_id: int,
    station_id: int, **_kwargs: Any,
) -> None:  # fmt: skip
    """report_stored's receiver: mark the visit this report completes, in the report's
    transaction (rolled back with it)."""
    visit = visit_match(
        form_code=sender, election_id=election_id, observer_id=observer_id, station_id=station_id
    )
    if visit is None:
        return
    visit.done_at = timezone.now()
    visit.submission_id = submission_id
    visit.save(update_fields=["done_at", "submission_id"])


def monitoring_listen() -> None:
    for code in FORM_CODES:
        report_stored.connect(
            visit_report_stored, sender=code, dispatch_uid=f"readiness.visit.{code}"
        )


# Reads


def visits_for(user: Any, election: Election | None) -> QuerySet[MonitoringVisit]:
    """The visits a coordinator may see (their regions); analysts and admins see all."""
    visits = MonitoringVisit.objects.filter(election=election).select_related(
        "commission", "region", "observer__user"
    )
    if getattr(user, "is_region_scoped", False):
        visits = visits.filter(region__in=user.regions.all())
    return visits


def visits_filtered(visits: QuerySet[MonitoringVisit], status: str) -> QuerySet[MonitoringVisit]:
    today = timezone.localdate()
    if status == "done":
        return visits.filter(done_at__isnull=False)
    if status == "overdue":
        return visits.filter(done_at__isnull=True, due_on__lt=today)
    if status == "scheduled":
        return visits.filter(done_at__isnull=True, due_on__gte=today)
    return visits


@dataclass(frozen=True)
class VisitCounts:
    region: Region
    scheduled: int
    done: int
    overdue: int


def visit_counts(visits: QuerySet[MonitoringVisit]) -> list[VisitCounts]:
    """Per region: visits still to come, done, and overdue (not done past their due day)."""
    today = timezone.localdate()
    rows = (
        visits.order_by()
        .values("region")
        .annotate(
            scheduled=Count("pk", filter=Q(done_at__isnull=True, due_on__gte=today)),
            done=Count("pk", filter=Q(done_at__isnull=False)),
            overdue=Count("pk", filter=Q(done_at__isnull=True, due_on__lt=today)),
        )
    )
    regions = Region.objects.in_bulk([row["region"] for row in rows])
    counted = [
        VisitCounts(regions[r["region"]], r["scheduled"], r["done"], r["overdue"]) for r in rows
    ]
    return sorted(counted, key=lambda c: c.region.code)
