"""Pages for coordinators (their regions only) and admins: vetting, coverage, deployment."""

import io
from datetime import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.audit.services import audit_record
from amanat.core.pagination import page_of
from amanat.elections.selectors import election_current
from amanat.geography.models import PollingStation
from amanat.geography.tilemap import tiles

from .. import selectors
from ..forms import (
    AccreditationForm,
    DeploymentCsvForm,
    DeploymentForm,
    ObserverFilterForm,
    ReviewForm,
)
from ..models import Language
from ..services import deployment, recruitment


def _need(request: HttpRequest, permission: str, obj=None, *, hidden: bool = False) -> None:
    """403, or 404 when `hidden`: an object the user may not see answers as if it did not exist,
    so that no one can probe which ids exist."""
    if not request.user.has_perm(permission, obj):
        raise Http404 if hidden else PermissionDenied


# The permission each POST action on an observer's page asks for that observer.
_OBSERVER_ACTIONS = {
    "accredit": "observers.manage_accreditation",
    "deploy": "observers.manage_deployment",
}


def _election():
    election = election_current()
    if election is None:
        raise Http404
    return election


@login_required
def applications(request: AuthenticatedHttpRequest) -> HttpResponse:
    _need(request, "observers.coordinate")
    status = request.GET.get("status", "submitted")
    rows = selectors.applications_visible_to(request.user).filter(status=status)
    page = page_of(request, rows)
    return render(request, "observers/applications.html", {"page": page, "status": status})


def _reviewed_message(application) -> str:
    if application.status == application.Status.APPROVED:
        return _("Application #%(number)s approved: the observer's account is created.") % {
            "number": application.pk
        }
    return _("Application #%(number)s: %(status)s. The applicant is told.") % {
        "number": application.pk,
        "status": application.get_status_display(),
    }


@login_required
def application_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(selectors.applications_visible_to(request.user), pk=pk)
    _need(request, "observers.review_application", application, hidden=True)
    form = ReviewForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            application = recruitment.application_review(
                application=application, reviewer=request.user, **form.cleaned_data
            )
            messages.success(request, _reviewed_message(application))
            return redirect("observers:applications")
        except recruitment.ReviewError as failure:
            error = failure.message
    else:
        audit_record(action="observers.application_viewed", request=request, obj=application)
    context = {"application": application, "form": form, "error": error}
    return render(request, "observers/application_detail.html", context)


@login_required
def observers(request: AuthenticatedHttpRequest) -> HttpResponse:
    _need(request, "observers.coordinate")
    election = election_current()
    form = ObserverFilterForm(request.GET)
    wanted = form.cleaned_data if form.is_valid() else {}
    rows = selectors.observers_listed(
        selectors.observers_visible_to(request.user), election=election, **wanted
    )
    page = page_of(request, rows)
    searched = {key: value for key, value in wanted.items() if value}
    audit_record(
        action="observers.list_viewed", request=request, data={"page": page.number, **searched}
    )
    context = {
        "page": page,
        "election": election,
        "form": form,
        "searched": bool(searched),
        "rows": _observer_rows(page, election),
    }
    return render(request, "observers/observers.html", context)


def _observer_rows(page, election) -> list[tuple]:
    """(observer, its station numbers, the names of its languages) for each on the page."""
    stations = selectors.station_numbers(page, election)
    names = dict(Language.choices)
    return [
        (o, stations.get(o.pk, []), [names.get(code, code) for code in o.languages]) for o in page
    ]


@login_required
def observer_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    observer = get_object_or_404(selectors.observers_visible_to(request.user), pk=pk)
    _need(request, "observers.view_observer", observer, hidden=True)
    election = election_current()
    action = request.POST.get("action")
    # Each action asks its own permission: seeing the record is not the right to change it.
    if action in _OBSERVER_ACTIONS:
        _need(request, _OBSERVER_ACTIONS[action], observer)
    form = DeploymentForm(request.POST if action == "deploy" else None)
    accreditation_form = AccreditationForm(request.POST if action == "accredit" else None)
    error = None
    if action == "accredit" and accreditation_form.is_valid():
        try:
            recruitment.accreditation_add(
                observer=observer, actor=request.user, **accreditation_form.cleaned_data
            )
            messages.success(request, _("The accreditation is added."))
            return redirect("observers:observer_detail", pk=pk)
        except recruitment.ReviewError as failure:
            error = failure.message
    if action == "deploy" and election and form.is_valid():
        numbers = [n.strip() for n in form.cleaned_data["stations"].split(",") if n.strip()]
        stations = list(
            PollingStation.objects.filter(number__in=numbers).select_related("district")
        )
        try:
            if len(stations) != len(set(numbers)):
                raise deployment.DeploymentError(_("Some station numbers do not exist."))
            for station in stations:
                _need(request, "observers.manage_deployment", station)
            deployment.deployment_assign(
                election=election,
                observer=observer,
                stations=stations,
                kind=form.cleaned_data["kind"],
                shift=form.cleaned_data["shift"],
                actor=request.user,
            )
            listed = ", ".join(f"№{station.number}" for station in stations)
            messages.success(request, _("Deployed to %(stations)s.") % {"stations": listed})
            return redirect("observers:observer_detail", pk=pk)
        except deployment.DeploymentError as failure:
            error = failure.message
    audit_record(action="observers.observer_viewed", request=request, obj=observer)
    context = {
        "observer": observer,
        "deployments": selectors.deployments_of(observer, election),
        "accreditations": observer.accreditations.all(),
        "form": form,
        "accreditation_form": accreditation_form,
        "error": error,
        "election": election,
        "may": {
            action: request.user.has_perm(permission, observer)
            for action, permission in _OBSERVER_ACTIONS.items()
        },
    }
    return render(request, "observers/observer_detail.html", context)


@login_required
def coverage(request: AuthenticatedHttpRequest) -> HttpResponse:
    _need(request, "observers.view_coverage")
    election = _election()
    rows = selectors.coverage_by_region(
        election=election, regions=selectors.regions_visible_to(request.user)
    )
    context = {
        "election": election,
        "rows": rows,
        "totals": selectors.coverage_totals(rows),
        "map": _tile_map(rows),
    }
    template = "observers/_coverage.html" if request.htmx else "observers/coverage.html"
    return render(request, template, context)


@login_required
def coverage_region(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    _need(request, "observers.view_coverage")
    region = get_object_or_404(selectors.regions_visible_to(request.user), code=code)
    election = _election()
    rows = selectors.coverage_by_district(election=election, region=region)
    uncovered = page_of(
        request, selectors.uncovered_stations(election=election, region=region), 100
    )
    context = {
        "election": election,
        "region": region,
        "rows": rows,
        "totals": selectors.coverage_totals(rows),
        "uncovered": uncovered,
    }
    return render(request, "observers/coverage_region.html", context)


def _tile_map(rows) -> list[dict]:
    # Four colour bands of coverage: 0-24, 25-49, 50-74, 75-100 per cent.
    return tiles([(row.key, f"{row.percent}%", min(row.percent // 25, 3), row) for row in rows])


@login_required
def propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    _need(request, "observers.coordinate")
    election = _election()
    region_ids = list(selectors.regions_visible_to(request.user).values_list("pk", flat=True))
    proposals = deployment.deployment_propose(election=election, region_ids=region_ids)
    if request.method == "POST":
        created = deployment.deployment_apply_proposal(
            election=election, proposals=proposals, actor=request.user
        )
        context = {"created": created, "election": election}
        return render(request, "observers/propose_done.html", context)
    stations = PollingStation.objects.in_bulk([p.station_id for p in proposals[:200]])
    pairs = [(p.observer_id, stations[p.station_id]) for p in proposals[:200]]
    context = {"proposals": proposals, "pairs": pairs, "election": election}
    return render(request, "observers/propose.html", context)


@login_required
def deployments_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    _need(request, "observers.coordinate")
    election = _election()
    form = DeploymentCsvForm(request.POST or None, request.FILES or None)
    errors, done = [], False
    if request.method == "POST" and form.is_valid():
        # Bytes that are not UTF-8 become U+FFFD: the row then names an unknown observer or
        # station (an error per row) instead of the upload failing with a 500.
        text = io.TextIOWrapper(
            form.cleaned_data["file"].file, encoding="utf-8-sig", errors="replace"
        )
        errors = deployment.deployments_import_csv(
            election=election,
            stream=text,
            actor=request.user,
            may_manage=lambda s: request.user.has_perm("observers.manage_deployment", s),
        )
        done = not errors
    context = {"form": form, "errors": errors, "done": done, "election": election}
    return render(request, "observers/deployments_csv.html", context, status=400 if errors else 200)


@login_required
def missing_checkins(request: AuthenticatedHttpRequest) -> HttpResponse:
    _need(request, "observers.coordinate")
    election = _election()
    raw = request.GET.get("by", settings.AMANAT_CHECKIN_DEADLINE)
    try:
        deadline = time.fromisoformat(raw)
    except ValueError:
        deadline = time.fromisoformat(settings.AMANAT_CHECKIN_DEADLINE)
    rows = selectors.not_checked_in(
        election=election, regions=selectors.regions_visible_to(request.user), deadline=deadline
    )
    context = {"rows": rows, "deadline": deadline, "election": election}
    return render(request, "observers/missing_checkins.html", context)
