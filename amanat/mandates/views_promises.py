"""Pages of promises after the election: the index of elected people, each person's public
scorecard, a promise's history; staff declare who is elected, track and rate promises."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.elections.models import Candidate

from . import selectors_promises as selectors
from . import services_promises as services
from .forms_promises import OUTCOMES_HELP, ElectedForm, PromiseForm, RatingForm
from .models import Answer, Elected, Promise


def _staff(request: HttpRequest) -> bool:
    return request.user.has_perm("mandates.rate_promise")


def promise_index(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    page = page_of(request, selectors.elected_people(search), 20)
    for person in page.object_list:
        counts = {s.value: getattr(person, f"n_{s.value}") for s in Promise.Status}
        person.segments = selectors.status_segments(counts)
    context = {
        "page": page, "search": search, "can_rate": _staff(request),
        "anyone_elected": Elected.objects.exists(),
    }  # fmt: skip
    return render(request, "mandates/promises/index.html", context)


def promise_scorecard(request: HttpRequest, candidate_id: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate.objects.filter(elected__isnull=False).distinct(),
                                  pk=candidate_id)  # fmt: skip
    context = {
        "card": selectors.scorecard(candidate), "can_rate": _staff(request),
        "outcomes_help": OUTCOMES_HELP,
    }  # fmt: skip
    return render(request, "mandates/promises/scorecard.html", context)


def _detail(request: HttpRequest, promise: Promise, form: RatingForm | None, status: int = 200):
    context = {
        "promise": promise, "history": selectors.promise_history(promise),
        "form": form, "outcomes_help": OUTCOMES_HELP,
    }  # fmt: skip
    return render(request, "mandates/promises/detail.html", context, status=status)


def promise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_object_or_404(Promise.objects.select_related("candidate", "mandate", "answer"),
                                pk=pk)  # fmt: skip
    return _detail(request, promise, RatingForm() if _staff(request) else None)


@login_required
@require_POST
def promise_rate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if not _staff(request):
        raise PermissionDenied
    promise = get_object_or_404(Promise.objects.select_related("candidate", "mandate"), pk=pk)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _detail(request, promise, form, status=400)
    try:
        services.promise_rate(promise=promise, data=services.RatingInput(**form.cleaned_data),
                              user=request.user, request=request)  # fmt: skip
    except services.PromiseRefused as refused:
        form.add_error(None, refused.message)
        return _detail(request, promise, form, status=400)
    messages.success(request, _("The rating is recorded with its evidence in the history."))
    return redirect("mandates:promise", pk=promise.pk)


@login_required
@require_http_methods(["GET", "POST"])
def promise_add(request: AuthenticatedHttpRequest, candidate_id: int) -> HttpResponse:
    if not _staff(request):
        raise PermissionDenied
    candidate = get_object_or_404(Candidate.objects.filter(elected__isnull=False).distinct(),
                                  pk=candidate_id)  # fmt: skip
    form = PromiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = services.PromiseInput(candidate=candidate, **form.cleaned_data)
        try:
            promise = services.promise_enter(data=data, user=request.user, request=request)
        except services.PromiseRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The promise is tracked; rate it when there is evidence."))
            return redirect("mandates:promise", pk=promise.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "candidate": candidate}
    return render(request, "mandates/promises/add.html", context, status=status)


@login_required
@require_POST
def answer_track(request: AuthenticatedHttpRequest, answer_id: int) -> HttpResponse:
    if not _staff(request):
        raise PermissionDenied
    answer = get_object_or_404(Answer.objects.select_related("candidate"), pk=answer_id)
    try:
        promise, created = services.promise_track(answer=answer, user=request.user,
                                                  request=request)  # fmt: skip
    except services.PromiseRefused as refused:
        messages.error(request, str(refused.message))
        return redirect("mandates:detail", pk=answer.mandate_id)
    if created:
        messages.success(request, _("The commitment is now a tracked promise."))
    else:
        messages.info(request, _("This commitment was already tracked as a promise."))
    return redirect("mandates:promise", pk=promise.pk)


@login_required
@require_http_methods(["GET", "POST"])
def elected_declare(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not _staff(request):
        raise PermissionDenied
    form = ElectedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            elected, _created = services.elected_declare(**form.cleaned_data, user=request.user,
                                                         request=request)  # fmt: skip
        except services.PromiseRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Recorded: this candidate's promises can now be tracked."))
            return redirect("mandates:scorecard", candidate_id=elected.candidate_id)
    status = 400 if form.errors else 200
    return render(request, "mandates/promises/elected.html", {"form": form}, status=status)
