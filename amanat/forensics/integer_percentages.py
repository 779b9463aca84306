"""Kobak–Shpilkin–Pshenichnikov's test: are whole-number turnouts and shares too frequent?

Falsified protocols are often written to a target percentage, so stations whose turnout or
leader's share is a whole percent pile up above what chance gives. Chance is simulated from
each station's own figures: its turnout count ~ Binomial(voters, turnout) and the votes
~ Binomial(ballots, share).
"""

from dataclasses import asdict, dataclass

import numpy as np

TOLERANCE = 0.05  # percentage points from a whole number
_EPSILON = 1e-9  # so that 12.05 % computed in floating point still counts
_CHUNK = 50  # replicates simulated at once, to bound memory on 100,000 stations


@dataclass(frozen=True)
class IntegerPercentages:
    stations_used: int
    observed: int
    observed_turnout: int
    observed_share: int
    expected_mean: float
    expected_sd: float
    excess: float
    p_value: float

    def as_dict(self) -> dict:
        return asdict(self)


def is_integer_percent(fraction: np.ndarray) -> np.ndarray:
    percent = 100 * fraction
    return np.abs(percent - np.round(percent)) <= TOLERANCE + _EPSILON


def integer_percentages_test(
    *,
    voters: np.ndarray,
    turnout_count: np.ndarray,
    ballots: np.ndarray,
    votes: np.ndarray,
    min_voters: int = 100,
    replicates: int = 1000,
    seed: int | None = None,
) -> IntegerPercentages:
    known = ~(np.isnan(voters) | np.isnan(turnout_count) | np.isnan(ballots) | np.isnan(votes))
    voters, turnout_count = voters[known], turnout_count[known]
    ballots, votes = ballots[known], votes[known]
    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = turnout_count / voters
        share = votes / ballots
    used = (ballots > 0) & (voters >= min_voters) & (turnout <= 0.99) & (share <= 0.99)
    voters, ballots = voters[used].astype(np.int64), ballots[used].astype(np.int64)
    turnout, share = turnout[used], share[used]

    integer_turnout, integer_share = is_integer_percent(turnout), is_integer_percent(share)
    observed = int(np.count_nonzero(integer_turnout | integer_share))
    expected = _simulate(voters, turnout, ballots, share, replicates, seed)
    mean = float(expected.mean()) if replicates else 0.0
    return IntegerPercentages(
        stations_used=int(used.sum()),
        observed=observed,
        observed_turnout=int(integer_turnout.sum()),
        observed_share=int(integer_share.sum()),
        expected_mean=mean,
        expected_sd=float(expected.std()) if replicates else 0.0,
        excess=observed - mean,
        p_value=float(np.mean(expected >= observed)) if replicates else 1.0,
    )


def _simulate(voters, turnout, ballots, share, replicates: int, seed) -> np.ndarray:
    """How many stations come out integer in each replicate of the null model."""
    rng = np.random.default_rng(seed)
    counts = np.empty(replicates, dtype=np.int64)
    for start in range(0, replicates, _CHUNK):
        size = (min(_CHUNK, replicates - start), len(voters))
        sim_turnout = rng.binomial(voters, turnout, size=size) / voters
        sim_share = rng.binomial(ballots, share, size=size) / ballots
        hits = is_integer_percent(sim_turnout) | is_integer_percent(sim_share)
        counts[start : start + size[0]] = hits.sum(axis=1)
    return counts
