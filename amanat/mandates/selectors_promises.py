"""Reads of promises: the elected people with their counts per status, one person's
scorecard, a promise's history, the promises made from a mandate."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from amanat.elections.models import Candidate

from .models import Answer, Elected, Mandate, Promise, PromiseUpdate

Status = Promise.Status
# Bar colours, from good to bad; the numbers are always written beside them too.
COLOURS = {
    Status.KEPT: "#1b7837",
    Status.COMPROMISE: "#7fbc41",
    Status.IN_THE_WORKS: "#2166ac",
    Status.STALLED: "#e08214",
    Status.BROKEN: "#b2182b",
    Status.NOT_RATED: "#bdbdbd",
}
ORDER = list(COLOURS)


def _counted(rows: QuerySet[Candidate]) -> QuerySet[Candidate]:
    counts = {f"n_{s.value}": Count("promises", filter=Q(promises__status=s.value)) for s in Status}
    return rows.annotate(n_total=Count("promises"), **counts)


def elected_people(search: str = "") -> QuerySet[Candidate]:
    """Candidates declared elected, with `n_total` and `n_<status>` promise counts."""
    rows = Candidate.objects.filter(Exists(Elected.objects.filter(candidate=OuterRef("pk"))))
    if search:
        rows = rows.filter(
            Q(full_name_kk__icontains=search)
            | Q(full_name_ru__icontains=search)
            | Q(full_name_en__icontains=search)
        )
    return _counted(rows.select_related("party")).order_by("full_name", "pk")


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    colour: str
    x: float  # where the segment starts on a 0..100 bar
    width: float


def status_segments(counts: dict[str, int]) -> list[Segment]:
    """The bar of a person's promises: one segment per status, good to bad."""
    total = sum(counts.values())
    segments, x = [], 0.0
    for status in ORDER:
        count = counts.get(status.value, 0)
        width = round(100 * count / total, 2) if total else 0.0
        segments.append(Segment(status.value, str(status.label), count, COLOURS[status], x, width))
        x = round(x + width, 2)
    return segments


def candidate_counts(candidate: Candidate) -> dict[str, int]:
    rows = Promise.objects.filter(candidate=candidate).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


@dataclass(frozen=True)
class Scorecard:
    candidate: Candidate
    elected: list[Elected]
    total: int
    segments: list[Segment]
    promises: Sequence[Promise]  # each with `last_update` (PromiseUpdate or None)


def scorecard(candidate: Candidate) -> Scorecard:
    newest = PromiseUpdate.objects.order_by("-evidence_date", "-pk")
    promises = list(
        Promise.objects.filter(candidate=candidate)
        .select_related("mandate", "answer")
        .prefetch_related(Prefetch("updates", queryset=newest, to_attr="history"))
        .order_by("pk")
    )
    for promise in promises:
        promise.last_update = promise.history[0] if promise.history else None  # type: ignore[attr-defined]
    counts = candidate_counts(candidate)
    elected = list(candidate.elected.select_related("contest__election"))
    return Scorecard(candidate, elected, len(promises), status_segments(counts), promises)


def promise_history(promise: Promise) -> QuerySet[PromiseUpdate]:
    """Every status change, newest evidence first (public)."""
    return promise.updates.select_related("author").order_by("-evidence_date", "-pk")


def promises_of_mandate(mandate: Mandate) -> QuerySet[Promise]:
    return Promise.objects.filter(mandate=mandate).select_related("candidate").order_by("pk")


def elected_in_election_of(mandate: Mandate) -> Q:
    """Elected rows that a commitment answering `mandate` belongs to: of the mandate's
    contest, or of any contest of its election (a mandate to no election: any)."""
    if mandate.contest_id:
        return Q(contest_id=mandate.contest_id)
    if mandate.election_id:
        return Q(contest__election_id=mandate.election_id)
    return Q()


def answers_to_track(mandate: Mandate) -> QuerySet[Answer]:
    """Current answers to the mandate that make a commitment, by a candidate elected in its
    election, not yet tracked as a promise (what a moderator may turn into promises)."""
    elected = Elected.objects.filter(
        elected_in_election_of(mandate), candidate=OuterRef("candidate")
    )
    tracked = Promise.objects.filter(candidate=OuterRef("candidate"), mandate=mandate)
    return (
        mandate.answers.filter(is_current=True)
        .exclude(commitment="")
        .filter(Exists(elected))
        .exclude(Exists(tracked.filter(Q(answer=OuterRef("pk")) | Q(text=OuterRef("commitment")))))
        .select_related("candidate")
    )
