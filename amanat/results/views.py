"""Results pages: reconciliation of observers' protocol copies with the official figures."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.accounts.roles import Role
from amanat.core.spreadsheets import csv_writer
from amanat.elections.models import Contest
from amanat.geography.models import Region
from amanat.observers.selectors import regions_visible_to

from .selectors import line_labels, protocol_contest_current, reconciliation


def _contest_and_regions(
    request: AuthenticatedHttpRequest,
) -> tuple[Contest, QuerySet[Region] | None]:
    if not request.user.has_perm("results.view_reconciliation"):
        raise PermissionDenied
    if request.GET.get("contest", "").isdigit():
        contests = Contest.objects.filter(protocol_form__isnull=False).select_related("election")
        contest = contests.filter(pk=int(request.GET["contest"])).first()
    else:
        contest = protocol_contest_current()
    if contest is None:
        raise Http404
    # Headquarters and analysts see the country; coordinators only their regions.
    everywhere = request.user.role in (Role.ADMIN, Role.ANALYST)
    return contest, None if everywhere else regions_visible_to(request.user)


@login_required
def reconciliation_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    contest, regions = _contest_and_regions(request)
    result = reconciliation(contest, regions)
    labels = line_labels(contest)
    context = {
        "contest": contest,
        "result": result,
        "labels": labels,
        "moved": [(labels[key], votes) for key, votes in result.moved.items()],
        "stations": [
            (d, [(labels[key], copy, official, delta) for key, copy, official, delta in d.lines])
            for d in result.differing
        ],
    }
    return render(request, "results/reconciliation.html", context)


@login_required
def reconciliation_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    contest, regions = _contest_and_regions(request)
    result = reconciliation(contest, regions)
    labels = line_labels(contest)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="reconciliation.csv"'
    response.write("\ufeff")  # spreadsheet programs then read the Cyrillic correctly
    writer = csv_writer(response)  # station names, labels: text never runs as a formula
    writer.writerow([_("station"), _("region"), _("line"), _("line name"), _("observer's copy"),
                     _("official"), _("difference"), _("station discrepancy")])  # fmt: skip
    for difference in result.differing:
        station = difference.station
        for key, copy, official, delta in difference.lines:
            writer.writerow([station.number, station.district.region.code, key, labels[key],
                             copy, official, delta, difference.size])  # fmt: skip
    return response
