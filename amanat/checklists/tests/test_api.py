import uuid

import pytest

from amanat.accounts.roles import Role
from amanat.checklists.models import Submission
from amanat.checklists.tests.test_ingestion import field  # noqa: F401 - fixture
from amanat.observers.tests.factories import region
from amanat.observers.tests.test_api import token_for

pytestmark = pytest.mark.django_db


def post(client, auth, body):
    return client.post("/api/v1/submissions", body, content_type="application/json", **auth)


def test_contract_201_then_200_then_422(client, field):  # noqa: F811
    _election, station, observer = field
    auth = token_for(client, observer.user)
    body = {
        "client_id": str(uuid.uuid4()),
        "form": "VT",
        "station": station.number,
        "answers": {"A": True, "D": 250},
        "observed_at": "2027-03-21T10:15:00+05:00",
    }

    first = post(client, auth, body)
    assert first.status_code == 201
    stored = first.json()
    assert (stored["form"], stored["station"], stored["answers"]) == (
        "VT",
        "1",
        {"A": True, "D": 250},
    )
    assert stored["observed_at"] == "2027-03-21T10:15:00+05:00"

    again = post(client, auth, {**body, "answers": {"A": False}})
    assert again.status_code == 200
    assert again.json() == stored
    assert Submission.objects.count() == 1

    bad = post(client, auth, {**body, "client_id": str(uuid.uuid4()), "answers": {"A": 1, "D": -5}})
    assert bad.status_code == 422
    envelope = bad.json()
    assert envelope["code"] == "invalid"
    assert sorted(e["field"] for e in envelope["errors"]) == ["A", "D"]
    assert Submission.objects.count() == 1


def test_errors_come_in_the_callers_language(client, field):  # noqa: F811
    _election, station, observer = field
    auth = token_for(client, observer.user)
    body = {"client_id": str(uuid.uuid4()), "form": "VT", "station": "1", "answers": {"A": "да"}}
    response = post(client, {**auth, "HTTP_ACCEPT_LANGUAGE": "kk"}, body)
    assert response.json()["errors"][0]["message"] == "«Иә» немесе «жоқ» деп жауап беріңіз."


def test_listing_is_scoped(client, field, make_user):  # noqa: F811
    _election, station, observer = field
    auth = token_for(client, observer.user)
    post(client, auth, {"client_id": str(uuid.uuid4()), "form": "OP", "station": "1",
                        "answers": {"A": True}})  # fmt: skip
    mine = client.get("/api/v1/submissions?form=OP&station=1", **auth).json()
    assert [s["form"] for s in mine] == ["OP"]

    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    assert len(client.get("/api/v1/submissions", **token_for(client, coordinator)).json()) == 1
    elsewhere = make_user(role=Role.COORDINATOR, regions=[region("KZ-75")])
    assert client.get("/api/v1/submissions", **token_for(client, elsewhere)).json() == []
    citizen = make_user(role=Role.CITIZEN)
    assert client.get("/api/v1/submissions", **token_for(client, citizen)).json() == []
