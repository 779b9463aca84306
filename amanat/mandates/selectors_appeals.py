"""Reads of appeals to state bodies: the citizen's own, the public overdue list and each
body's accountability figures. Public reads carry no personal data: no names, contacts,
subjects or texts, only the body, the topic and the dates."""

import statistics
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from amanat.accounts.models import User
from amanat.core.statistics import Interval, wilson_interval

from .models import Appeal, StateBody

ANSWERED = (Appeal.Outcome.REAL, Appeal.Outcome.FORMAL)
REPEAT_DAYS = 30  # one person's appeals to one body within this many days count once


def appeals_filed() -> QuerySet[Appeal]:
    return Appeal.objects.filter(filed_on__isnull=False)


def appeals_overdue(*, today: date) -> QuerySet[Appeal]:
    """Past the due date in force (Appeal.due_by: the extension's, if any) with no answer
    recorded, or with "no answer came"."""
    past = Q(extended_to__lt=today) | Q(extended_to__isnull=True, due_on__lt=today)
    return appeals_filed().filter(past).exclude(outcome__in=ANSWERED)


def appeals_overdue_listed(*, today: date, search: str = "") -> QuerySet[Appeal]:
    """The public overdue list, longest overdue first; `search` matches the body's names."""
    rows = appeals_overdue(today=today).select_related("body", "body__region")
    if search:
        rows = rows.filter(Q(body__name_kk__icontains=search) | Q(body__name_ru__icontains=search))
    return rows.order_by(Coalesce("extended_to", "due_on"), "pk")


def appeals_of(user: User) -> QuerySet[Appeal]:
    return Appeal.objects.filter(author=user).select_related("body").order_by("-created_at", "-pk")


@dataclass(frozen=True)
class Accountability:
    body: StateBody
    received: int  # filed appeals
    settled: int  # answered, or past the due date: the answer rate's denominator
    real: int
    formal: int
    overdue: int
    on_time: int  # answered (really or formally) by the due date in force
    interval: Interval | None  # real answers / settled, 95 % Wilson; None with nothing settled
    median_days: float | None  # calendar days from receipt to an answer

    @property
    def answered(self) -> int:
        return self.real + self.formal

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.answered if self.answered else None


def _figures(body: StateBody, appeals: list[Appeal], today: date) -> Accountability:
    real = [a for a in appeals if a.outcome == Appeal.Outcome.REAL]
    formal = [a for a in appeals if a.outcome == Appeal.Outcome.FORMAL]
    answered = real + formal
    overdue = [
        a
        for a in appeals
        if a.outcome not in ANSWERED and a.due_by is not None and a.due_by < today
    ]
    settled = len(answered) + len(overdue)
    days = [(a.answered_on - (a.received_on or a.filed_on)).days
            for a in answered if a.answered_on and a.filed_on]  # fmt: skip
    return Accountability(
        body=body, received=len(appeals), settled=settled, real=len(real),
        formal=len(formal), overdue=len(overdue),
        on_time=len([a for a in answered if _on_time(a)]),
        interval=wilson_interval(len(real), settled) if settled else None,
        median_days=statistics.median(days) if days else None,
    )  # fmt: skip


def _on_time(appeal: Appeal) -> bool:
    due = appeal.due_by
    return appeal.answered_on is not None and due is not None and appeal.answered_on <= due


def _once_per_person(appeals) -> list[Appeal]:
    """One person's appeals to one body count once per 30 days (the first of them), so that
    repeated appeals cannot push a body's figures up or down."""
    counted: list[Appeal] = []
    last: dict[tuple[int, int], date] = {}
    for appeal in sorted(appeals, key=lambda a: (a.filed_on, a.pk)):
        key = (appeal.author_id, appeal.body_id)
        if key in last and (appeal.filed_on - last[key]).days < REPEAT_DAYS:
            continue
        last[key] = appeal.filed_on
        counted.append(appeal)
    return counted


def accountability(
    *, today: date, bodies: QuerySet[StateBody] | None = None
) -> list[Accountability]:
    """The figures of each body (of `bodies`, else every listed one), in one read of appeals."""
    bodies = bodies if bodies is not None else StateBody.objects.filter(is_active=True)
    bodies = bodies.select_related("region")
    by_body: dict[int, list[Appeal]] = {}
    rows = (
        appeals_filed()
        .filter(body__in=bodies, due_on__isnull=False)  # by post, receipt unknown: not yet
        .only(
            "body_id",
            "author_id",
            "outcome",
            "filed_on",
            "received_on",
            "answered_on",
            "due_on",
            "extended_to",
        )  # fmt: skip
    )
    for appeal in _once_per_person(rows):
        by_body.setdefault(appeal.body_id, []).append(appeal)
    return [_figures(body, by_body.get(body.pk, []), today) for body in bodies]


def bodies_searched(search: str = "") -> QuerySet[StateBody]:
    rows = StateBody.objects.filter(is_active=True)
    if search:
        rows = rows.filter(Q(name_kk__icontains=search) | Q(name_ru__icontains=search))
    return rows
