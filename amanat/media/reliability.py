"""Krippendorff's alpha, computed through the coincidence matrix.

Pure functions, no Django: `alpha(codings, level=...)` takes (unit, coder, value) triples, as
many coders per unit as there are, missing codings simply absent. Only units coded by at least
two coders are pairable; they alone enter the matrix and the counts.

  o_ck  = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k] / (m_u − 1)     (coincidences)
  n_c   = Σ_k o_ck,  n = Σ_c n_c                           (pairable values)
  alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck

with δ² nominal (0 when equal, else 1), ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)², interval
(c − k)² and ratio ((c − k)/(c + k))², as in Krippendorff (2011), "Computing Krippendorff's
Alpha-Reliability". Alpha is undefined (None) when no disagreement is possible at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import permutations
from typing import Literal

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval", "ratio")
# Thresholds of the method: below GOOD a warning, below TENTATIVE conclusions are tentative only.
GOOD = 0.800
TENTATIVE = 0.667


class ReliabilityError(ValueError):
    """The codings cannot be read as reliability data (a coder coded one unit twice, ...)."""


@dataclass(frozen=True)
class Alpha:
    alpha: float | None
    units: int  # pairable units: coded by at least two coders
    coders: int  # distinct coders among all codings
    values: int  # pairable values (n)

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "alpha": self.alpha,
            "units": self.units,
            "coders": self.coders,
            "values": self.values,
        }


def verdict(value: float | None) -> str:
    """`good`, `warning` (under 0.800), `tentative` (under 0.667) or `undefined`."""
    if value is None:
        return "undefined"
    if value < TENTATIVE:
        return "tentative"
    if value < GOOD:
        return "warning"
    return "good"


def _units(codings: Iterable[tuple[Hashable, Hashable, Hashable]]) -> tuple[dict, set]:
    units: dict[Hashable, dict[Hashable, Hashable]] = defaultdict(dict)
    coders: set[Hashable] = set()
    for unit, coder, value in codings:
        if value is None:
            continue
        if coder in units[unit]:
            raise ReliabilityError(f"coder {coder!r} coded unit {unit!r} more than once")
        units[unit][coder] = value
        coders.add(coder)
    return units, coders


def coincidences(units: dict) -> dict[tuple, float]:
    matrix: dict[tuple, float] = defaultdict(float)
    for values in units.values():
        m = len(values)
        if m < 2:
            continue
        for c, k in permutations(values.values(), 2):
            matrix[(c, k)] += 1.0 / (m - 1)
    return matrix


def _delta(level: Level, marginals: dict) -> object:
    if level == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if level == "interval":
        return lambda c, k: float(c - k) ** 2
    if level == "ratio":
        return lambda c, k: 0.0 if c + k == 0 else float((c - k) / (c + k)) ** 2
    ranks = sorted(marginals)
    position = {value: i for i, value in enumerate(ranks)}

    def ordinal(c: float, k: float) -> float:
        low, high = sorted((position[c], position[k]))
        between = sum(marginals[ranks[g]] for g in range(low, high + 1))
        return (between - (marginals[c] + marginals[k]) / 2) ** 2

    return ordinal


def alpha(codings: Iterable[tuple[Hashable, Hashable, Hashable]], *, level: Level) -> Alpha:
    """Krippendorff's alpha of (unit, coder, value) codings at the given level of measurement.

    Values must be numbers for the ordinal, interval and ratio levels; a None value is missing.
    """
    if level not in LEVELS:
        raise ReliabilityError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    units, coders = _units(codings)
    if level != "nominal":
        for values in units.values():
            for value in values.values():
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise ReliabilityError(f"value {value!r} is not a number ({level} level)")
                if level == "ratio" and value < 0:
                    raise ReliabilityError(f"value {value!r} is negative (ratio level)")
    matrix = coincidences(units)
    marginals: dict = defaultdict(float)
    for (c, _k), count in matrix.items():
        marginals[c] += count
    n = sum(marginals.values())
    pairable = sum(1 for values in units.values() if len(values) >= 2)
    delta = _delta(level, marginals)
    observed = sum(count * delta(c, k) for (c, k), count in matrix.items())  # type: ignore[operator]
    expected = sum(
        marginals[c] * marginals[k] * delta(c, k)  # type: ignore[operator]
        for c in marginals
        for k in marginals
    )
    value = None if n < 2 or expected == 0 else 1.0 - (n - 1) * observed / expected
    return Alpha(alpha=value, units=pairable, coders=len(coders), values=round(n))
