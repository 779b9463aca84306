"""The statistics of a voter-list audit, with no models in them (NDI and IFES's method).

- `sample_size`: how many names and stations a list-to-people or people-to-list test needs
  for a margin of error, with the finite-population correction and the design effect of
  drawing names in clusters (stations): deff = 1 + (M − 1)·ICC (Kish).
- `cluster_share`: the share of one outcome among sampled names clustered by station, the
  ratio p = Σyᵢ/Σmᵢ over k stations with the variance k/(k−1)·Σ(yᵢ − p·mᵢ)²/(Σmᵢ)², and a
  normal interval clipped to [0, 1].
- `pps_systematic`, `systematic`: stations drawn with probability proportional to their
  size, and names drawn from a list at a fixed interval from a random start.
"""

import math
from dataclasses import dataclass

import numpy as np

from amanat.core.statistics import normal_quantile


@dataclass(frozen=True)
class SampleSize:
    simple: int
    design_effect: float
    names: int
    stations: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "simple": self.simple,
            "design_effect": self.design_effect,
            "names": self.names,
            "stations": self.stations,
        }


def sample_size(
    *,
    proportion: float,
    margin: float,
    per_station: int,
    icc: float,
    confidence: float = 0.95,
    population: int | None = None,
) -> SampleSize:
    """n0 = z²P(1−P)/E²; n1 = n0/(1+(n0−1)/N) with a population N, else n0; simple = ⌈n1⌉,
    design_effect = 1+(M−1)R, names = ⌈n1·deff⌉, stations = ⌈names/M⌉."""
    if not 0 < proportion < 1:
        raise ValueError("--proportion must be between 0 and 1, for example 0.5")
    if not 0 < margin < 1:
        raise ValueError("--margin must be between 0 and 1, for example 0.03")
    if per_station < 1:
        raise ValueError("--per-station must be at least 1")
    if not 0 <= icc <= 1:
        raise ValueError("--icc must be between 0 and 1")
    if population is not None and population < 1:
        raise ValueError("--population must be at least 1")
    z = normal_quantile(confidence)
    n0 = z**2 * proportion * (1 - proportion) / margin**2
    n1 = n0 / (1 + (n0 - 1) / population) if population else n0
    deff = round(1 + (per_station - 1) * icc, 12)
    names = math.ceil(_round(n1 * deff))
    return SampleSize(
        simple=math.ceil(_round(n1)),
        design_effect=deff,
        names=names,
        stations=math.ceil(names / per_station),
    )


def _round(value: float) -> float:
    """A product such as 1067.0 × 1.0 that floating point leaves as 1067.0000000000002 is
    1067, not 1068: the ceiling is taken of the value rounded to 9 decimals."""
    return round(value, 9)


@dataclass(frozen=True)
class Share:
    share: float
    low: float | None
    high: float | None

    def as_dict(self) -> dict[str, float | None]:
        return {"share": self.share, "low": self.low, "high": self.high}


def cluster_share(
    hits: list[int] | np.ndarray, sizes: list[int] | np.ndarray, confidence: float = 0.95
) -> Share:
    """p = Σyᵢ/Σmᵢ over the k stations (yᵢ names with the outcome among mᵢ sampled); variance
    k/(k−1)·Σ(yᵢ − p·mᵢ)²/(Σmᵢ)². With one station there is no variance to estimate: the
    interval is None."""
    y = np.asarray(hits, dtype=float)
    m = np.asarray(sizes, dtype=float)
    k, total = len(m), float(m.sum())
    if k == 0 or total <= 0:
        raise ValueError("no sampled names")
    p = float(y.sum()) / total
    if k < 2:
        return Share(p, None, None)
    variance = k / (k - 1) * float(((y - p * m) ** 2).sum()) / total**2
    half = normal_quantile(confidence) * math.sqrt(variance)
    return Share(p, max(0.0, p - half), min(1.0, p + half))


def pps_systematic(sizes: list[int], count: int, seed: int) -> list[int]:
    """Indexes of `count` distinct units drawn with probability proportional to size,
    systematically from a random start over the cumulated sizes. A unit at least as large as
    the interval would be hit twice: it is taken with certainty and the rest drawn among the
    others (the usual treatment of certainty units). All sizes zero: equal chances."""
    if count < 1 or not sizes:
        return []
    if count >= len(sizes):
        return list(range(len(sizes)))
    weights = np.asarray(sizes, dtype=float)
    if weights.sum() <= 0:
        weights = np.ones(len(sizes))
    certain: list[int] = []
    rest = list(range(len(sizes)))
    while True:
        step = weights[rest].sum() / (count - len(certain))
        big = [i for i in rest if weights[i] >= step]
        if not big or len(certain) + len(big) >= count:
            break
        certain += big
        rest = [i for i in rest if i not in set(big)]
    if len(certain) + len(big) >= count and big:
        # Every place left goes to the largest of them.
        big.sort(key=lambda i: (-weights[i], i))
        return sorted(certain + big[: count - len(certain)])
    cumulative = np.cumsum(weights[rest])
    start = np.random.default_rng(seed).uniform(0, step)
    points = start + step * np.arange(count - len(certain))
    chosen = np.minimum(np.searchsorted(cumulative, points, side="right"), len(rest) - 1)
    return sorted(certain + [rest[i] for i in chosen.tolist()])


def systematic(population: int, count: int, seed: int) -> list[int]:
    """Indexes 0…population−1 of `count` names at the interval population/count from a random
    start (all of them when the list is not longer than `count`)."""
    if population <= count:
        return list(range(population))
    step = population / count
    start = np.random.default_rng(seed).uniform(0, step)
    return [int(start + step * j) for j in range(count)]
