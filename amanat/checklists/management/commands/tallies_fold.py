"""Fold the reports not yet counted into the live counts (and take the public's figures when
due): once, or every few seconds with --every (until stopped). The periodic task calls the
same service."""

import time

from django.core.management.base import BaseCommand

from amanat.checklists.counting import tallies_fold


class Command(BaseCommand):
    help = "Fold submissions not yet counted into the live counts."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="seconds; 0 runs once")
        parser.add_argument("--batch", type=int, default=5000)

    def handle(self, *args, every: float, batch: int, **options):
        while True:
            folded = tallies_fold(batch=batch)
            if options["verbosity"] > 1 or not every:
                self.stdout.write(f"{folded} submissions folded")
            if not every:
                return
            time.sleep(every)
