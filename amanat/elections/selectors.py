from django.db.models import QuerySet

from .models import Election


def elections_public() -> QuerySet[Election]:
    return Election.objects.filter(is_published=True).order_by("-election_day")
