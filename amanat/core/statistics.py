"""Statistics with no domain in them: stratified samples, intervals and tests of proportions.

Results (parallel vote tabulation), forensics and the coming analyses (readiness audits, media
coding, mandates) use the same few formulas; they live here, below every app that needs them.

- `allocate`, `draw_sample`: a stratified random sample with proportional allocation.
- `ratio_estimate`: the combined ratio estimator of a stratified cluster sample, with its
  variance by linearisation (NDI's quick-count handbook; Cochran, Sampling Techniques, 6.11).
- `wilson_interval`: the Wilson score interval of one proportion (Wilson 1927), which keeps
  its coverage for small samples and proportions near 0 or 1, unlike the normal interval.
- `two_proportion_z_test`: the pooled z-test that two proportions are equal.
"""

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.stats import norm


def normal_quantile(confidence: float) -> float:
    """z such that a standard normal lies within ±z with the given probability (0.95 → 1.96)."""
    if not 0 < confidence < 1:
        raise ValueError("the confidence is a fraction between 0 and 1")
    return float(norm.ppf((1 + confidence) / 2))


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


def draw_sample(strata: npt.NDArray[np.object_], size: int, seed: int) -> npt.NDArray[np.intp]:
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

    def as_dict(self) -> dict[str, float]:
        return {"estimate": self.estimate, "low": self.low, "high": self.high}


def ratio_estimate(
    y: npt.NDArray[np.float64],
    x: npt.NDArray[np.float64],
    strata: npt.NDArray[np.object_],
    population: dict[str, int],
    confidence: float,
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
    half = normal_quantile(confidence) * math.sqrt(variance) / total_x
    return Interval(float(ratio), float(ratio - half), float(ratio + half))


def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> Interval:
    """The Wilson score interval of successes / trials; the estimate is the observed share."""
    if trials <= 0 or not 0 <= successes <= trials:
        raise ValueError("successes must lie between 0 and trials, and trials be positive")
    z = normal_quantile(confidence)
    share = successes / trials
    denominator = 1 + z**2 / trials
    centre = (share + z**2 / (2 * trials)) / denominator
    half = z * math.sqrt(share * (1 - share) / trials + z**2 / (4 * trials**2)) / denominator
    return Interval(share, max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class ZTest:
    z: float
    p_value: float  # two-sided


def two_proportion_z_test(
    successes_a: int, trials_a: int, successes_b: int, trials_b: int
) -> ZTest:
    """Pooled two-sided z-test of "the two proportions are equal". With no variation at all
    (every trial a success, or none) there is nothing to tell apart: z = 0, p = 1."""
    if trials_a <= 0 or trials_b <= 0:
        raise ValueError("each group needs at least one trial")
    if not (0 <= successes_a <= trials_a and 0 <= successes_b <= trials_b):
        raise ValueError("successes must lie between 0 and trials")
    pooled = (successes_a + successes_b) / (trials_a + trials_b)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / trials_a + 1 / trials_b))
    if spread == 0:
        return ZTest(0.0, 1.0)
    z = (successes_a / trials_a - successes_b / trials_b) / spread
    return ZTest(float(z), float(2 * norm.sf(abs(z))))
