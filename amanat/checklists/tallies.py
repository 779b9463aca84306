"""Reads for headquarters: tallies per question, reporting rates, the alert feed, and the
quality-control lists (missing reports, conflicting answers, figures out of range).

The dashboard and the public summary read the live counts (counting.py) through
`tallies_counted` and `public_figures`; `latest_submissions` and `tallies` count the same
from the submissions themselves, for the quality lists and as the reference the counts are
tested against."""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypedDict

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Sum
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Cast

from amanat.elections.models import Election
from amanat.geography.models import PollingStation, Region
from amanat.observers.models import DeploymentStation, SosAlert

from .models import (
    AnswerCount,
    ChecklistForm,
    CountingSubmission,
    CriticalAlert,
    FormVersion,
    PublicFigures,
    Question,
    Submission,
)

# {form id (str): {question code: {value as JSON, or "": [reports, total]}}}; see AnswerCount.
Figures = dict[str, dict[str, dict[str, list[int]]]]


def latest_submissions(
    *,
    election: Election,
    form: ChecklistForm,
    regions: QuerySet[Region],
    until: datetime | None = None,
) -> list[Submission]:
    """The latest submission of each observer at each station: a resent form counts once.
    Latest is received last, then the higher id (counting.py keeps the same rule)."""
    rows = Submission.objects.filter(
        election=election, version__form=form, station__district__region__in=regions
    ).select_related("station__district")
    if until is not None:
        rows = rows.filter(received_at__lte=until)
    latest: dict[tuple[int, int], Submission] = {}
    for submission in rows.order_by("received_at", "pk"):
        latest[(submission.station_id, submission.observer_id)] = submission
    return list(latest.values())


@dataclass
class Tally:
    question: Question
    counts: Counter = field(default_factory=Counter)
    total: int = 0
    answered: int = 0

    @property
    def mean(self) -> float | None:
        return round(self.total / self.answered, 1) if self.answered else None

    def rows(self) -> list[tuple[str, object]]:
        """(label, figure) pairs for display, in the current language."""
        from django.utils.translation import gettext as _

        kind = self.question.kind
        if kind == Question.Kind.YES_NO:
            return [(_("yes"), self.counts[True]), (_("no"), self.counts[False])]
        if kind == Question.Kind.INTEGER:
            return [(_("total"), self.total), (_("average"), self.mean)]
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            return [(self.question.choice_label(c["value"]), self.counts[c["value"]])
                    for c in self.question.choices]  # fmt: skip
        return [(_("answers"), self.answered)]


def tallies(submissions: list[Submission], version: FormVersion) -> list[Tally]:
    result = [Tally(question) for question in version.questions.all()]
    for submission in submissions:
        for tally in result:
            value = submission.answers.get(tally.question.code)
            if value is None:
                continue
            tally.answered += 1
            if tally.question.kind == Question.Kind.INTEGER:
                tally.total += value
            elif isinstance(value, list):
                tally.counts.update(value)
            else:
                tally.counts[value] += 1
    return result


def tallies_counted(figures: dict[str, dict[str, list[int]]], version: FormVersion) -> list[Tally]:
    """The tallies of one form from its counts (`figures[str(form id)]`), as `tallies` finds
    them from the submissions."""
    result = []
    for question in version.questions.all():
        lines = figures.get(question.code, {})
        answered, total = lines.get("", [0, 0])
        tally = Tally(question, total=total, answered=answered)
        for value, (count, _total) in lines.items():
            if value and count:
                tally.counts[json.loads(value)] += count
        result.append(tally)
    return result


def reports_counted(figures: dict[str, dict[str, list[int]]]) -> int:
    """How many submissions count for the form (len(latest_submissions(...)))."""
    return figures.get("", {}).get("", [0, 0])[0]


def figures_counted(*, election: Election, regions: QuerySet[Region]) -> Figures:
    """The live counts of the regions together, every form at once: a few hundred lines."""
    figures: Figures = defaultdict(lambda: defaultdict(dict))
    sums = (
        AnswerCount.objects.filter(election=election, region__in=regions)
        .values_list("form_id", "code", "value")
        .annotate(Sum("count"), Sum("total"))
        .order_by()
    )
    for form, code, value, count, total in sums:
        figures[str(form)][code][value] = [count, total]
    return figures


def public_figures(*, election: Election, until: datetime) -> tuple[datetime, Figures] | None:
    """The counts of every region as they stood at the latest time not after `until`, and
    that time; None before any were taken."""
    found = (
        PublicFigures.objects.filter(election=election, taken_at__lte=until)
        .order_by("-taken_at")
        .values_list("taken_at", "figures")
        .first()
    )
    return found


def reporting_rate(*, election: Election, form: ChecklistForm, regions) -> tuple[int, int]:
    """(stations that reported this form, stations with a deployed observer): one probe of
    the submissions' (election, station, version) index per deployed station."""
    deployed = DeploymentStation.objects.filter(
        election=election, station__district__region__in=regions
    )
    reported = Submission.objects.filter(
        election=election, station=OuterRef("station"), version__in=form.versions.all()
    )
    stations = deployed.values("station_id").distinct()
    return stations.filter(Exists(reported)).count(), stations.count()


def reporting_rates(*, election: Election, regions: QuerySet[Region]) -> tuple[dict[int, int], int]:
    """The dashboard's reporting rates, every form at once, from the reports counted so far:
    ({form id: stations that reported it}, stations with a deployed observer). Two queries
    whatever the day's size; equal to `reporting_rate` once every report is folded in."""
    deployed = DeploymentStation.objects.filter(
        election=election, station__district__region__in=regions
    ).values("station_id")
    reported = (
        CountingSubmission.objects.filter(election=election, station_id__in=deployed)
        .values_list("form_id")
        .annotate(Count("station_id", distinct=True))
        .order_by()
    )
    return dict(reported), deployed.distinct().count()


def _critical_text(alert: CriticalAlert, question: Question | None) -> str:
    """The form's name, the question and the answer given, in the reader's language."""
    from django.utils.translation import gettext as _

    form = alert.submission.version.form
    if question is None:
        return f"{form.name}: {alert.question_code}"
    value = alert.submission.answers.get(alert.question_code)
    if value is True or value is False:
        answer = _("yes") if value else _("no")
    else:
        answer = question.answer_display(value)
    return f"{form.name}: {question.text} — {answer}"


class Alert(TypedDict):
    at: datetime
    kind: str  # "critical" or "sos"
    station: PollingStation | None
    text: str


def alert_feed(*, election: Election, regions, limit: int = 50) -> list[Alert]:
    critical = list(
        CriticalAlert.objects.filter(
            submission__election=election, submission__station__district__region__in=regions
        ).select_related("submission__station", "submission__version__form")[:limit]
    )
    questions = {
        (q.version_id, q.code): q
        for q in Question.objects.filter(
            version_id__in={a.submission.version_id for a in critical},
            code__in={a.question_code for a in critical},
        )
    }
    alerts: list[Alert] = [
        {"at": a.created_at, "kind": "critical", "station": a.submission.station,
         "text": _critical_text(a, questions.get((a.submission.version_id, a.question_code)))}
        for a in critical
    ]  # fmt: skip
    alerts += [
        {"at": s.raised_at, "kind": "sos", "station": s.station, "text": "SOS"}
        for s in SosAlert.objects.filter(region__in=regions).select_related("station")[:limit]
    ]
    return sorted(alerts, key=lambda item: item["at"], reverse=True)[:limit]


def missing_reports(
    *, election: Election, form: ChecklistForm, regions: QuerySet[Region], by: datetime
) -> QuerySet[PollingStation]:
    """Deployed stations with no submission of the form by the given time, by number; a query
    (NOT EXISTS), for the page to cut into pages."""
    deployed = DeploymentStation.objects.filter(election=election, station_id=OuterRef("pk"))
    reported = Submission.objects.filter(
        election=election, version__form=form, received_at__lte=by, station_id=OuterRef("pk")
    )
    return (
        PollingStation.objects.filter(district__region__in=regions)
        .filter(Exists(deployed)).exclude(Exists(reported))
        .select_related("district").order_by("number")
    )  # fmt: skip


@dataclass(frozen=True)
class Conflict:
    station: PollingStation
    question: str
    values: tuple
    asked: Question | None = None

    @property
    def shown(self) -> list[str]:
        """The differing answers as a reader says them (yes/no, a choice's label)."""
        from django.utils.translation import gettext as _

        if self.asked is None:
            return [str(value) for value in self.values]
        return [
            (_("yes") if value else _("no")) if isinstance(value, bool)
            else str(self.asked.answer_display(value))
            for value in self.values
        ]  # fmt: skip


# The quality page, in the database: no list of every submission in Python.
QUALITY_SHOWN = 200  # rows of each quality list on the page; the count says how many in all


def latest_rows(
    *, election: Election, form: ChecklistForm, regions: QuerySet[Region]
) -> QuerySet[Submission]:
    """latest_submissions as a query: a submission for which the same observer sent no later
    one of the form at the same station (received later, or at the same moment with a higher
    id), found by NOT EXISTS in the database."""
    later = Submission.objects.filter(
        election_id=OuterRef("election_id"),
        version__form_id=OuterRef("version__form_id"),
        station_id=OuterRef("station_id"),
        observer_id=OuterRef("observer_id"),
    ).filter(
        Q(received_at__gt=OuterRef("received_at"))
        | Q(received_at=OuterRef("received_at"), pk__gt=OuterRef("pk"))
    )
    return Submission.objects.filter(
        election=election, version__form=form, station__district__region__in=regions
    ).filter(~Exists(later))


def conflicts(latest: QuerySet[Submission], version: FormVersion) -> list[Conflict]:
    """Questions that observers of one station answered differently (yes/no and choices), at
    the stations more than one observer reported on, chosen by the database; only their
    answers are read."""
    shared = (
        latest.order_by().values("station_id").annotate(n=Count("pk")).filter(n__gt=1)
        .values("station_id")
    )  # fmt: skip
    rows = latest.filter(station_id__in=shared).order_by().values_list("station_id", "answers")
    comparable = {q.code: q for q in version.questions.all()
                  if q.kind in (Question.Kind.YES_NO, Question.Kind.SINGLE)}  # fmt: skip
    answers_by_station: dict[int, list[dict]] = defaultdict(list)
    for station_id, answers in rows:
        answers_by_station[station_id].append(answers if isinstance(answers, dict) else {})
    stations = PollingStation.objects.in_bulk(list(answers_by_station))
    found = []
    for station_id, group in answers_by_station.items():
        for code, question in comparable.items():
            values = {answers[code] for answers in group if code in answers}
            if len(values) > 1:
                found.append(
                    Conflict(stations[station_id], code, tuple(sorted(values, key=str)), question)
                )
    return sorted(found, key=lambda c: (c.station.number, c.question))


def out_of_range(latest: QuerySet[Submission], version: FormVersion) -> list[tuple]:
    """Counts larger than the station's registered voters (ballots, signatures, turnout):
    (station, question, value, registered voters), compared in the database: only the
    submissions with such a count are read."""
    integer = [q for q in version.questions.all() if q.kind == Question.Kind.INTEGER]
    if not integer:
        return []
    values = {
        f"q{i}": Cast(KeyTransform(question.code, "answers"), IntegerField())
        for i, question in enumerate(integer)
    }
    above = Q()
    for name in values:
        above |= Q(**{f"{name}__gt": F("station__registered_voters")})
    rows = (
        latest.filter(station__registered_voters__gt=0).annotate(**values).filter(above)
        .select_related("station").order_by("station__number", "pk")
    )  # fmt: skip
    flagged = []
    for submission in rows:
        limit = submission.station.registered_voters
        for i, question in enumerate(integer):
            value = getattr(submission, f"q{i}")
            if value is not None and value > limit:
                flagged.append((submission.station, question, value, limit))
    return flagged
