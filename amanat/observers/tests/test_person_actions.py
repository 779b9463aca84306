"""Each action on an observer's page asks its own permission (issue 16, finding 7): seeing a
record — the observer their own, a coordinator their region's — is not the right to change it."""

import pytest
from django.urls import reverse

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.models import Accreditation, Deployment
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db

ACCREDIT = {
    "action": "accredit",
    "organisation": "Self-made",
    "document_number": "42",
    "valid_from": "2026-01-01",
}


@pytest.fixture
def people(make_user):
    observer = ObserverFactory(region=region("KZ-71"))
    return {
        "self": observer.user,
        "other_coordinator": make_user(role=Role.COORDINATOR, regions=[region("KZ-75")]),
        "coordinator": make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]),
        "observer": observer,
    }


def _url(observer) -> str:
    return f"/en/observers/people/{observer.pk}/"


def test_the_observer_sees_their_record_without_the_forms(client, people):
    ElectionFactory()
    client.force_login(people["self"])
    page = client.get(_url(people["observer"]))
    assert page.status_code == 200
    assert 'value="accredit"' not in page.content.decode()
    assert 'value="deploy"' not in page.content.decode()
    # Nor the coordinators' tools, each of which would refuse them.
    assert reverse("observers:propose") not in page.content.decode()


def test_the_coordinator_has_their_tools_on_the_page(client, people):
    client.force_login(people["coordinator"])
    page = client.get(_url(people["observer"]))
    assert reverse("observers:propose") in page.content.decode()


@pytest.mark.parametrize(
    ("who", "status"), [("self", 403), ("other_coordinator", 404), ("coordinator", 302)]
)
def test_accredit(client, people, who, status):
    client.force_login(people[who])
    response = client.post(_url(people["observer"]), ACCREDIT)
    assert response.status_code == status
    added = Accreditation.objects.filter(observer=people["observer"]).count()
    assert added == (1 if status == 302 else 0)


@pytest.mark.parametrize(
    ("who", "status"), [("self", 403), ("other_coordinator", 404), ("coordinator", 302)]
)
def test_deploy(client, people, who, status):
    ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="101")
    client.force_login(people[who])
    response = client.post(
        _url(people["observer"]),
        {"action": "deploy", "stations": station.number, "kind": "stationary", "shift": "full_day"},
    )
    assert response.status_code == status
    deployed = Deployment.objects.filter(observer=people["observer"]).count()
    assert deployed == (1 if status == 302 else 0)
