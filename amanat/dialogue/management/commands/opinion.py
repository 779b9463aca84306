"""`amanat opinion analyze FILE [--moderated-out ID,ID…] --json`: an opinion map from a CSV
of votes (columns participant, statement, vote 1/−1/0, time; the last vote wins)."""

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from amanat.dialogue.opinion import analyse, command_view, vote_matrix

COLUMNS = ("participant", "statement", "vote", "time")


def _id(text: str) -> int | str:
    text = text.strip()
    return int(text) if text.lstrip("-").isdecimal() else text


def _time(text: str, line: int) -> float:
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        raise CommandError(
            f"line {line}: time {text!r} is neither a number nor an ISO 8601 date and time"
        ) from None


def read_votes(path: str) -> tuple[list[Any], list[Any], list[int], list[float]]:
    try:
        handle = Path(path).open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror}") from None
    people: list[Any] = []
    statements: list[Any] = []
    values: list[int] = []
    times: list[float] = []
    with handle:
        try:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CommandError(f"{path}: missing column(s) {', '.join(missing)}")
            for line, row in enumerate(reader, start=2):
                vote = (row["vote"] or "").strip().replace("\u2212", "-")
                if vote not in {"1", "-1", "0", "+1"}:
                    raise CommandError(f"line {line}: vote must be 1, -1 or 0, not {vote!r}")
                if not (row["participant"] or "").strip() or not (row["statement"] or "").strip():
                    raise CommandError(f"line {line}: participant and statement are required")
                people.append(_id(row["participant"]))
                statements.append(_id(row["statement"]))
                values.append(int(vote))
                times.append(_time(row["time"] or "", line))
        except (UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"{path} is not a UTF-8 CSV file: {error}") from None
    kinds = {type(x) for x in people}, {type(x) for x in statements}
    if len(kinds[0]) > 1 or len(kinds[1]) > 1:
        # Mixed numbers and names: compare them all as text.
        people = [str(x) for x in people] if len(kinds[0]) > 1 else people
        statements = [str(x) for x in statements] if len(kinds[1]) > 1 else statements
    return people, statements, values, times


def moderated_out(text: str, statements: list[Any], path: str) -> list[Any]:
    """The ids given to --moderated-out, each one a statement of the file: a typo (`2,x`)
    would otherwise silently leave a statement in the map."""
    text_ids = any(isinstance(s, str) for s in statements)
    parts = [part.strip() for part in text.split(",") if part.strip()]
    out = [part if text_ids else _id(part) for part in parts]
    known = set(statements)
    unknown = [part for part, key in zip(parts, out, strict=True) if key not in known]
    if unknown:
        raise CommandError(
            f"--moderated-out: {', '.join(unknown)} is not a statement id in {path}"
            f" (give statement ids from its statement column, comma-separated)"
        )
    return out


class Command(BaseCommand):
    help = "Opinion maps (Pol.is method) from a CSV of votes."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        analyze = actions.add_parser("analyze", help="groups, representative statements, consensus")
        analyze.add_argument("file", help="CSV with columns participant, statement, vote, time")
        analyze.add_argument(
            "--moderated-out", default="", help="statement ids moderated out, comma-separated"
        )
        analyze.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args, **options):
        people, statements, values, times = read_votes(options["file"])
        if not values:
            raise CommandError(f"{options['file']} holds no votes")
        out = moderated_out(options["moderated_out"], statements, options["file"])
        result = command_view(analyse(vote_matrix(people, statements, values, times), out))
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
            return
        self.stdout.write(
            f"participants={result['participants']} clustered={len(result['clustered'])}"
        )
        for group in result["groups"]:
            shown = " ".join(f"{r['statement']}:{r['direction']}" for r in group["representative"])
            self.stdout.write(f"group {group['id']}: {len(group['members'])} members; {shown}")
        self.stdout.write(f"consensus agree={result['consensus']['agree']}")
        self.stdout.write(f"consensus disagree={result['consensus']['disagree']}")
