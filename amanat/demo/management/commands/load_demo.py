import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from amanat.demo.people import DEMO_PASSWORD
from amanat.demo.services import demo_load


class Command(BaseCommand):
    help = "Load the demo data set (synthetic stations, a fictional election, one user a role)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--polls-closed",
            action="store_true",
            help="Add the count: official results, observers' protocols, reconciliation, PVT.",
        )

    def handle(self, *args, **options):
        with tqdm(unit="station", file=sys.stderr, disable=options["no_progress"]) as bar:
            report = demo_load(progress=bar.update, polls_closed=options["polls_closed"])
        stations = report.stations
        self.stdout.write(
            f"Demo stations: {stations.created} created, {stations.updated} updated, "
            f"{stations.unchanged} unchanged (synthetic data)."
        )
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username in report.users:
            self.stdout.write(f"  {username}")
