"""Reads for voter information: the calendar now and next, guides, search."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from amanat.elections.models import Election, ElectionStage

from .models import Guide


@dataclass(frozen=True)
class CalendarView:
    now: list[ElectionStage]
    next: ElectionStage | None
    all: list[ElectionStage]


def calendar_view(*, election: Election, at: datetime) -> CalendarView:
    stages = list(election.stages.order_by("starts", "ends"))
    current = [s for s in stages if s.starts <= at <= s.ends]
    upcoming = [s for s in stages if s.starts > at]
    return CalendarView(now=current, next=upcoming[0] if upcoming else None, all=stages)


def guides_published() -> QuerySet[Guide]:
    return Guide.objects.filter(is_published=True).order_by("category", "position")


def guides_search(query: str) -> list[Guide]:
    """Guides where every word appears, in any of the three languages; titles count double."""
    words = query.casefold().split()[:8]
    if not words:
        return []
    guides = guides_published()
    for word in words:
        guides = guides.filter(search_text__contains=word)

    def score(guide: Guide) -> int:
        titles = " ".join(filter(None, [guide.title_kk, guide.title_ru, guide.title_en]))
        return sum(2 if w in titles.casefold() else 1 for w in words)

    return sorted(guides, key=score, reverse=True)
