"""The integer-percentage test on synthetic stations and, where ../shared is present, real data."""

import csv
import gzip
import io
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from amanat.forensics.integer_percentages import (
    chance_of_integer_percent,
    integer_percentages_test,
    is_integer_percent,
)
from amanat.forensics.tables import read_columns, summed
from amanat.forensics.tests.factories import CAST, ISSUED, LEADER, VOTERS, stations
from amanat.forensics.tests.shared_data import SHARED, needs

RUSSIA_2018 = SHARED / "elections/russia/2018.csv.zip"


def test_whole_percentages_are_found_within_five_hundredths_of_a_point():
    assert is_integer_percent(np.array([0.12, 0.1205, 0.1249, 0.1296, 0.5])).tolist() == [
        True, True, False, True, True,
    ]  # fmt: skip


def test_honest_stations_show_no_excess_and_forged_ones_do():
    voters, turnout, votes = stations()
    honest = integer_percentages_test(voters=voters, turnout_count=turnout, ballots=turnout,
                                      votes=votes, replicates=200, seed=1)  # fmt: skip
    assert honest.stations_used == 4000
    assert abs(honest.excess) < 4 * honest.expected_sd
    assert honest.p_value > 0.001

    voters, turnout, votes = stations(forged=400)
    forged = integer_percentages_test(voters=voters, turnout_count=turnout, ballots=turnout,
                                      votes=votes, replicates=200, seed=1)  # fmt: skip
    assert forged.observed_turnout >= 400
    assert forged.excess > 10 * forged.expected_sd
    assert forged.p_value == 0.0


def test_stations_outside_the_rules_are_left_out():
    voters = np.array([50, 1000, 1000, 1000, 1000, np.nan])
    turnout = np.array([40, 995, 500, 500, 0, 500])
    votes = np.array([20, 400, 496, 250, 0, 250])
    result = integer_percentages_test(voters=voters, turnout_count=turnout, ballots=turnout,
                                      votes=votes, replicates=10, seed=3)  # fmt: skip
    # Too few voters, turnout above 99 %, share above 99 %, no ballots, an empty cell.
    assert result.stations_used == 1
    assert (result.observed, result.observed_turnout, result.observed_share) == (1, 1, 1)


def test_the_command_reads_gzip_sums_repeated_columns_and_prints_json(tmp_path):
    voters, turnout, votes = stations(n=600, forged=60)
    path = tmp_path / "results.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["uik", VOTERS, *ISSUED[:2], CAST[0], CAST[1], LEADER])
        for i in range(600):
            early = turnout[i] // 10
            writer.writerow([i, int(voters[i]), int(early), int(turnout[i] - early), 0,
                             int(turnout[i]), int(votes[i])])  # fmt: skip
    out = io.StringIO()
    call_command("forensics", "integer-percentages", str(path), "--voters", VOTERS,
                 "--turnout", ISSUED[0], "--turnout", ISSUED[1], "--ballots", CAST[0],
                 "--ballots", CAST[1], "--votes", LEADER, "--replicates", "50", "--seed", "2",
                 "--json", stdout=out)  # fmt: skip
    result = json.loads(out.getvalue())
    assert set(result) == {"stations_used", "observed", "observed_turnout", "observed_share",
                           "expected_mean", "expected_sd", "excess", "p_value"}  # fmt: skip
    assert result["stations_used"] == 600
    assert result["observed_turnout"] >= 60
    assert result["excess"] == pytest.approx(result["observed"] - result["expected_mean"])
    with pytest.raises(CommandError, match="no column 'Votes'"):
        call_command("forensics", "integer-percentages", str(path), "--voters", VOTERS,
                     "--turnout", ISSUED[0], "--ballots", CAST[0], "--votes", "Votes")  # fmt: skip


@needs(RUSSIA_2018)
def test_russia_2018_shows_the_published_excess_of_whole_percentages():
    columns = read_columns(RUSSIA_2018, [VOTERS, *ISSUED, *CAST, LEADER])
    assert len(columns[VOTERS]) == 97_699
    cast = summed(columns, CAST)
    # The data's README: the leader's share of valid plus invalid ballots is 76.69 %.
    assert round(100 * np.nansum(columns[LEADER]) / np.nansum(cast), 2) == 76.69
    result = integer_percentages_test(
        voters=columns[VOTERS], turnout_count=summed(columns, ISSUED), ballots=cast,
        votes=columns[LEADER], replicates=20, seed=1,
    )  # fmt: skip
    assert result.stations_used > 90_000
    assert result.excess > 10 * result.expected_sd
    assert result.p_value == 0.0


def test_the_chance_of_a_whole_percent_matches_drawing_the_binomials():
    rng = np.random.default_rng(5)
    n, p = rng.integers(100, 3000, 30), rng.uniform(0, 0.99, 30)
    p[0], p[1] = 0.0, 0.5
    exact = chance_of_integer_percent(n, p)
    drawn = np.mean([is_integer_percent(rng.binomial(n, p) / n) for _ in range(20_000)], axis=0)
    assert exact[0] == pytest.approx(1.0)  # nobody voted: 0 % every time
    assert np.abs(exact - drawn).max() < 0.01
