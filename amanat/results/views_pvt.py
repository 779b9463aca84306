"""The PVT page: the sample-size calculator, the sample and its deployment, and estimates that
refresh as the sampled stations' protocols arrive."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.elections.models import Contest
from amanat.geography.models import PollingStation, Region
from amanat.observers.services.deployment import deployment_apply_proposal, deployment_propose

from .forms import PvtSampleForm, SampleSizeForm
from .models import PvtSample
from .pvt import pvt_estimates, pvt_sample_draw, sample_size_ndi
from .selectors import line_labels, protocol_contest_current


def _contest() -> Contest:
    contest = protocol_contest_current()
    if contest is None:
        raise Http404
    return contest


def _calculator(request: HttpRequest, contest: Contest):
    stations = PollingStation.objects.filter(country_id=contest.election.country_id).aggregate(
        voters=Sum("registered_voters"), size=Avg("registered_voters"), count=Count("pk")
    )
    initial = {"registered": stations["voters"] or None,
               "station_size": round(stations["size"] or 0) or None}  # fmt: skip
    form = SampleSizeForm(request.GET or None, initial=initial)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    result = sample_size_ndi(
        registered=data["registered"], margin=data["margin"] / 100,
        confidence=data["confidence"], heterogeneity=data["heterogeneity"] / 100,
        station_size=data["station_size"], turnout=data["turnout"] / 100,
        stations_total=stations["count"] or None,
    )  # fmt: skip
    return form, result


def _contest_and_sample(request: HttpRequest):
    """The contest the PVT is about and its sample (None before one is drawn), for those
    who may see which stations are sampled."""
    if not request.user.has_perm("results.view_pvt"):
        raise PermissionDenied
    contest = _contest()
    return contest, PvtSample.objects.filter(contest=contest).first()


@login_required
def pvt_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    contest, sample = _contest_and_sample(request)
    if request.method == "POST":
        return _act(request, contest, sample)
    calculator, size = _calculator(request, contest)
    sample_form = PvtSampleForm(initial={"seed": secrets.randbelow(10**6)})
    context = {"contest": contest, "sample": sample, "calculator": calculator, "size": size,
               "sample_form": sample_form}  # fmt: skip
    context.update(_estimates_context(contest, sample))
    return render(request, "results/pvt.html", context)


@login_required
def pvt_estimates_panel(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The part of the page that refreshes by itself."""
    contest, sample = _contest_and_sample(request)
    return render(request, "results/_pvt_estimates.html", _estimates_context(contest, sample))


def _estimates_context(contest, sample) -> dict:
    if sample is None:
        return {"national": None}
    national, by_region = pvt_estimates(contest, sample)
    labels = line_labels(contest)
    for live in [national, *by_region.values()]:
        for estimate in live.shares:
            estimate.label = labels[estimate.line]
    names = dict(Region.objects.values_list("code", "name"))
    regions = [(names.get(code, code), live) for code, live in by_region.items()]
    return {"national": national, "by_region": regions}


def _act(
    request: AuthenticatedHttpRequest, contest: Contest, sample: PvtSample | None
) -> HttpResponse:
    if not request.user.has_perm("results.manage_pvt"):
        raise PermissionDenied
    if request.POST.get("action") == "deploy" and sample is not None:
        proposals = deployment_propose(
            election=contest.election, region_ids=Region.objects.values_list("pk", flat=True),
            station_ids=sample.station_ids,
        )  # fmt: skip
        made = deployment_apply_proposal(election=contest.election, proposals=proposals,
                                         actor=request.user)  # fmt: skip
        messages.success(request, _("Observers deployed to %(count)s sampled stations.")
                         % {"count": made})  # fmt: skip
        return redirect("results:pvt")
    form = PvtSampleForm(request.POST)
    if form.is_valid():
        try:
            drawn = pvt_sample_draw(contest=contest, size=form.cleaned_data["size"],
                                    seed=form.cleaned_data["seed"], actor=request.user)  # fmt: skip
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Sample of %(size)s stations drawn with seed %(seed)s.")
                             % {"size": drawn.size, "seed": drawn.seed})  # fmt: skip
    else:
        messages.error(request, _("Give the number of stations and a seed."))
    return redirect("results:pvt")
