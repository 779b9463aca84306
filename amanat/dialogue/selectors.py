"""Reads of opinion maps: the next statement to vote on, and the report of the stored map."""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Count, QuerySet

from amanat.accounts.models import User

from .models import Analysis, Conversation, Statement, Vote
from .opinion import next_statement
from .posts import Visibility

PALETTE = ("#2171b5", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e")
MANY_PASSES = 0.3  # a statement where at least this share of votes pass is "unclear"
MAP_SIZE = 200


def conversations_open() -> QuerySet[Conversation]:
    return Conversation.objects.filter(is_open=True).select_related("election")


def statement_next(conversation: Conversation, user: User) -> Statement | None:
    """An accepted statement the user has not voted on, drawn by the chooser of opinion.py."""
    voted = Vote.objects.filter(conversation=conversation, participant=user).values("statement")
    candidates = list(
        Statement.objects.filter(
            conversation=conversation,
            status=Statement.Status.ACCEPTED,
            visibility=Visibility.VISIBLE,  # reported by readers: hidden until reviewed
        )
        .exclude(pk__in=voted)
        .values_list("pk", flat=True)
    )
    seen = dict(
        Vote.objects.filter(statement__in=candidates)
        .values("statement")
        .annotate(n=Count("pk"))
        .values_list("statement", "n")
    )
    analysis = Analysis.objects.filter(conversation=conversation).first()
    chosen = next_statement(
        candidates, seen, analysis.result if analysis else None, np.random.default_rng()
    )
    return Statement.objects.get(pk=int(str(chosen))) if chosen is not None else None


def progress(conversation: Conversation, user: User) -> tuple[int, int]:
    """(statements the user voted on, accepted statements)."""
    accepted = Statement.objects.filter(
        conversation=conversation,
        status=Statement.Status.ACCEPTED,
        visibility=Visibility.VISIBLE,
    )
    mine = Vote.objects.filter(participant=user, statement__in=accepted).count()
    return mine, accepted.count()


@dataclass
class Bar:
    """Shares of agree, disagree and pass in percent, for an SVG bar (x positions too)."""

    agree: float
    disagree: float
    passed: float
    votes: int

    @classmethod
    def of(cls, agree: int, disagree: int, votes: int) -> "Bar":
        if not votes:
            return cls(0.0, 0.0, 0.0, 0)
        a, d = 100 * agree / votes, 100 * disagree / votes
        return cls(round(a, 1), round(d, 1), round(100 - a - d, 1), votes)

    @property
    def disagree_x(self) -> float:
        return self.agree

    @property
    def pass_x(self) -> float:
        return round(self.agree + self.disagree, 1)


@dataclass
class Row:
    statement: Statement
    bar: Bar
    consensus: float = 0.0
    direction: str = ""
    groups: list[tuple[int, Bar]] = field(default_factory=list)


@dataclass
class Report:
    analysis: Analysis | None
    participants: int = 0
    points: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    agree: list[Row] = field(default_factory=list)
    disagree: list[Row] = field(default_factory=list)
    unclear: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def _row(statement: Statement, counts: dict[str, Any], consensus: float = 0.0) -> Row:
    groups = [(int(g), Bar.of(a, d, n)) for g, (a, d, n) in counts.get("groups", {}).items()]
    bar = Bar.of(counts.get("agree", 0), counts.get("disagree", 0), counts.get("votes", 0))
    return Row(statement, bar, round(consensus, 3), groups=groups)


def _points(result: dict[str, Any], colours: dict[int, str]) -> list[dict[str, Any]]:
    points = result.get("points", {})
    if not points:
        return []
    xy = np.array([[p[0], p[1]] for p in points.values()])
    low, high = xy.min(axis=0), xy.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    scaled = 10 + (MAP_SIZE - 20) * (xy - low) / span
    candidates = {str(c) for c in result.get("candidates", [])}
    return [
        {
            "x": round(float(x), 1),
            "y": round(float(MAP_SIZE - y), 1),
            "corner_x": round(float(x) - 2, 1),
            "corner_y": round(float(MAP_SIZE - y) - 2, 1),
            "colour": colours.get(p[2], "#777777"),
            "candidate": pid in candidates,
        }
        for (pid, p), (x, y) in zip(points.items(), scaled.tolist(), strict=True)
    ]


def report(conversation: Conversation, order: str = "consensus") -> Report:
    """The report page's content from the stored analysis (nothing is computed here)."""
    analysis = Analysis.objects.filter(conversation=conversation, computed_at__isnull=False).first()
    if analysis is None:
        return Report(None)
    result = analysis.result
    stats: dict[str, Any] = result.get("statements", {})
    by_pk = {
        str(s.pk): s
        for s in Statement.objects.filter(
            conversation=conversation, pk__in=list(map(int, stats)), visibility=Visibility.VISIBLE
        ).select_related("author")
    }
    informed: dict[str, float] = result.get("group_informed_consensus", {})
    colours = {g["id"]: PALETTE[i % len(PALETTE)] for i, g in enumerate(result.get("groups", []))}
    out = Report(analysis, participants=result.get("participants", 0))
    out.points = _points(result, colours)
    for group in result.get("groups", []):
        shown = []
        for item in group["representative"]:
            key = str(item["statement"])
            if key in by_pk:
                row = _row(by_pk[key], stats[key])
                row.direction = item["direction"]
                row.groups = [(g, bar) for g, bar in row.groups if g == group["id"]]
                shown.append(row)
        out.groups.append(
            {
                "id": group["id"],
                "size": len(group["members"]),
                "colour": colours[group["id"]],
                "rows": shown,
            }
        )
    for direction in ("agree", "disagree"):
        rows = [
            _row(by_pk[str(s)], stats[str(s)])
            for s in result["consensus"][direction]
            if str(s) in by_pk
        ]
        setattr(out, direction, rows)
    out.rows = [_row(by_pk[k], stats[k], informed.get(k, 0.0)) for k in stats if k in by_pk]
    out.unclear = sorted(
        (r for r in out.rows if r.bar.votes and r.bar.passed >= 100 * MANY_PASSES),
        key=lambda r: -r.bar.passed,
    )[:5]
    if order == "votes":
        out.rows.sort(key=lambda r: (-r.bar.votes, r.statement.pk))
    else:
        out.rows.sort(key=lambda r: (-r.consensus, r.statement.pk))
    return out


def votes_for_export(conversation: Conversation) -> QuerySet[Vote]:
    return Vote.objects.filter(conversation=conversation).order_by("voted_at", "pk")


def statements_pending() -> QuerySet[Statement]:
    return Statement.objects.filter(status=Statement.Status.PENDING).select_related(
        "conversation", "author"
    )
