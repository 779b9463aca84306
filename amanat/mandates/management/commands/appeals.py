"""`amanat appeals due --received YYYY-MM-DD [--working-days 15] --json`: when an answer to an
appeal to a state body is due, counted in Kazakhstan's working days (amanat.legal.working_days:
holidays, a holiday on a weekend moving the day off, the admins' CalendarDay transfers). The
count starts on the day after receipt; 15 working days is the Administrative Procedural Code's
term."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from amanat.legal.working_days import working_days_after

DEFAULT_WORKING_DAYS = 15


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--received must be a date like 2026-03-20, not {text!r}") from None


class Command(BaseCommand):
    help = "Appeals to state bodies: the due date of an answer, in working days."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        due = commands.add_parser("due", help="the due date of an answer to an appeal")
        due.add_argument("--received", required=True, help="YYYY-MM-DD")
        due.add_argument("--working-days", type=int, default=DEFAULT_WORKING_DAYS)
        due.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args, **options):
        received = _day(options["received"])
        working_days = options["working_days"]
        if not 0 <= working_days <= 1000:
            raise CommandError("--working-days must be between 0 and 1000")
        due = working_days_after(received, working_days)
        if options["json"]:
            body = {
                "received": received.isoformat(),
                "working_days": working_days,
                "due": due.isoformat(),
            }
            self.stdout.write(json.dumps(body))
            return
        self.stdout.write(f"{received.isoformat()} + {working_days} working days → {due}")
