"""Parallel vote tabulation in the platform: the sample-size calculator after NDI's quick-count
handbook, the stratified sample of stations, and estimates that update as the sampled
stations' protocols arrive."""

import math
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from scipy.stats import norm

from amanat.audit.services import audit_record
from amanat.core.statistics import Interval, draw_sample, ratio_estimate
from amanat.elections.models import Contest, option_key
from amanat.elections.selectors import official_figures
from amanat.geography.models import PollingStation

from .models import PvtSample
from .selectors import observer_protocols

CONFIDENCES = (0.95, 0.99)


@dataclass(frozen=True)
class SampleSize:
    voters: int
    stations: int


def sample_size_ndi(*, registered: int, margin: float, confidence: float, heterogeneity=0.5,
                    station_size: float, turnout: float = 1.0,
                    stations_total: int | None = None) -> SampleSize:  # fmt: skip
    """Voters needed n = p(1−p) / (E²/Z² + p(1−p)/N) for a margin E at the confidence's Z, then
    stations = n / (voters per station × expected turnout), since only those who vote are
    counted (NDI, "The Quick Count and Election Observation", ch. 5)."""
    if not (0 < margin < 1 and 0 < confidence < 1 and 0 < turnout <= 1 and station_size > 0):
        raise ValueError("margin, confidence and turnout are fractions; station size > 0")
    z = norm.ppf((1 + confidence) / 2)
    spread = heterogeneity * (1 - heterogeneity)
    voters = spread / (margin**2 / z**2 + spread / registered)
    stations = math.ceil(voters / (station_size * turnout))
    if stations_total is not None:
        stations = min(stations, stations_total)
    return SampleSize(voters=math.ceil(voters), stations=stations)


def _stations_and_strata(contest: Contest):
    rows = list(
        PollingStation.objects.filter(country_id=contest.election.country_id)
        .order_by("number", "pk")
        .values_list("pk", "district__region__code")
    )
    return np.array([pk for pk, _ in rows]), np.array([code for _, code in rows], dtype=object)


@transaction.atomic
def pvt_sample_draw(*, contest: Contest, size: int, seed: int, actor) -> PvtSample:
    """The same stations, size and seed always give the same sample."""
    ids, strata = _stations_and_strata(contest)
    chosen = ids[draw_sample(strata, size, seed)].tolist()
    sample, _ = PvtSample.objects.update_or_create(
        contest=contest,
        defaults={"size": size, "seed": seed, "station_ids": chosen, "created_by": actor},
    )
    audit_record(actor=actor, action="results.pvt_sample_drawn", obj=sample,
                 data={"size": size, "seed": seed})  # fmt: skip
    return sample


@dataclass
class Estimate:
    line: str
    intervals: dict[float, Interval]
    official: float | None
    label: str = ""

    @property
    def central(self) -> float:
        return self.intervals[CONFIDENCES[0]].estimate

    def inside(self, confidence: float) -> bool | None:
        if self.official is None:
            return None
        interval = self.intervals[confidence]
        return interval.low <= self.official <= interval.high


@dataclass
class LiveEstimate:
    reported: int
    size: int
    turnout: Estimate | None
    shares: list[Estimate]


def pvt_estimates(contest: Contest, sample: PvtSample) -> tuple[LiveEstimate, dict]:
    """Nationally and per region: turnout (ballots found over voters) and each option's share
    of valid ballots from the sampled stations reported so far, weighted by the number of
    stations per region. Regions not yet heard from are left out until they report."""
    ids, strata = _stations_and_strata(contest)
    region_of = dict(zip(ids.tolist(), strata.tolist(), strict=True))
    reported = observer_protocols(contest)
    official = official_figures(contest)
    positions = list(contest.options.order_by("position").values_list("position", flat=True))
    national = _live(sample.station_ids, region_of, reported, official, positions)
    by_region = {}
    for code in sorted(set(region_of.values())):
        region_only = {pk: c for pk, c in region_of.items() if c == code}
        by_region[code] = _live(sample.station_ids, region_only, reported, official, positions)
    return national, by_region


def _live(sample_ids, region_of, reported, official, positions) -> LiveEstimate:
    in_sample = [pk for pk in sample_ids if pk in region_of]
    rows = [reported[pk] for pk in in_sample if pk in reported]
    result = LiveEstimate(reported=len(rows), size=len(in_sample), turnout=None, shares=[])
    if len(rows) < 2:
        return result
    population: dict[str, int] = {}
    for code in region_of.values():
        population[code] = population.get(code, 0) + 1
    strata = np.array([region_of[pk] for pk in in_sample if pk in reported], dtype=object)
    totals = _official_totals(official, region_of)

    def column(line):
        return np.array([figures.get(line, 0) for figures in rows], dtype=float)

    def estimate(line, top, bottom):
        y, x = column(top), column(bottom)
        intervals = {c: ratio_estimate(y, x, strata, population, c) for c in CONFIDENCES}
        return Estimate(line, intervals, _ratio(totals, top, bottom))

    result.turnout = estimate("turnout", "found", "voters")
    result.shares = [estimate(option_key(p), option_key(p), "valid") for p in positions]
    return result


def _official_totals(official: dict[int, dict], region_of: dict[int, str]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for station_id, figures in official.items():
        if station_id in region_of:
            for line, value in figures.items():
                totals[line] = totals.get(line, 0) + value
    return totals


def _ratio(totals: dict, top: str, bottom: str) -> float | None:
    if not totals.get(bottom) or top not in totals:
        return None
    return totals[top] / totals[bottom]
