"""Reads for the notifications."""

from django.db.models import Count

from .models import Delivery


def deliveries_counted(*, broadcast_id: int) -> dict[str, int]:
    """How many of a broadcast's deliveries are in each state (every state named, zero too)."""
    counted = dict(
        Delivery.objects.filter(broadcast_id=broadcast_id)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {status: counted.get(status, 0) for status in Delivery.Status.values}
