import math

import pytest

from amanat.readiness.sampling import cluster_share, pps_systematic, sample_size, systematic


def test_sample_size_without_population_by_hand():
    # z(0.95) = 1.959964; z² = 3.841459; n0 = 3.841459 × 0.5 × 0.5 / 0.03² = 1067.0719
    # simple = ⌈1067.0719⌉ = 1068; deff = 1 + (20 − 1) × 0.05 = 1.95
    # names = ⌈1067.0719 × 1.95⌉ = ⌈2080.790⌉ = 2081; stations = ⌈2081 / 20⌉ = ⌈104.05⌉ = 105
    size = sample_size(proportion=0.5, margin=0.03, per_station=20, icc=0.05)
    assert size.as_dict() == {"simple": 1068, "design_effect": 1.95, "names": 2081,
                              "stations": 105}  # fmt: skip


def test_sample_size_with_population_by_hand():
    # n0 = 1067.0719 as above; n1 = 1067.0719 / (1 + 1066.0719 / 5000) = 1067.0719 / 1.2132144
    # = 879.5443; simple = 880; names = ⌈879.5443 × 1.95⌉ = ⌈1715.111⌉ = 1716;
    # stations = ⌈1716 / 20⌉ = ⌈85.8⌉ = 86
    size = sample_size(proportion=0.5, margin=0.03, per_station=20, icc=0.05, population=5000)
    assert (size.simple, size.names, size.stations) == (880, 1716, 86)


def test_sample_size_at_90_percent_and_no_clustering():
    # z(0.90) = 1.644854; n0 = 2.705543 × 0.1 × 0.9 / 0.02² = 608.747 → 609; ICC 0: deff 1,
    # names 609, stations ⌈609 / 10⌉ = 61
    size = sample_size(proportion=0.1, margin=0.02, per_station=10, icc=0, confidence=0.9)
    assert size.as_dict() == {"simple": 609, "design_effect": 1.0, "names": 609, "stations": 61}


@pytest.mark.parametrize(
    "kwargs",
    [{"proportion": 0}, {"proportion": 1.5}, {"margin": 0}, {"per_station": 0}, {"icc": 2},
     {"population": 0}],
)  # fmt: skip
def test_sample_size_refuses_nonsense(kwargs):
    arguments = {"proportion": 0.5, "margin": 0.03, "per_station": 20, "icc": 0.05} | kwargs
    with pytest.raises(ValueError):  # noqa: PT011 - the message is the command's to show
        sample_size(**arguments)


def test_cluster_share_by_hand_clipped_at_one():
    # y = 8, 6, 10 of m = 10 each: p = 24/30 = 0.8; y − p·m = 0, −2, 2; Σ² = 8
    # var = 3/2 × 8 / 30² = 0.0133333; sd = 0.1154701; half = 1.959964 × sd = 0.2263180
    # interval 0.5736820 … 1.0263180, clipped to 1
    share = cluster_share([8, 6, 10], [10, 10, 10])
    assert share.share == pytest.approx(0.8)
    assert share.low == pytest.approx(0.573682, abs=1e-6)
    assert share.high == 1.0


def test_cluster_share_by_hand_clipped_at_zero_with_unequal_clusters():
    # y = 1, 0, 3 of m = 5, 10, 15: p = 4/30 = 0.133333; y − p·m = 0.333333, −1.333333, 1
    # Σ² = 0.111111 + 1.777778 + 1 = 2.888889; var = 3/2 × 2.888889 / 900 = 0.00481481
    # sd = 0.0693889; half = 0.1359997 → 0 (clipped from −0.0026664) … 0.2693330
    share = cluster_share([1, 0, 3], [5, 10, 15])
    assert share.share == pytest.approx(4 / 30)
    assert share.low == 0.0
    assert share.high == pytest.approx(0.269333, abs=1e-6)


def test_one_station_gives_a_share_but_no_interval():
    assert cluster_share([3], [10]).as_dict() == {"share": 0.3, "low": None, "high": None}


def test_pps_draws_big_stations_more_often():
    sizes = [100] * 9 + [2000]
    hits = sum(9 in pps_systematic(sizes, 3, seed) for seed in range(200))
    assert hits == 200  # 2000 of 2900 voters exceeds the interval 2900/3: always drawn
    assert pps_systematic(sizes, 3, 5) == pps_systematic(sizes, 3, 5)
    assert len(pps_systematic([1] * 50, 10, 1)) == 10


def test_systematic_takes_evenly_spaced_names():
    picked = systematic(100, 10, seed=3)
    assert len(picked) == 10
    assert {b - a for a, b in zip(picked, picked[1:], strict=False)} == {10}
    assert systematic(4, 10, seed=3) == [0, 1, 2, 3]
    assert math.isclose(picked[0] % 10, picked[-1] % 10)


def test_pps_always_gives_the_number_asked_distinct():
    sizes = [5000, 4000, 10, 20, 30, 40, 50, 60, 70, 80]
    for seed in range(50):
        picked = pps_systematic(sizes, 4, seed)
        assert len(set(picked)) == 4
        assert {0, 1} <= set(picked)  # both larger than the interval: certain
