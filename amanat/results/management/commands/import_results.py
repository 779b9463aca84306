"""`amanat import-results FILE --contest CODE --station COL --map LINE=COL …`"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from tqdm import tqdm

from amanat.elections.models import Contest
from amanat.elections.selectors import election_current
from amanat.results.official import mapping_parse, official_results_import


class Command(BaseCommand):
    help = (
        "Load the election commission's station-level results from CSV. Map protocol lines "
        "(voters, received, issued, cancelled, lost, found, invalid, valid, or a ballot "
        "option's number) to columns with --map LINE=COLUMN; all or nothing unless "
        "--skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--election", help="election slug (default: the current one)")
        parser.add_argument("--contest", help="contest code (default: the election's only one)")
        parser.add_argument("--station", required=True, help="column with the station number")
        parser.add_argument("--map", required=True, action="append", dest="mapping",
                            metavar="LINE=COLUMN")  # fmt: skip
        parser.add_argument("--skip-invalid", action="store_true")
        parser.add_argument("--lang", default="en", choices=["kk", "ru", "en"])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, file: Path, **options):
        translation.activate(options["lang"])
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        contest = self._contest(options)
        try:
            mapping = mapping_parse(contest, options["mapping"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        with file.open(encoding="utf-8-sig", newline="") as stream:
            total = max(sum(1 for _ in stream) - 1, 0)
            stream.seek(0)
            with tqdm(total=total, unit="station", file=sys.stderr, desc="import",
                      disable=options["no_progress"]) as bar:  # fmt: skip
                report = official_results_import(
                    stream=stream, contest=contest, station_column=options["station"],
                    mapping=mapping, source=file.name, skip_invalid=options["skip_invalid"],
                    progress=bar.update,
                )  # fmt: skip
        for problem in report.errors:
            self.stderr.write(f"error: {problem}")
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        if not report.applied:
            raise CommandError(
                f"{len(report.errors)} problem(s); nothing imported "
                "(fix them, or use --skip-invalid to import the valid rows)"
            )
        self.stdout.write(
            f"stored {report.stored}, skipped {report.skipped}, "
            f"with broken control relations {len(report.warnings)}"
        )

    def _contest(self, options) -> Contest:
        election = election_current()
        contests = Contest.objects.all()
        if options["election"]:
            contests = contests.filter(election__slug=options["election"])
        elif election is not None:
            contests = contests.filter(election=election)
        if options["contest"]:
            contests = contests.filter(code=options["contest"])
        found = list(contests.select_related("election")[:2])
        if len(found) != 1:
            raise CommandError("name the contest with --election SLUG --contest CODE")
        return found[0]
