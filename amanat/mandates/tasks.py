"""Background tasks of the mandates."""

from celery import shared_task

from .reminders import reminders_send


@shared_task(name="mandates.remind_teams")
def remind_teams_task() -> int:
    """Weekly digests of unanswered mandates to candidates' teams (reminders.py)."""
    return reminders_send()
