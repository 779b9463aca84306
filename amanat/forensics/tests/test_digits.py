"""Digit tests, moments and the dip test, per group, by function and through the command."""

import io
import json

import numpy as np
import pytest
from django.core.management import call_command
from scipy import stats

from amanat.forensics.digits import digit_tests
from amanat.forensics.tests.shared_data import SHARED, needs

ALBANIA = SHARED / "elections/albania/Albania2013.csv"


def test_digits_worked_by_hand():
    votes = np.array([47, 1234, 5, 20, 15, np.nan])
    base = np.array([100, 2000, 10, 40, 30, 50])
    [row] = digit_tests(votes=votes, base=base, groups=None)
    assert row["n"] == 5  # the empty cell is left out
    assert row["second_digit_mean"] == pytest.approx((7 + 2 + 0 + 5) / 4)  # 5 has none
    assert row["last_digit_mean"] == pytest.approx((7 + 4 + 5 + 0 + 5) / 5)
    assert row["share_counts_last_0_5"] == pytest.approx(3 / 5)
    assert row["share_pct_last_0_5"] == pytest.approx(3 / 5)  # 47, 62, 50, 50, 50
    pct = np.array([0.47, 0.617, 0.5, 0.5, 0.5])
    assert row["skewness"] == pytest.approx(stats.skew(pct))
    assert row["kurtosis"] == pytest.approx(stats.kurtosis(pct, fisher=False))


def test_a_second_mode_is_found_by_the_dip_test_and_groups_are_apart():
    rng = np.random.default_rng(4)
    base = rng.integers(500, 2500, 800).astype(float)
    shares = np.concatenate([rng.normal(0.45, 0.05, 400), rng.normal(0.9, 0.03, 400)])
    votes = np.round(base * np.clip(shares, 0, 1))
    groups = np.array(["honest"] * 400 + ["mixed"] * 400, dtype=object)
    groups[rng.choice(400, 200, replace=False)] = "mixed"
    rows = {r["group"]: r for r in digit_tests(votes=votes, base=base, groups=groups)}
    assert (rows["honest"]["n"], rows["mixed"]["n"]) == (200, 600)
    assert rows["honest"]["dip_p_value"] > 0.05
    assert rows["mixed"]["dip_p_value"] < 0.01


def test_the_digits_command_prints_groups(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("region,votes,cast\nA,47,100\nA,20,40\nB,15,30\n", encoding="utf-8")
    out = io.StringIO()
    call_command("forensics", "digits", str(path), "--votes", "votes", "--base", "cast",
                 "--group", "region", "--json", stdout=out)  # fmt: skip
    groups = json.loads(out.getvalue())["groups"]
    assert [(g["group"], g["n"]) for g in groups] == [("A", 2), ("B", 1)]


@needs(ALBANIA)
def test_albania_2013_by_prefecture():
    out = io.StringIO()
    call_command("forensics", "digits", str(ALBANIA), "--votes", "C051", "--base", "Ballots",
                 "--group", "Prefectures", "--json", stdout=out)  # fmt: skip
    groups = json.loads(out.getvalue())["groups"]
    assert len(groups) == 12  # Albania's twelve prefectures
    assert sum(g["n"] for g in groups) == 5508
    assert all(0 <= g["second_digit_mean"] <= 9 for g in groups)
