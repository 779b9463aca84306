"""Results pages: reconciliation of observers' protocol copies with the official figures."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.elections.models import Contest
from amanat.evidence.exports import export_request
from amanat.geography.models import Region

from .exports import RECONCILIATION, reconciliation_contest, reconciliation_regions
from .selectors import line_labels, reconciliation


def _contest_and_regions(
    request: AuthenticatedHttpRequest,
) -> tuple[Contest, QuerySet[Region] | None]:
    if not request.user.has_perm("results.view_reconciliation"):
        raise PermissionDenied
    contest = reconciliation_contest(request.GET.get("contest") or request.POST.get("contest"))
    if contest is None:
        raise Http404
    return contest, reconciliation_regions(request.user)


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
    """POST: the CSV is prepared in the background (the same export while one is being
    prepared), and its page follows it; GET (an old link) leads to the reconciliation page."""
    contest, _regions = _contest_and_regions(request)
    if request.method != "POST":
        return redirect(f"{reverse('results:reconciliation')}?contest={contest.pk}")
    export = export_request(
        user=request.user, builder=RECONCILIATION, params={"contest": contest.pk}
    )
    return redirect("evidence:export_detail", public_id=export.public_id)
