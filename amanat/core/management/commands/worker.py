"""`amanat worker`: the process that runs background tasks from the broker (Celery's worker).

Arguments after the command go to Celery as they are (`amanat worker --concurrency 4`).
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from amanat.celery import app


class Command(BaseCommand):
    help = "Run background tasks from the broker (CELERY_BROKER_URL or REDIS_URL)."
    program = "worker"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("celery_args", nargs="*", help="passed to celery as they are")

    def run_from_argv(self, argv: list[str]) -> None:
        # Celery parses its own options (`--help` too); Django's parser would refuse them.
        try:
            self.handle(celery_args=argv[2:])
        except CommandError as error:
            self.stderr.write(str(error))
            raise SystemExit(2) from error

    def handle(self, *args: Any, celery_args: list[str], **options: Any) -> None:
        if settings.CELERY_BROKER_URL == "memory://":
            raise CommandError(
                "No broker is configured: set CELERY_BROKER_URL or REDIS_URL. Without one, "
                "tasks already run inside the app server and no worker is needed."
            )
        app.start([self.program, "--loglevel=INFO", *self.extra_args(), *celery_args])

    def extra_args(self) -> list[str]:
        return []
