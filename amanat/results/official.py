"""Loading the central commission's station-level results from CSV with a column mapping.

Every bad row is reported with its line and reason; nothing is written unless every row is
good (or `skip_invalid`). A protocol whose own arithmetic is off is still the official
figure: it is stored and listed as a warning, naming the broken relation."""

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from amanat.elections.models import Contest, OfficialResult, option_key
from amanat.geography.models import PollingStation
from amanat.geography.services import RowError

from .lines import STANDARD_KEYS
from .services import protocol_relations_checker

BATCH = 1000


@dataclass
class ResultsReport:
    stored: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    applied: bool = False


def line_keys(contest: Contest) -> list[str]:
    return STANDARD_KEYS + [
        option_key(p) for p in contest.options.values_list("position", flat=True)
    ]


def mapping_parse(contest: Contest, pairs: Iterable[str]) -> dict[str, str]:
    """`LINE=COLUMN` pairs → {line: column}; a bare number N means ballot option N."""
    known, mapping = set(line_keys(contest)), {}
    for pair in pairs:
        line, sep, column = pair.partition("=")
        line = option_key(int(line)) if line.strip().isdecimal() else line.strip()
        if not sep or not column:
            raise ValueError(_("Give the mapping as LINE=COLUMN: %(pair)s") % {"pair": pair})
        if line not in known:
            raise ValueError(
                _("Unknown protocol line %(line)s; known: %(known)s")
                % {"line": line, "known": ", ".join(line_keys(contest))}
            )
        mapping[line] = column
    return mapping


def _number(text: str) -> int | None:
    """A count as commissions publish it: "1 234", "1234" or "1234.0" (some files are floats);
    never a fraction, a negative or an empty cell."""
    text = (text or "").replace(" ", "").replace("\u00a0", "")
    whole, _point, zeros = text.partition(".")
    if not whole.isdigit() or zeros.strip("0"):
        return None
    return int(whole)


def _row_read(line, row, station_column, mapping, stations, seen):
    number, problems = (row.get(station_column) or "").strip(), []
    if number not in stations:
        message = _("no polling station %(number)s") % {"number": number}
        problems.append(RowError(line, station_column, message))
    elif number in seen:
        message = _("station repeated (line %(line)s)") % {"line": seen[number]}
        problems.append(RowError(line, station_column, message))
    figures = {}
    for key, column in mapping.items():
        figures[key] = _number(row.get(column, ""))
        if figures[key] is None:
            message = _("not a whole number: “%(value)s”") % {"value": row.get(column, "")}
            problems.append(RowError(line, column, message))
    return number, figures, problems


def official_results_import(
    *, stream, contest: Contest, station_column: str, mapping: dict[str, str], source: str,
    skip_invalid: bool = False, progress: Callable[[int], None] | None = None,
) -> ResultsReport:  # fmt: skip
    report = ResultsReport()
    reader = csv.DictReader(stream)
    absent = [c for c in [station_column, *mapping.values()] if c not in (reader.fieldnames or [])]
    if absent:
        report.errors.append(RowError(1, ", ".join(absent), _("column not in the file")))
        return report
    stations = dict(
        PollingStation.objects.filter(country=contest.election.country).values_list("number", "pk")
    )
    relations_broken = protocol_relations_checker(contest)
    rows: list[OfficialResult] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(reader, start=2):
        number, figures, problems = _row_read(line, row, station_column, mapping, stations, seen)
        if progress:
            progress(1)
        if problems:
            report.errors += problems
            report.skipped += 1
            continue
        seen[number] = line
        report.warnings += [
            RowError(line, number, message) for message in relations_broken(figures)
        ]
        rows.append(
            OfficialResult(
                contest=contest, station_id=stations[number], figures=figures, source=source
            )
        )
    if report.errors and not skip_invalid:
        return report
    with transaction.atomic():
        for start in range(0, len(rows), BATCH):
            OfficialResult.objects.bulk_create(
                rows[start : start + BATCH], update_conflicts=True,
                unique_fields=["contest", "station"],
                update_fields=["figures", "source", "imported_at"],
            )  # fmt: skip
    report.stored, report.applied = len(rows), True
    return report
