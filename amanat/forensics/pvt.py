"""Parallel vote tabulation: a stratified random sample of stations and the ratio estimator.

Stations are clusters of voters, so a share is estimated as a ratio of two stratified totals
(votes over ballots, ballots over voters) and its variance by linearisation, as in NDI's
quick-count handbook.
"""

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm


def allocate(stratum_sizes: dict[str, int], size: int) -> dict[str, int]:
    """Proportional allocation by largest remainder, so the parts add up to `size` exactly."""
    total = sum(stratum_sizes.values())
    if not 0 < size <= total:
        raise ValueError(f"the sample size must be between 1 and {total}")
    exact = {h: size * n / total for h, n in stratum_sizes.items()}
    parts = {h: int(v) for h, v in exact.items()}
    by_remainder = sorted(exact, key=lambda h: (parts[h] - exact[h], h))
    for h in by_remainder[: size - sum(parts.values())]:
        parts[h] += 1
    return parts


def draw_sample(strata: np.ndarray, size: int, seed: int) -> np.ndarray:
    """Row indexes of the sample, the same for the same data, size and seed."""
    names, which, sizes = np.unique(strata, return_inverse=True, return_counts=True)
    parts = allocate(dict(zip(names.tolist(), sizes.tolist(), strict=True)), size)
    members = np.split(np.argsort(which, kind="stable"), np.cumsum(sizes)[:-1])
    rng = np.random.default_rng(seed)
    chosen = [
        rng.choice(rows, parts[name], replace=False)
        for name, rows in zip(names.tolist(), members, strict=True)
    ]
    return np.sort(np.concatenate(chosen))


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float

    def as_dict(self) -> dict:
        return {"estimate": self.estimate, "low": self.low, "high": self.high}


def ratio_estimate(
    y: np.ndarray, x: np.ndarray, strata: np.ndarray, population: dict[str, int], confidence: float
) -> Interval:
    """Combined ratio estimator ΣN_h·ȳ_h / ΣN_h·x̄_h with a normal interval.

    A stratum with a single sampled station adds no variance term: it cannot be estimated.
    """
    total_y = total_x = variance = 0.0
    for h in np.unique(strata):
        in_h = strata == h
        total_y += population[h] * y[in_h].mean()
        total_x += population[h] * x[in_h].mean()
    ratio = total_y / total_x
    for h in np.unique(strata):
        in_h = strata == h
        n_h, big_n = int(in_h.sum()), population[h]
        if n_h > 1:
            residual = y[in_h] - ratio * x[in_h]
            variance += big_n**2 * (1 - n_h / big_n) * residual.var(ddof=1) / n_h
    half = norm.ppf((1 + confidence) / 2) * np.sqrt(variance) / total_x
    return Interval(float(ratio), float(ratio - half), float(ratio + half))
