"""`amanat pvt sample …` and `amanat pvt estimate …`: parallel vote tabulation from CSV."""

import csv
import json
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from amanat.core.statistics import draw_sample, ratio_estimate
from amanat.forensics.tables import TableError, read_columns, summed


def _keys(columns: dict, ids: list[str]) -> np.ndarray:
    return np.array(["\x1f".join(parts) for parts in zip(*(columns[i] for i in ids), strict=True)])


class Command(BaseCommand):
    help = "Draw a stratified PVT sample of stations, or estimate the result from it."

    def add_arguments(self, parser):
        steps = parser.add_subparsers(dest="step", required=True)
        sample = steps.add_parser("sample", help="draw a stratified random sample")
        sample.add_argument("file")
        sample.add_argument("--id", required=True, action="append", help="repeat for a key")
        sample.add_argument("--strata", required=True)
        sample.add_argument("--size", required=True, type=int)
        sample.add_argument("--seed", required=True, type=int)
        sample.add_argument("--out", required=True)
        estimate = steps.add_parser("estimate", help="turnout and shares with intervals")
        estimate.add_argument("file")
        estimate.add_argument("--sample", required=True)
        estimate.add_argument("--id", required=True, action="append")
        estimate.add_argument("--strata", required=True)
        estimate.add_argument("--voters", required=True)
        estimate.add_argument("--ballots", required=True, action="append", help="summed")
        estimate.add_argument("--votes", required=True, action="append", help="one per share")
        estimate.add_argument("--confidence", type=float, default=0.95)
        estimate.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        try:
            if options["step"] == "sample":
                return self._sample(options)
            return self._estimate(options)
        except (TableError, ValueError) as error:
            raise CommandError(str(error)) from None

    def _sample(self, options):
        ids, strata = options["id"], options["strata"]
        columns = read_columns(options["file"], [*ids, strata], text=(*ids, strata))
        rows = draw_sample(columns[strata], options["size"], options["seed"])
        with Path(options["out"]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            # The stratum is written too, unless it is already part of the station's key.
            header = ids if strata in ids else [*ids, strata]
            writer.writerow(header)
            for row in rows:
                writer.writerow([columns[name][row] for name in header])
        self.stdout.write(f"{len(rows)} stations written to {options['out']}")

    def _estimate(self, options):
        ids, strata, votes = options["id"], options["strata"], options["votes"]
        if not 0 < options["confidence"] < 1:
            raise ValueError("--confidence must be between 0 and 1, for example 0.95")
        names = [*ids, strata, options["voters"], *options["ballots"], *votes]
        columns = read_columns(options["file"], names, text=(*ids, strata))
        chosen = set(_keys(read_columns(options["sample"], ids, text=tuple(ids)), ids))
        names_h, sizes = np.unique(columns[strata], return_counts=True)
        population = dict(zip(names_h.tolist(), sizes.tolist(), strict=True))
        voters, ballots = columns[options["voters"]], summed(columns, options["ballots"])
        # Stations whose protocol has not arrived yet (empty cells) wait for the next run.
        arrived = ~np.isnan(voters) & ~np.isnan(ballots)
        for name in votes:
            arrived &= ~np.isnan(columns[name])
        used = np.isin(_keys(columns, ids), list(chosen)) & arrived
        if used.sum() < 2:
            raise ValueError("fewer than two sampled stations have results yet")
        level, h = options["confidence"], columns[strata][used]
        result = {
            "stations": int(used.sum()),
            "turnout": ratio_estimate(ballots[used], voters[used], h, population, level).as_dict(),
            "shares": {
                name: ratio_estimate(
                    columns[name][used], ballots[used], h, population, level
                ).as_dict()
                for name in votes
            },
        }
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"stations: {result['stations']}")
        for name, value in [("turnout", result["turnout"]), *result["shares"].items()]:
            self.stdout.write(
                f"{name}: {value['estimate']:.4f} [{value['low']:.4f}, {value['high']:.4f}]"
            )
