"""Proposing reports that tell of the same event, and merging them into one incident that
keeps every original report (same station or region, close in time, same category, similar
words, from any channel)."""

import re
from datetime import timedelta

from django.db import transaction
from django.db.models import Q

from amanat.audit.services import audit_record

from .models import Report
from .open_data import open_data_changed
from .timeline import event_add

WINDOW = timedelta(hours=3)
SIMILAR = 0.2  # share of shared words that makes two texts "about the same thing"
WORD = re.compile(r"\w{3,}", re.UNICODE)


def _words(text: str) -> set[str]:
    # The first five letters stand for the word: Russian and Kazakh endings vary a lot.
    return {word[:5] for word in WORD.findall(text.casefold())}


def similarity(first: str, second: str) -> float:
    a, b = _words(first), _words(second)
    return len(a & b) / len(a | b) if a and b else 0.0


def duplicate_candidates(report: Report, limit: int = 10) -> list[tuple[Report, float]]:
    others = Report.objects.filter(
        merged_into__isnull=True,
        occurred_at__gte=report.occurred_at - WINDOW,
        occurred_at__lte=report.occurred_at + WINDOW,
    ).exclude(pk=report.pk)
    if report.station_id:
        others = others.filter(station_id=report.station_id)
    else:
        others = others.filter(region_id=report.region_id, station__isnull=True)
    if report.category_id:
        others = others.filter(Q(category_id=report.category_id) | Q(category__isnull=True))
    scored = [(other, similarity(report.description, other.description)) for other in others]
    scored = [(other, score) for other, score in scored if score >= SIMILAR]
    return sorted(scored, key=lambda pair: pair[1], reverse=True)[:limit]


@transaction.atomic
def reports_merge(*, primary: Report, others: list[Report], actor) -> Report:
    primary = Report.objects.select_for_update().get(pk=primary.pk)
    if primary.merged_into is not None:
        primary = primary.merged_into
    for other in others:
        if other.pk == primary.pk:
            continue
        Report.objects.filter(pk=other.pk).update(merged_into=primary)
        Report.objects.filter(merged_into=other).update(merged_into=primary)
        event_add(other, "merged")
    sources = 1 + primary.merged.count()
    if sources >= 2 and primary.credibility == Report.Credibility.SINGLE:
        primary.credibility = Report.Credibility.CORROBORATED
        primary.save(update_fields=["credibility"])
    event_add(primary, "merged", {"count": sources})
    open_data_changed()  # a merged report leaves the public list
    audit_record(action="incidents.merged", actor=actor, obj=primary,
                 data={"merged": [o.pk for o in others]})  # fmt: skip
    return primary
