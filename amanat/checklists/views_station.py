"""One polling station as headquarters and its coordinators see it: every observer's latest
answers side by side, disagreements marked, photo answers viewable without their metadata."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.evidence.services import photo_clean
from amanat.geography.models import PollingStation

from .models import Question, Submission
from .photos import FOLDER
from .services import form_version_current, forms_active
from .views_dashboard import dashboard_scope


@dataclass
class Row:
    question: Question
    values: list
    disagree: bool

    @property
    def shown(self) -> list:
        """The answers as a reader sees them (choices by label); photos keep their digest."""
        return [
            v if v is None or self.question.kind == Question.Kind.PHOTO
            else self.question.answer_display(v)
            for v in self.values
        ]  # fmt: skip


def _visible_station(request: AuthenticatedHttpRequest, number: str):
    election, regions = dashboard_scope(request)
    station = get_object_or_404(
        PollingStation.objects.select_related("district__region"),
        number=number, district__region__in=regions,
    )  # fmt: skip
    return election, station


def _latest_by_observer(election, station, form) -> list[Submission]:
    latest = {}
    rows = Submission.objects.filter(election=election, station=station, version__form=form)
    for submission in rows.order_by("received_at"):
        latest[submission.observer_id] = submission
    return list(latest.values())


@login_required
def station_view(request: AuthenticatedHttpRequest, number: str) -> HttpResponse:
    election, station = _visible_station(request, number)
    panels = []
    for form in forms_active():
        submissions = _latest_by_observer(election, station, form)
        version = form_version_current(form.code)
        if not submissions or version is None:
            continue
        rows = []
        for question in version.questions.all():
            values = [s.answers.get(question.code) for s in submissions]
            answered = {repr(v) for v in values if v is not None}
            rows.append(Row(question, values, len(answered) > 1))
        panels.append({"form": form, "submissions": submissions, "rows": rows})
    context = {"station": station, "panels": panels}
    return render(request, "checklists/station.html", context)


@login_required
def station_photo(request: AuthenticatedHttpRequest, number: str, sha256: str) -> HttpResponse:
    """Only a photo that answers a question at this station, for those who may see it."""
    election, station = _visible_station(request, number)
    answered = Submission.objects.filter(election=election, station=station).values_list(
        "answers", flat=True
    )
    if not any(sha256 in answers.values() for answers in answered):
        raise Http404
    clean = photo_clean(folder=FOLDER, sha256=sha256)
    if clean is None:
        raise Http404
    response = HttpResponse(clean, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
