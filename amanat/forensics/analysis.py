"""Everything an analyst sees for one set of station results: the fingerprint, distributions by
region, the integer-percentage test and the digit tests — from a file or from stored results."""

import base64
from dataclasses import dataclass

import numpy as np

from .digits import digit_tests
from .fingerprint import distributions_by_region, fingerprint_png
from .integer_percentages import integer_percentages_test
from .tables import read_columns, summed


@dataclass
class StationArrays:
    voters: np.ndarray
    turnout_count: np.ndarray
    ballots: np.ndarray
    votes: np.ndarray
    regions: np.ndarray | None = None


@dataclass
class TableSpec:
    voters: str
    turnout: list[str]
    ballots: list[str]
    votes: str
    region: str = ""


def arrays_from_table(path, spec: TableSpec) -> StationArrays:
    names = [spec.voters, *spec.turnout, *spec.ballots, spec.votes]
    text = (spec.region,) if spec.region else ()
    columns = read_columns(path, names + list(text), text=text)
    return StationArrays(
        voters=columns[spec.voters],
        turnout_count=summed(columns, spec.turnout),
        ballots=summed(columns, spec.ballots),
        votes=columns[spec.votes],
        regions=columns[spec.region] if spec.region else None,
    )


def analyse(arrays: StationArrays, *, min_voters=100, replicates=1000, seed=None) -> dict:
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = arrays.turnout_count / arrays.voters
        share = arrays.votes / arrays.ballots
    turnout[~np.isfinite(turnout)] = np.nan
    share[~np.isfinite(share)] = np.nan
    regions = arrays.regions
    if regions is None:
        regions = np.full(len(turnout), "", dtype=object)
    png = fingerprint_png(turnout, share, arrays.voters)
    return {
        "stations": len(turnout),
        "fingerprint": "data:image/png;base64," + base64.b64encode(png).decode(),
        "regions": distributions_by_region(turnout, share, regions),
        "integer_percentages": integer_percentages_test(
            voters=arrays.voters,
            turnout_count=arrays.turnout_count,
            ballots=arrays.ballots,
            votes=arrays.votes,
            min_voters=min_voters,
            replicates=replicates,
            seed=seed,
        ).as_dict(),  # fmt: skip
        "digits": digit_tests(votes=arrays.votes, base=arrays.ballots, groups=arrays.regions),
    }
