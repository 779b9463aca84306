"""The mandates app's background tasks (found by Celery's autodiscovery of `tasks`)."""

from celery import shared_task

from .reminders import reminders_send
from .tasks_appeals import appeals_ask_overdue_task  # noqa: F401


@shared_task(name="mandates.remind_teams")
def remind_teams_task() -> int:
    """Weekly digests of unanswered mandates to candidates' teams (reminders.py)."""
    return reminders_send()
