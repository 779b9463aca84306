from django.db.models import QuerySet
from django.utils import timezone

from amanat.core.memo import ttl_memo

from .models import Election


def elections_public() -> QuerySet[Election]:
    return Election.objects.filter(is_published=True).order_by("-election_day")


@ttl_memo(30)
def election_current() -> Election | None:
    """The next election to come, or the latest one when none is scheduled. Every report
    asks for it, so each worker remembers it for 30 seconds."""
    today = timezone.localdate()
    upcoming = Election.objects.filter(election_day__gte=today).order_by("election_day").first()
    return upcoming or Election.objects.order_by("-election_day").first()
