"""Reminders of online events, sent by `amanat beat` (settings/tasks.py: event-reminders)."""

from celery import shared_task

from .services_events import reminders_send


@shared_task(name="dialogue.event_reminders")
def event_reminders_task() -> int:
    """Each registered person of an event starting soon, reminded once; returns how many
    deliveries were planned by this run."""
    return reminders_send()
