"""Domain-free statistics: the Wilson interval and the two-proportion z-test agree with scipy's
own reference computations, and refuse what they cannot compute."""

import pytest
from scipy.stats import binomtest, chi2_contingency, norm

from amanat.core.statistics import normal_quantile, two_proportion_z_test, wilson_interval


def test_the_normal_quantile_is_the_two_sided_one():
    assert normal_quantile(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert normal_quantile(0.99) == pytest.approx(2.575829, abs=1e-6)
    with pytest.raises(ValueError, match="between 0 and 1"):
        normal_quantile(1.0)


@pytest.mark.parametrize(
    ("successes", "trials", "confidence"),
    [(8, 10, 0.95), (0, 20, 0.95), (20, 20, 0.99), (81, 263, 0.95), (1, 1000, 0.99)],
)
def test_wilson_matches_scipy(successes, trials, confidence):
    reference = binomtest(successes, trials).proportion_ci(confidence, method="wilson")
    interval = wilson_interval(successes, trials, confidence)
    assert interval.estimate == successes / trials
    assert interval.low == pytest.approx(reference.low, abs=1e-12)
    assert interval.high == pytest.approx(reference.high, abs=1e-12)


def test_wilson_stays_inside_zero_and_one_where_the_normal_interval_does_not():
    interval = wilson_interval(1, 10)
    assert 0 < interval.low < 0.1 < interval.high < 0.5
    assert 0.1 - 1.96 * (0.1 * 0.9 / 10) ** 0.5 < 0  # the normal interval would go below 0
    assert wilson_interval(0, 5).low == 0.0
    assert wilson_interval(5, 5).high == 1.0


@pytest.mark.parametrize(("successes", "trials"), [(3, 0), (-1, 10), (11, 10)])
def test_wilson_refuses_impossible_counts(successes, trials):
    with pytest.raises(ValueError, match="between 0 and trials"):
        wilson_interval(successes, trials)


def test_the_z_test_squared_is_the_uncorrected_chi_square():
    table = [[45, 55], [30, 70]]
    chi2, p_value, *_ = chi2_contingency(table, correction=False)
    test = two_proportion_z_test(45, 100, 30, 100)
    assert test.z == pytest.approx(chi2**0.5, rel=1e-12)
    assert test.p_value == pytest.approx(p_value, rel=1e-9)
    assert two_proportion_z_test(30, 100, 45, 100).z == pytest.approx(-test.z)
    assert test.p_value == pytest.approx(2 * norm.sf(test.z))


def test_the_z_test_with_nothing_to_tell_apart_gives_no_evidence():
    assert two_proportion_z_test(10, 10, 20, 20) == two_proportion_z_test(0, 5, 0, 9)
    assert two_proportion_z_test(0, 5, 0, 9).p_value == 1.0
    with pytest.raises(ValueError, match="at least one trial"):
        two_proportion_z_test(0, 0, 1, 2)
    with pytest.raises(ValueError, match="between 0 and trials"):
        two_proportion_z_test(3, 2, 1, 2)
