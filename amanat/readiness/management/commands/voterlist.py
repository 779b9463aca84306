"""`amanat voterlist sample-size …` and `amanat voterlist estimate FILE …`: the sample a
voter-list audit needs, and each outcome's share with its interval from the field's CSV."""

import csv
import json
from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amanat.readiness.sampling import cluster_share, sample_size


def read_outcomes(path: str, station: str, outcome: str) -> dict[str, dict[str, int]]:
    """Names per outcome per station, from a CSV with a header (one row per sampled name).
    Rows with no outcome yet (not visited) are left out."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [name for name in (station, outcome) if name not in header]
            if missing:
                raise ValueError(
                    f"{path}: no column {', '.join(missing)} (columns: {', '.join(header)})"
                )
            counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
            for row in reader:
                key, value = (row[station] or "").strip(), (row[outcome] or "").strip()
                if not key:
                    raise ValueError(f"{path}, line {reader.line_num}: the station is empty")
                if value:
                    counts[key][value] += 1
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ValueError(f"{path}: cannot read this CSV file ({error})") from None
    return counts


def estimate(counts: dict[str, dict[str, int]], confidence: float) -> dict:
    stations = sorted(counts)
    if len(stations) < 2:
        raise ValueError("at least two stations with outcomes are needed for an interval")
    sizes = [sum(counts[s].values()) for s in stations]
    outcomes = sorted({value for s in stations for value in counts[s]})
    return {
        "stations": len(stations),
        "names": sum(sizes),
        "outcomes": {
            value: cluster_share(
                [counts[s].get(value, 0) for s in stations], sizes, confidence
            ).as_dict()
            for value in outcomes
        },
    }


class Command(BaseCommand):
    help = "The sample size of a voter-list audit, or each outcome's share from its results."

    def add_arguments(self, parser):
        steps = parser.add_subparsers(dest="step", required=True)
        size = steps.add_parser("sample-size", help="names and stations to draw")
        size.add_argument("--proportion", type=float, required=True)
        size.add_argument("--margin", type=float, required=True)
        size.add_argument("--confidence", type=float, default=0.95)
        size.add_argument("--population", type=int)
        size.add_argument("--per-station", type=int, required=True, dest="per_station")
        size.add_argument("--icc", type=float, required=True)
        size.add_argument("--json", action="store_true")
        share = steps.add_parser("estimate", help="each outcome's share with an interval")
        share.add_argument("file")
        share.add_argument("--station", required=True)
        share.add_argument("--outcome", required=True)
        share.add_argument("--confidence", type=float, default=0.95)
        share.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        try:
            if not 0 < options["confidence"] < 1:
                raise ValueError("--confidence must be between 0 and 1, for example 0.95")
            if options["step"] == "sample-size":
                result = sample_size(
                    proportion=options["proportion"], margin=options["margin"],
                    per_station=options["per_station"], icc=options["icc"],
                    confidence=options["confidence"], population=options["population"],
                ).as_dict()  # fmt: skip
            else:
                counts = read_outcomes(options["file"], options["station"], options["outcome"])
                result = estimate(counts, options["confidence"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        if options["step"] == "sample-size":
            for key, value in result.items():
                self.stdout.write(f"{key}: {value}")
            return
        self.stdout.write(f"stations: {result['stations']}, names: {result['names']}")
        for value, share in result["outcomes"].items():
            self.stdout.write(
                f"{value}: {share['share']:.4f} [{share['low']:.4f}, {share['high']:.4f}]"
            )
