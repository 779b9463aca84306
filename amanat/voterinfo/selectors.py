"""Reads for voter information: the calendar now and next, guides, search."""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import QuerySet

from amanat.core.textsearch import stems, words
from amanat.elections.models import Election, ElectionStage

from .models import GUIDE_FTS_TABLE, Guide


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
    """Guides with every word of the query in some form, in any of the three languages;
    titles count double. Both databases find at least the guides with a word that starts
    with each word's stem (core.textsearch); PostgreSQL also finds Russian and English word
    forms by its own stemmers."""
    terms = list(zip(words(query), stems(query), strict=True))
    if not terms:
        return []
    guides = guides_published()
    if connection.vendor == "postgresql":
        guides = _postgresql_matching(guides, terms)
    else:
        guides = guides.filter(pk__in=_sqlite_matching([s for _word, s in terms]))

    def score(guide: Guide) -> int:
        titles = words(" ".join(filter(None, [guide.title_kk, guide.title_ru, guide.title_en])))
        return sum(2 if any(t.startswith(s) for t in titles) else 1 for _word, s in terms)

    return sorted(guides, key=score, reverse=True)


def _sqlite_matching(stems_: list[str]) -> list[int]:
    # Stems are letters and digits only (textsearch.WORD), so quoting them is enough.
    match = " ".join(f'"{s}"*' for s in stems_)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {GUIDE_FTS_TABLE} WHERE text MATCH %s", [match])  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def _postgresql_matching(guides: QuerySet[Guide], terms: list[tuple[str, str]]) -> QuerySet[Guide]:
    from django.contrib.postgres.search import SearchQuery, SearchVector

    vector = (
        SearchVector("search_text", config="simple")
        + SearchVector("title_ru", "summary_ru", "body_ru", config="russian")
        + SearchVector("title_en", "summary_en", "body_en", config="english")
    )
    wanted = None
    for word, stem_ in terms:
        term = (
            SearchQuery(f"{stem_}:*", search_type="raw", config="simple")
            | SearchQuery(word, config="russian")
            | SearchQuery(word, config="english")
        )
        wanted = term if wanted is None else wanted & term
    return guides.annotate(found=vector).filter(found=wanted)
