import uuid

import pytest

from amanat.accounts.roles import Role
from amanat.geography.models import PollingStation
from amanat.observers.tests.factories import region, token_for

pytestmark = pytest.mark.django_db


def test_coverage_for_a_coordinator_lists_only_their_regions(client, make_user, network):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    response = client.get("/api/v1/coverage", **token_for(client, coordinator))
    assert response.status_code == 200
    assert response.json() == [
        {"region": "KZ-71", "stations": 3, "covered": 1, "one_observer": 1, "two_or_more": 0}
    ]


def test_coverage_for_an_admin_lists_all_regions_matching_an_independent_count(
    client, make_user, network
):
    admin = make_user(role=Role.ADMIN)
    rows = client.get("/api/v1/coverage", **token_for(client, admin)).json()
    assert len(rows) == 20
    for row in rows:
        expected = PollingStation.objects.filter(district__region__code=row["region"]).count()
        assert row["stations"] == expected
    covered = {r["region"]: r["covered"] for r in rows if r["covered"]}
    assert covered == {"KZ-71": 1, "KZ-75": 1}


@pytest.mark.parametrize("role", [Role.OBSERVER, Role.CITIZEN, Role.LAWYER])
def test_coverage_is_refused_to_others(client, make_user, network, role):
    user = make_user(role=role, regions=[region("KZ-71")])
    response = client.get("/api/v1/coverage", **token_for(client, user))
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_check_in_through_the_api(client, network):
    _election, astana, _almaty, observer = network
    auth = token_for(client, observer.user)
    body = {"client_id": str(uuid.uuid4()), "station": astana[0].number}

    first = client.post("/api/v1/checkins", body, content_type="application/json", **auth)
    again = client.post("/api/v1/checkins", body, content_type="application/json", **auth)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["station"] == astana[0].number

    wrong = client.post(
        "/api/v1/checkins",
        {"client_id": str(uuid.uuid4()), "station": astana[1].number},
        content_type="application/json",
        **auth,
    )
    assert wrong.status_code == 422
    assert wrong.json()["code"] == "not_deployed"
    unknown = client.post(
        "/api/v1/checkins",
        {"client_id": str(uuid.uuid4()), "station": "nope"},
        content_type="application/json",
        **auth,
    )
    assert unknown.json()["errors"][0]["field"] == "station"


def test_sos_through_the_api(client, network):
    _election, astana, _almaty, observer = network
    auth = token_for(client, observer.user)
    body = {"client_id": str(uuid.uuid4()), "station": astana[0].number, "latitude": "51.1"}
    first = client.post("/api/v1/sos", body, content_type="application/json", **auth)
    again = client.post("/api/v1/sos", body, content_type="application/json", **auth)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["status"] == "open"
