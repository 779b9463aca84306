import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from amanat.legal.stages import RESULTS_DAYS, stages_compute


class Command(BaseCommand):
    help = "Print the legal stages of an election computed from its election day."

    def add_arguments(self, parser):
        parser.add_argument("--type", required=True, choices=sorted(RESULTS_DAYS))
        parser.add_argument("--election-day", required=True, help="YYYY-MM-DD")
        parser.add_argument("--timezone", default="Asia/Almaty")
        parser.add_argument("--lang", default="en", choices=["kk", "ru", "en"])
        parser.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args, **options):
        try:
            day = date.fromisoformat(options["election_day"])
        except ValueError:
            raise CommandError("--election-day must be a date like 2022-11-20") from None
        lang = options["lang"]
        stages = stages_compute(
            election_type=options["type"], election_day=day, timezone=options["timezone"]
        )
        rows = [
            {
                "stage": s.code,
                "name": s.names[lang],
                "starts": s.starts.isoformat(),
                "ends": s.ends.isoformat(),
                "legal_basis": s.legal_basis[lang],
            }
            for s in stages
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row['starts'][:16]} – {row['ends'][:16]}  {row['name']}")
