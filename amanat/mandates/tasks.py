"""The mandates app's background tasks (found by Celery's autodiscovery of `tasks`)."""

from .tasks_appeals import appeals_ask_overdue_task  # noqa: F401
