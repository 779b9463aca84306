"""`amanat forensics integer-percentages FILE …`: statistical tests on station-level results."""

import json

from django.core.management.base import BaseCommand, CommandError

from amanat.forensics.digits import digit_tests
from amanat.forensics.integer_percentages import integer_percentages_test
from amanat.forensics.tables import TableError, read_columns, summed


class Command(BaseCommand):
    help = "Statistical tests for falsification on station-level election results."

    def add_arguments(self, parser):
        tests = parser.add_subparsers(dest="test", required=True)
        ip = tests.add_parser("integer-percentages", help="too many whole-number percentages?")
        ip.add_argument("file", help="CSV, optionally .zip or .gz")
        ip.add_argument("--voters", required=True, help="registered voters column")
        ip.add_argument("--turnout", required=True, action="append", help="summed if repeated")
        ip.add_argument("--ballots", required=True, action="append", help="summed if repeated")
        ip.add_argument("--votes", required=True, help="the candidate's votes column")
        ip.add_argument("--min-voters", type=int, default=100)
        ip.add_argument("--replicates", type=int, default=1000)
        ip.add_argument("--seed", type=int, default=None)
        ip.add_argument("--json", action="store_true", help="machine-readable output")
        dg = tests.add_parser("digits", help="digit tests, skewness, kurtosis, dip test")
        dg.add_argument("file", help="CSV, optionally .zip or .gz")
        dg.add_argument("--votes", required=True, help="vote counts column")
        dg.add_argument("--base", required=True, help="the column the share is taken of")
        dg.add_argument("--group", default=None, help="one result per value of this column")
        dg.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args, **options):
        if options["test"] == "integer-percentages":
            result = self._integer_percentages(options).as_dict()
        else:
            result = {"groups": self._digits(options)}
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2))
            return
        for row in result.get("groups", [result]):
            self.stdout.write("  ".join(f"{key}={value}" for key, value in row.items()))

    def _digits(self, options):
        group = options["group"]
        names = [options["votes"], options["base"], *([group] if group else [])]
        try:
            columns = read_columns(options["file"], names, text=(group,) if group else ())
        except TableError as error:
            raise CommandError(str(error)) from None
        return digit_tests(
            votes=columns[options["votes"]],
            base=columns[options["base"]],
            groups=columns[group] if group else None,
        )

    def _integer_percentages(self, options):
        if options["replicates"] < 1:
            raise CommandError("--replicates must be at least 1")
        names = [options["voters"], *options["turnout"], *options["ballots"], options["votes"]]
        try:
            columns = read_columns(options["file"], names)
        except TableError as error:
            raise CommandError(str(error)) from None
        return integer_percentages_test(
            voters=columns[options["voters"]],
            turnout_count=summed(columns, options["turnout"]),
            ballots=summed(columns, options["ballots"]),
            votes=columns[options["votes"]],
            min_voters=options["min_voters"],
            replicates=options["replicates"],
            seed=options["seed"],
        )
