"""`amanat beat`: the clock that enqueues periodic tasks (reminders, overdue lists) on time.

Run exactly one beside the workers; its schedule (CELERY_BEAT_SCHEDULE) is in the settings and
its record of the last runs in the data folder.
"""

from django.conf import settings

from .worker import Command as WorkerCommand


class Command(WorkerCommand):
    help = "Enqueue periodic tasks on schedule (run one beside the workers)."
    program = "beat"

    def extra_args(self) -> list[str]:
        return [f"--schedule={settings.CELERY_BEAT_SCHEDULE_FILENAME}"]
