import io

import pytest

from amanat.geography.models import Region
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.models import Deployment, DeploymentStation
from amanat.observers.selectors import coverage_by_region, uncovered_stations
from amanat.observers.services.deployment import (
    DeploymentError,
    deployment_apply_proposal,
    deployment_assign,
    deployment_propose,
    deployments_import_csv,
)
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def astana():
    """Two districts of Astana: A with 3 stations, B with 1."""
    a = DistrictFactory(region=region("KZ-71"), name_ru="Алматинский")
    b = DistrictFactory(region=region("KZ-71"), name_ru="Есильский")
    stations_a = [PollingStationFactory(district=a, number=str(n)) for n in (101, 102, 103)]
    stations_b = [PollingStationFactory(district=b, number="201")]
    return a, b, stations_a, stations_b


def test_only_certified_observers_are_deployed(astana):
    election = ElectionFactory()
    novice = ObserverFactory(certified=False)
    with pytest.raises(DeploymentError):
        deployment_assign(election=election, observer=novice, stations=[astana[2][0]])
    assert Deployment.objects.count() == 0


def test_stationary_is_one_station_mobile_many_and_reassigning_replaces(astana):
    election = ElectionFactory()
    observer = ObserverFactory()
    _a, _b, stations_a, _stations_b = astana
    with pytest.raises(DeploymentError):
        deployment_assign(election=election, observer=observer, stations=stations_a[:2])

    team = deployment_assign(
        election=election, observer=observer, stations=stations_a[:2], kind="mobile"
    )
    assert set(team.stations.values_list("number", flat=True)) == {"101", "102"}
    again = deployment_assign(election=election, observer=observer, stations=[stations_a[2]])
    assert again.pk == team.pk
    assert list(again.stations.values_list("number", flat=True)) == ["103"]
    assert DeploymentStation.objects.count() == 1


def test_proposal_fills_the_same_district_first_then_the_region(astana):
    election = ElectionFactory()
    a, b, stations_a, stations_b = astana
    in_b = [ObserverFactory(district=b) for _ in range(3)]  # B has one station only
    ObserverFactory(district=a, certified=False)  # not certified: never proposed
    elsewhere = ObserverFactory(region=region("KZ-75"))  # another region: never here

    proposals = deployment_propose(election=election, region_ids=[region("KZ-71").pk])

    by_observer = {p.observer_id: p.station_id for p in proposals}
    assert by_observer[in_b[0].pk] == stations_b[0].pk
    assert by_observer[in_b[1].pk] == stations_a[0].pk  # B is full: spill over within Astana
    assert by_observer[in_b[2].pk] == stations_a[1].pk
    assert elsewhere.pk not in by_observer
    assert len(proposals) == 3

    assert deployment_apply_proposal(election=election, proposals=proposals, actor=None) == 3
    assert deployment_apply_proposal(election=election, proposals=proposals, actor=None) == 0
    assert [s.number for s in uncovered_stations(election=election, region=a.region)] == ["103"]


def test_coverage_counts_zero_one_and_two_plus(astana):
    election = ElectionFactory()
    _a, _b, stations_a, stations_b = astana
    deployment_assign(election=election, observer=ObserverFactory(), stations=[stations_a[0]])
    deployment_assign(election=election, observer=ObserverFactory(), stations=[stations_a[0]])
    deployment_assign(
        election=election, observer=ObserverFactory(), stations=stations_a[1:], kind="mobile"
    )
    other_election = ElectionFactory()
    deployment_assign(election=other_election, observer=ObserverFactory(), stations=stations_b)

    (row,) = coverage_by_region(election=election, regions=Region.objects.filter(code="KZ-71"))
    assert (row.stations, row.covered, row.one, row.two_plus, row.uncovered) == (4, 3, 2, 1, 1)
    assert row.percent == 75


def test_csv_import_is_all_or_nothing(astana):
    election = ElectionFactory()
    first, second = ObserverFactory(), ObserverFactory()
    good = f"observer,station,kind,shift\n{first.user.username},101,stationary,full_day\n"
    bad = good + f"{second.user.username},999,stationary,full_day\nnobody,101,stationary,full_day\n"

    errors = deployments_import_csv(
        election=election, stream=io.StringIO(bad), actor=None, may_manage=lambda s: True
    )
    assert [e.line for e in errors] == [3, 4]
    assert Deployment.objects.count() == 0

    outside = deployments_import_csv(
        election=election, stream=io.StringIO(good), actor=None, may_manage=lambda s: False
    )
    assert [e.line for e in outside] == [2]
    assert (
        deployments_import_csv(
            election=election, stream=io.StringIO(good), actor=None, may_manage=lambda s: True
        )
        == []
    )
    assert Deployment.objects.get().observer == first
