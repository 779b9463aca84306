"""Reminders of the election calendar, sent by a worker on `amanat beat`'s schedule."""

from celery import shared_task
from django.utils import timezone

from .services import reminders_send


@shared_task(name="voterinfo.send_reminders")
def reminders_due() -> int:
    """E-mail the stages starting within a day; what was sent before is never sent again, so
    a redelivered or overlapping run sends nothing twice."""
    return reminders_send(now=timezone.now())
