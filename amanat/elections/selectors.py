from django.db.models import QuerySet
from django.utils import timezone

from .models import Election


def elections_public() -> QuerySet[Election]:
    return Election.objects.filter(is_published=True).order_by("-election_day")


def election_current() -> Election | None:
    """The next election to come, or the latest one when none is scheduled."""
    today = timezone.localdate()
    upcoming = Election.objects.filter(election_day__gte=today).order_by("election_day").first()
    return upcoming or Election.objects.order_by("-election_day").first()
