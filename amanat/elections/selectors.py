from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils import timezone

from amanat.core.memo import ttl_memo
from amanat.geography.models import Region

from .models import Contest, Election, OfficialResult


def elections_public() -> QuerySet[Election]:
    return Election.objects.filter(is_published=True).order_by("-election_day")


@ttl_memo(30)
def election_current() -> Election | None:
    """The next election to come, or the latest one when none is scheduled. Every report
    asks for it, so each worker remembers it for 30 seconds."""
    today = timezone.localdate()
    upcoming = Election.objects.filter(election_day__gte=today).order_by("election_day").first()
    return upcoming or Election.objects.order_by("-election_day").first()


def official_figures(
    contest: Contest, regions: Iterable[Region] | None = None
) -> dict[int, dict[str, int]]:
    """The published figures of a contest by station: {station id: {line: number}}."""
    results = OfficialResult.objects.filter(contest=contest)
    if regions is not None:
        results = results.filter(station__district__region__in=regions)
    return dict(results.values_list("station_id", "figures"))
