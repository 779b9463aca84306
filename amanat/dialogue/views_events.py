"""Pages of online events: the list, an event (agenda, registration, video, live questions,
statistics), the hall's screen, the iCalendar file, and the staff's form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.http import HtmxHttpRequest
from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit

from . import selectors_events as selectors
from . import selectors_moderation
from . import services_events as services
from .forms_events import EventForm, MarkForm, QuestionForm
from .models_events import Event, LiveQuestion, Registration


def event_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    past = request.GET.get("when") == "past"
    rows = selectors.events_past(query) if past else selectors.events_upcoming(query)
    context = {"page": page_of(request, rows, per_page=10), "query": query, "past": past}
    return render(request, "dialogue/events/list.html", context)


def _order(request: HttpRequest) -> str:
    return "new" if request.GET.get("order") == "new" else "likes"


def _questions_context(request: HttpRequest, event: Event) -> dict:
    moderator = request.user.has_perm("dialogue.moderate_question")
    order = _order(request)
    questions = list(selectors.questions_for(event, order=order, moderator=moderator))
    if moderator:
        labels = dict(LiveQuestion.State.choices)
        for question in questions:  # the moderator's buttons: the states allowed from here
            allowed = services.TRANSITIONS[question.state]
            question.moves = [(s, labels[s]) for s in labels if s in allowed]  # type: ignore[attr-defined]
    return {
        "event": event,
        "questions": questions,
        "liked": selectors.liked_by(request.user, questions),
        "reported": selectors_moderation.reported_by(request.user, questions),
        "order": order,
        "moderator": moderator,
    }


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("election", "region"), pk=pk)
    registration = selectors.registration_of(event, request.user)
    video = services.video_embeddable(event.video_url) if event.video_url else None
    recording = services.video_embeddable(event.recording_url) if event.recording_url else None
    context = _questions_context(request, event) | {
        "registration": registration,
        "registered": registration is not None
        and registration.status == Registration.Status.REGISTERED,
        "places": selectors.places(event),
        "video": video,
        "recording": recording,
        "form": QuestionForm(),
        "stats": selectors.audience_stats(event),
    }
    response = render(request, "dialogue/events/detail.html", context)
    # The content policy frames nothing; this page may frame the allowed hosts it embeds.
    framed = sorted({"https://" + u.split("/")[2] for u in (video, recording) if u})
    if framed:
        response._csp_update = {"frame-src": framed}  # type: ignore[attr-defined]
    return response


def questions(request: HttpRequest, pk: int) -> HttpResponse:
    """The question list alone, polled by htmx every few seconds."""
    event = get_object_or_404(Event, pk=pk)
    return render(request, "dialogue/events/_questions.html", _questions_context(request, event))


@login_required
@rate_limit(key="user", rate="10/h", method="POST")
@require_POST
def question_ask(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.question_ask(
                event=event, user=request.user, text=form.cleaned_data["text"],
                anonymous=form.cleaned_data["anonymous"], language=request.LANGUAGE_CODE,
            )  # fmt: skip
        except services.EventError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Thank you: your question is in the list."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(reverse("dialogue:event", args=[pk]) + "#questions")


@login_required
@rate_limit(key="user", rate="120/m", method="POST")
@require_POST
def question_like(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(LiveQuestion.objects.select_related("event"), pk=pk)
    error = ""
    try:
        services.question_like(question=question, user=request.user)
    except services.EventError as refusal:
        error = refusal.message
    return _questions_answer(request, question, error, _("You liked the question."))


@login_required
@require_POST
def question_mark(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("dialogue.moderate_question"):
        raise PermissionDenied
    question = get_object_or_404(LiveQuestion.objects.select_related("event"), pk=pk)
    form = MarkForm(request.POST)
    error = ""
    if not form.is_valid():
        error = _("Choose a state for the question.")
    else:
        try:
            services.question_mark(
                question=question, state=form.cleaned_data["state"], moderator=request.user
            )
        except services.EventError as refusal:
            error = refusal.message
    return _questions_answer(request, question, error, _("The question's state is changed."))


@login_required
@rate_limit(key="user", rate="30/h", method="POST")
@require_POST
def register(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    try:
        registration = services.registration_create(event=event, user=request.user)
    except services.EventError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("You are registered. The link to join is on this page.")
            if registration.status == Registration.Status.REGISTERED
            else _(
                "All places are taken: you are on the waiting list. "
                "We e-mail you if a place frees up."
            ),
        )
    return redirect("dialogue:event", pk=pk)


@login_required
@require_POST
def cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    services.registration_cancel(event=event, user=request.user)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("dialogue:event", pk=pk)


def screen(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The hall's screen: big type, no controls; its body reloads itself every few seconds."""
    event = get_object_or_404(Event, pk=pk)
    template = "dialogue/events/_screen.html" if request.htmx else "dialogue/events/screen.html"
    return render(request, template, {"event": event} | selectors.screen(event))


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    url = request.build_absolute_uri(reverse("dialogue:event", args=[pk]))
    response = HttpResponse(
        selectors.event_ical(event, url=url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@login_required
def event_edit(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    if not request.user.has_perm("dialogue.manage_event"):
        raise PermissionDenied
    event = get_object_or_404(Event, pk=pk) if pk else Event()
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        agenda = form.agenda()
        if not form.errors:
            event = services.event_save(
                event=form.save(commit=False), agenda=agenda, actor=request.user
            )
            messages.success(request, _("The event is saved."))
            return redirect("dialogue:event", pk=event.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "event": event}
    return render(request, "dialogue/events/edit.html", context, status=status)


def _questions_answer(request, question: LiveQuestion, error: str, done: str) -> HttpResponse:
    """After a like or a mark: the refreshed list for htmx, else the event page with a message."""
    if request.htmx:
        context = _questions_context(request, question.event) | {"error": error}
        return render(request, "dialogue/events/_questions.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(reverse("dialogue:event", args=[question.event_id]) + "#questions")
