import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from tqdm import tqdm

from amanat.geography.selectors import country_default
from amanat.geography.services import stations_import


class Command(BaseCommand):
    help = "Import polling stations from a CSV file (all or nothing unless --skip-invalid)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows and report the bad ones instead of importing nothing.",
        )
        parser.add_argument("--lang", default="en", choices=["kk", "ru", "en"])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, file: Path, skip_invalid: bool, lang: str, **options):
        translation.activate(lang)
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        with file.open(encoding="utf-8-sig", newline="") as stream:
            total = max(sum(1 for _ in stream) - 1, 0)
            stream.seek(0)
            bar = tqdm(
                total=total,
                unit="station",
                file=sys.stderr,
                disable=options["no_progress"],
                desc="import",
            )
            with bar:
                report = stations_import(
                    stream=stream,
                    country=country_default(),
                    skip_invalid=skip_invalid,
                    progress=bar.update,
                )
        for error in report.errors:
            self.stderr.write(str(error))
        if not report.applied:
            raise CommandError(
                f"{len(report.errors)} invalid row(s); nothing imported "
                "(fix them, or use --skip-invalid to import the valid rows)"
            )
        self.stdout.write(
            f"created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}, skipped {report.skipped}"
        )
