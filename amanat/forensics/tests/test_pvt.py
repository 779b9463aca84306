"""PVT: proportional allocation, a reproducible sample, and intervals that cover the truth."""

import csv
import io
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from amanat.core.statistics import allocate, draw_sample, ratio_estimate
from amanat.forensics.tables import read_columns, summed
from amanat.forensics.tests.shared_data import SHARED, needs

RUSSIA_2018 = SHARED / "elections/russia/2018.csv.zip"


def test_allocation_is_proportional_and_adds_up():
    assert allocate({"A": 500, "B": 300, "C": 200}, 10) == {"A": 5, "B": 3, "C": 2}
    parts = allocate({"A": 1, "B": 1, "C": 1}, 2)
    assert sum(parts.values()) == 2
    assert set(parts.values()) == {0, 1}
    with pytest.raises(ValueError, match="between 1 and 3"):
        allocate({"A": 3}, 4)


def test_the_sample_is_reproducible_from_its_seed():
    strata = np.array(["A"] * 600 + ["B"] * 400)
    first, again, other = (draw_sample(strata, 100, s) for s in (9, 9, 10))
    assert first.tolist() == again.tolist() != other.tolist()
    assert (strata[first] == "A").sum() == 60


def synthetic(n=5000, seed=0):
    rng = np.random.default_rng(seed)
    strata = rng.choice(np.array(["north", "south", "east", "west"]), n)
    voters = rng.integers(200, 3000, n).astype(float)
    lean = np.where(strata == "south", 0.7, 0.45)
    ballots = rng.binomial(voters.astype(int), rng.uniform(0.5, 0.8, n)).astype(float)
    votes = rng.binomial(ballots.astype(int), np.clip(rng.normal(lean, 0.08), 0, 1)).astype(float)
    return strata, voters, ballots, votes


def coverage(strata, voters, ballots, votes, size, trials, confidence):
    truth = votes.sum() / ballots.sum()
    strata = np.unique(strata, return_inverse=True)[1]  # integer codes sort faster than names
    population = dict(zip(*np.unique(strata, return_counts=True), strict=True))
    hits = 0
    for seed in range(trials):
        rows = draw_sample(strata, size, seed)
        share = ratio_estimate(votes[rows], ballots[rows], strata[rows], population, confidence)
        hits += share.low <= truth <= share.high
    return hits / trials


def test_intervals_cover_the_true_share_at_the_nominal_rate_on_synthetic_stations():
    assert 0.91 <= coverage(*synthetic(), size=400, trials=300, confidence=0.95) <= 0.99
    assert 0.97 <= coverage(*synthetic(), size=400, trials=300, confidence=0.99) <= 1.0


def test_sample_then_estimate_through_the_commands(tmp_path):
    strata, voters, ballots, votes = synthetic(n=800)
    results = tmp_path / "results.csv"
    with results.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["region", "uik", "voters", "ballots", "Votes, candidate A"])
        for i in range(800):
            cells = [strata[i], i, int(voters[i]), int(ballots[i]), int(votes[i])]
            writer.writerow(cells if i != 5 else [*cells[:4], ""])  # one protocol not in yet
    sample = tmp_path / "sample.csv"
    call_command("pvt", "sample", str(results), "--id", "uik", "--strata", "region", "--size",
                 "200", "--seed", "1", "--out", str(sample), stdout=io.StringIO())  # fmt: skip
    assert len(sample.read_text().splitlines()) == 201
    out = io.StringIO()
    call_command("pvt", "estimate", str(results), "--sample", str(sample), "--id", "uik",
                 "--strata", "region", "--voters", "voters", "--ballots", "ballots",
                 "--votes", "Votes, candidate A", "--json", stdout=out)  # fmt: skip
    result = json.loads(out.getvalue())
    assert result["stations"] in (199, 200)
    share = result["shares"]["Votes, candidate A"]
    assert share["low"] < share["estimate"] < share["high"]
    assert result["turnout"]["low"] < ballots.sum() / voters.sum() < result["turnout"]["high"]
    with pytest.raises(CommandError, match="between 1 and 800"):
        call_command("pvt", "sample", str(results), "--id", "uik", "--strata", "region",
                     "--size", "900", "--seed", "1", "--out", str(sample))  # fmt: skip


@needs(RUSSIA_2018)
def test_intervals_cover_the_official_share_on_russia_2018():
    cast = ["Число недействительных избирательных бюллетеней",
            "Число действительных избирательных бюллетеней"]  # fmt: skip
    leader = "Путин Владимир Владимирович"
    columns = read_columns(RUSSIA_2018, ["region", *cast, leader], text=("region",))
    ballots, votes = summed(columns, cast), columns[leader]
    voters = np.zeros_like(ballots)
    rate = coverage(columns["region"], voters, ballots, votes, size=1500, trials=200,
                    confidence=0.95)  # fmt: skip
    assert 0.91 <= rate <= 0.99
