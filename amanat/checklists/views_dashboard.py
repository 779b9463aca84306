"""Headquarters' and coordinators' live view of election day, and the public summary."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.elections.selectors import election_current
from amanat.observers.selectors import regions_visible_to

from . import tallies
from .counting import tallies_fold
from .models import ChecklistForm
from .services import form_version_current, forms_active

PUBLIC_CACHE_SECONDS = 30
FOLD_ON_VIEW = 1000  # reports the dashboard folds at most, without a worker


def dashboard_scope(request: AuthenticatedHttpRequest):
    if not request.user.has_perm("observers.view_coverage"):
        raise PermissionDenied
    election = election_current()
    if election is None:
        raise Http404
    regions = regions_visible_to(request.user)
    code = request.GET.get("region", "")
    if code:
        regions = regions.filter(code=code)
    return election, regions


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    election, regions = dashboard_scope(request)
    if settings.CELERY_TASK_ALWAYS_EAGER:
        # No worker and no clock: what arrived since the last fold after commit (at most a
        # second's worth per process) waits for the next report, or for this. Bounded, so a
        # backlog never makes the page slow; with a worker the periodic task folds instead.
        tallies_fold(batch=FOLD_ON_VIEW, batches=1)
    figures = tallies.figures_counted(election=election, regions=regions)
    reported, deployed = tallies.reporting_rates(election=election, regions=regions)
    panels = []
    for form in forms_active():
        version = form_version_current(form.code)
        if version is None:  # no version yet, or activated since the versions were remembered
            continue
        counted = tallies.tallies_counted(figures.get(str(form.pk), {}), version)
        panels.append({"form": form, "tallies": counted,
                       "reported": reported.get(form.pk, 0), "deployed": deployed})  # fmt: skip
    context = {
        "election": election,
        "panels": panels,
        "alerts": tallies.alert_feed(election=election, regions=regions),
        "regions": regions_visible_to(request.user),
        "region_code": request.GET.get("region", ""),
    }
    template = "checklists/_dashboard.html" if request.htmx else "checklists/dashboard.html"
    return render(request, template, context)


@login_required
def quality(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    election, regions = dashboard_scope(request)
    form = get_object_or_404(ChecklistForm, code=code.upper())
    version = form_version_current(form.code)
    if version is None:  # an inactive form, or one with no version
        raise Http404
    raw = request.GET.get("by", "09:00")
    try:
        by_time = time.fromisoformat(raw)
    except ValueError:
        by_time = time(9)
    by = datetime.combine(election.election_day, by_time, tzinfo=ZoneInfo(election.timezone))
    latest = tallies.latest_rows(election=election, form=form, regions=regions)
    conflicts = tallies.conflicts(latest, version)
    out_of_range = tallies.out_of_range(latest, version)
    shown = tallies.QUALITY_SHOWN
    context = {
        "form": form,
        "by": by_time,
        "missing": page_of(
            request,
            tallies.missing_reports(election=election, form=form, regions=regions, by=by),
            per_page=200,
        ),
        "conflicts": conflicts[:shown],
        "conflicts_more": max(len(conflicts) - shown, 0),
        "out_of_range": out_of_range[:shown],
        "out_of_range_more": max(len(out_of_range) - shown, 0),
        "regions": regions_visible_to(request.user),
        "region_code": request.GET.get("region", ""),
    }
    return render(request, "checklists/quality.html", context)


def public_summary(request: HttpRequest) -> HttpResponse:
    """Aggregates only, and as they stood a set time ago (AMANAT_PUBLIC_DELAY_MINUTES): the
    newest figures taken (counting.py, once a minute) at least that long ago, kept in the
    cache for half a minute."""
    election = election_current()
    if election is None:
        raise Http404
    delay = settings.AMANAT_PUBLIC_DELAY_MINUTES
    until = timezone.now() - timedelta(minutes=delay)
    found = cache.get_or_set(
        f"checklists:public-figures:{election.pk}:{delay}",
        lambda: tallies.public_figures(election=election, until=until),
        PUBLIC_CACHE_SECONDS,
    )
    figures: tallies.Figures = {}
    if found is not None:
        until, figures = found
    panels = []
    for form in forms_active():
        version = form_version_current(form.code)
        if version is None:  # no version yet, or activated since the versions were remembered
            continue
        counted = figures.get(str(form.pk), {})
        panels.append({"form": form, "tallies": tallies.tallies_counted(counted, version),
                       "reports": tallies.reports_counted(counted)})  # fmt: skip
    context = {"election": election, "panels": panels, "until": until}
    return render(request, "checklists/public_summary.html", context)
