"""`amanat media alpha FILE --unit COL --coder COL --value COL --level LEVEL --json`:
Krippendorff's alpha of a CSV of codings, one row per (unit, coder, value); an empty value
is a missing coding."""

import csv
import json

from django.core.management.base import BaseCommand, CommandError

from amanat.media.reliability import LEVELS, ReliabilityError, alpha


class Command(BaseCommand):
    help = "Media monitoring: reliability of double coding."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        al = actions.add_parser("alpha", help="Krippendorff's alpha of a CSV of codings")
        al.add_argument("file", help="CSV with a header row, one coding per row")
        al.add_argument("--unit", required=True, help="the unit column")
        al.add_argument("--coder", required=True, help="the coder column")
        al.add_argument("--value", required=True, help="the value column (empty: missing)")
        al.add_argument("--level", required=True, choices=LEVELS)
        al.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args, **options):
        codings = _read(options["file"], options["unit"], options["coder"], options["value"],
                        numeric=options["level"] != "nominal")  # fmt: skip
        try:
            result = alpha(codings, level=options["level"]).as_dict()
        except ReliabilityError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2))
        else:
            self.stdout.write("  ".join(f"{key}={value}" for key, value in result.items()))


def _read(path, unit, coder, value, *, numeric):
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            missing = [c for c in (unit, coder, value) if c not in (reader.fieldnames or [])]
            if missing:
                raise CommandError(f"{path}: no column {', '.join(missing)}")
            rows = list(reader)
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise CommandError(f"{path}: not a UTF-8 CSV file ({error})") from None
    codings = []
    for line, row in enumerate(rows, start=2):
        text = (row[value] or "").strip()
        if not text:
            continue
        if numeric:
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                raise CommandError(f"{path}, line {line}: {text!r} is not a number") from None
            if number != number or number in (float("inf"), float("-inf")):
                raise CommandError(f"{path}, line {line}: {text!r} is not a number")
            codings.append((row[unit], row[coder], number))
        else:
            codings.append((row[unit], row[coder], text))
    return codings
