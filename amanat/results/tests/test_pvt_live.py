"""PVT in the platform: the NDI sample-size formula, a reproducible sample, deployment to it,
and estimates from the protocols that arrive, checked against the official result."""

import uuid

import numpy as np
import pytest
from django.utils import translation
from scipy.stats import norm

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.checklists.ingestion import submission_receive
from amanat.core.statistics import ratio_estimate
from amanat.elections.models import OfficialResult
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.models import DeploymentStation
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ObserverFactory, region
from amanat.results.pvt import pvt_estimates, pvt_sample_draw, sample_size_ndi

pytestmark = pytest.mark.django_db


def test_sample_size_follows_the_ndi_formula():
    # NDI's worked example (Peru 2001): 14,570,774 voters, ±0.32 points at 99 %, p = 0.5.
    z = norm.ppf(0.995)
    by_hand = 0.25 / ((0.0032 / z) ** 2 + 0.25 / 14_570_774)
    size = sample_size_ndi(registered=14_570_774, margin=0.0032, confidence=0.99,
                           station_size=160)  # fmt: skip
    assert size.voters == int(np.ceil(by_hand)) == 160_204
    assert size.stations == int(np.ceil(by_hand / 160)) == 1_002
    # Only those who vote are counted: at 70 % turnout more stations are needed.
    assert sample_size_ndi(registered=14_570_774, margin=0.0032, confidence=0.99,
                           station_size=160, turnout=0.7).stations == 1_431  # fmt: skip
    assert sample_size_ndi(registered=1000, margin=0.01, confidence=0.95, station_size=100,
                           stations_total=10).stations == 10  # fmt: skip
    with pytest.raises(ValueError, match="fractions"):
        sample_size_ndi(registered=1000, margin=2, confidence=0.95, station_size=100)


@pytest.fixture
def country(protocol):
    """Twelve stations in two regions, all deployed, with the protocol form loaded."""
    protocol_form, first, observer = protocol
    stations = [first]
    for code, numbers in (("KZ-71", range(2, 7)), ("KZ-75", range(7, 13))):
        district = DistrictFactory(region=region(code))
        stations += [PollingStationFactory(district=district, number=str(n)) for n in numbers]
    election = protocol_form.contest.election
    deployment_assign(election=election, observer=observer, stations=stations, kind="mobile")
    return protocol_form.contest, stations, observer


def protocol_figures(rng):
    voters = int(rng.integers(800, 1200))
    found = int(rng.binomial(voters, 0.6))
    invalid = int(rng.integers(0, 10))
    valid = found - invalid
    first = int(rng.binomial(valid, 0.55))
    second = int(rng.binomial(valid - first, 0.7))
    return {"A": voters, "B": found + 50, "C": found, "D": 50, "E": 0, "F": found, "G": invalid,
            "H": valid, "J": first, "K": second, "M": valid - first - second}  # fmt: skip


def test_the_sample_is_reproducible_proportional_and_audited(country, make_user):
    contest, stations, _observer = country
    admin = make_user(role=Role.ADMIN)
    first = pvt_sample_draw(contest=contest, size=6, seed=11, actor=admin).station_ids
    again = pvt_sample_draw(contest=contest, size=6, seed=11, actor=admin).station_ids
    assert first == again
    by_region = [s.district.region.code for s in stations if s.pk in first]
    assert sorted(by_region) == ["KZ-71"] * 3 + ["KZ-75"] * 3
    assert AuditEntry.objects.filter(action="results.pvt_sample_drawn").count() == 2


def test_estimates_follow_protocols_and_say_if_the_official_result_is_inside(country, make_user):
    contest, stations, observer = country
    sample = pvt_sample_draw(contest=contest, size=8, seed=3, actor=make_user(role=Role.ADMIN))
    rng = np.random.default_rng(5)
    figures = {s.pk: protocol_figures(rng) for s in stations}
    by_pk = {s.pk: s for s in stations}
    national, _regions = pvt_estimates(contest, sample)
    assert (national.reported, national.turnout) == (0, None)

    for pk in sample.station_ids:
        submission_receive(
            client_id=uuid.uuid4(), form_code="PR", station_number=by_pk[pk].number,
            observer=observer, election=contest.election, answers=figures[pk], channel="api",
            raw={},
        )  # fmt: skip
    lines = {"A": "voters", "F": "found", "H": "valid", "J": "option:1", "K": "option:2",
             "M": "option:3", "B": "received", "C": "issued", "D": "cancelled", "E": "lost",
             "G": "invalid"}  # fmt: skip
    for station in stations:  # the official result: every station, as the observers saw it
        OfficialResult.objects.create(contest=contest, station=station, source="test", figures={
            lines[code]: value for code, value in figures[station.pk].items()})  # fmt: skip

    national, regions = pvt_estimates(contest, sample)
    assert (national.reported, national.size) == (8, 8)
    strata = np.array([by_pk[pk].district.region.code for pk in sample.station_ids], dtype=object)
    y = np.array([figures[pk]["J"] for pk in sample.station_ids], dtype=float)
    x = np.array([figures[pk]["H"] for pk in sample.station_ids], dtype=float)
    expected = ratio_estimate(y, x, strata, {"KZ-71": 6, "KZ-75": 6}, 0.95)
    first = national.shares[0]
    assert first.line == "option:1"
    assert first.intervals[0.95] == expected
    true_share = sum(f["J"] for f in figures.values()) / sum(f["H"] for f in figures.values())
    assert first.official == pytest.approx(true_share)
    assert first.inside(0.95) is (expected.low <= true_share <= expected.high)
    assert regions["KZ-75"].reported == 4


def test_the_page_calculates_draws_and_deploys(client, country, make_user):
    contest, stations, _observer = country
    analyst = make_user(role=Role.ANALYST)
    client.force_login(analyst)
    page = client.get("/en/results/pvt/", {"registered": 14_570_774, "margin": 0.32,
                                           "confidence": "0.99", "heterogeneity": 50,
                                           "station_size": 160, "turnout": 100})  # fmt: skip
    assert "polling stations to sample: 12." in page.content.decode()  # capped at all stations
    assert client.post("/en/results/pvt/", {"size": 4, "seed": 1}).status_code == 403

    admin = make_user(role=Role.ADMIN)
    client.force_login(admin)
    client.post("/en/results/pvt/", {"action": "draw", "size": 4, "seed": 1})
    sample = contest.pvt_sample
    assert len(sample.station_ids) == 4
    DeploymentStation.objects.all().delete()
    fresh = [ObserverFactory(region=region("KZ-71")) for _ in range(5)]
    client.post("/en/results/pvt/", {"action": "deploy"})
    deployed = set(DeploymentStation.objects.values_list("station_id", flat=True))
    in_astana = {s.pk for s in stations if s.district.region.code == "KZ-71"}
    assert deployed == set(sample.station_ids) & in_astana
    assert len(fresh) == 5
    assert "Estimates from the sample" in client.get("/en/results/pvt/estimates/").content.decode()


@translation.override("en")
def test_a_region_whose_official_figure_lies_outside_is_marked():
    from django.template.loader import render_to_string

    from amanat.core.statistics import Interval
    from amanat.results.pvt import Estimate

    intervals = {0.95: Interval(0.50, 0.48, 0.52), 0.99: Interval(0.50, 0.47, 0.53)}
    outside = render_to_string("results/_pvt_cell.html",
                               {"estimate": Estimate("option:1", intervals, 0.61)})  # fmt: skip
    inside = render_to_string("results/_pvt_cell.html",
                              {"estimate": Estimate("option:1", intervals, 0.51)})  # fmt: skip
    unknown = render_to_string("results/_pvt_cell.html",
                               {"estimate": Estimate("option:1", intervals, None)})  # fmt: skip
    assert "48.00 – 52.00 %" in inside
    assert "official outside" in outside
    assert "official outside" not in inside
    assert "official outside" not in unknown
