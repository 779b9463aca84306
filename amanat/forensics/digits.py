"""Digit and distribution tests of Mebane's election-forensics toolkit, per group of stations.

Counts written by hand rather than by voters tend to end in 0 or 5 and to lose the spread of
their second digit; a share manufactured for some stations leaves a second mode, which the
dip test detects.
"""

import numpy as np
from diptest import diptest


def digit_tests(*, votes: np.ndarray, base: np.ndarray, groups: np.ndarray | None) -> list[dict]:
    known = ~(np.isnan(votes) | np.isnan(base))
    votes, base = votes[known], base[known]
    groups = np.full(len(votes), "", dtype=object) if groups is None else groups[known]
    return [
        {"group": name, **_one_group(votes[groups == name], base[groups == name])}
        for name in sorted(set(groups))
    ]


def _one_group(votes: np.ndarray, base: np.ndarray) -> dict:
    counts = votes.astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.minimum(votes / base, 1.0)
    pct = pct[base > 0]
    tens = counts[counts >= 10]
    last = counts % 10
    pct_last = np.round(100 * pct).astype(np.int64) % 10
    return {
        "n": int(len(counts)),
        "second_digit_mean": _mean(_second_digit(tens)),
        "last_digit_mean": _mean(last),
        "share_counts_last_0_5": _mean(np.isin(last, (0, 5))),
        "share_pct_last_0_5": _mean(np.isin(pct_last, (0, 5))),
        "skewness": _moment_ratio(pct, 3),
        "kurtosis": _moment_ratio(pct, 4),
        "dip_p_value": float(diptest(pct)[1]) if len(pct) > 3 else None,
    }


def _second_digit(counts: np.ndarray) -> np.ndarray:
    """The second digit from the left: 47 → 7, 1,234 → 2."""
    magnitude = 10 ** (np.floor(np.log10(counts)).astype(np.int64) - 1)
    return (counts // magnitude) % 10


def _moment_ratio(values: np.ndarray, order: int) -> float | None:
    """Population skewness (order 3) or kurtosis (order 4, not in excess form)."""
    if len(values) < 2 or values.std() == 0:
        return None
    centred = values - values.mean()
    return float(np.mean(centred**order) / values.std() ** order)


def _mean(values: np.ndarray) -> float | None:
    return float(np.mean(values)) if len(values) else None
