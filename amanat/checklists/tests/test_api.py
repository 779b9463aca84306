import hashlib
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from amanat.accounts.roles import Role
from amanat.checklists.models import Submission
from amanat.checklists.tests.test_ingestion import field  # noqa: F401 - fixture
from amanat.incidents.tests.test_api import photo_with_gps
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


def test_a_stored_submission_reads_the_same_in_its_answer_and_in_the_listing(client, field):  # noqa: F811
    _election, station, observer = field
    auth = token_for(client, observer.user)
    body = {"client_id": str(uuid.uuid4()), "form": "vt", "station": station.number,
            "answers": {"A": False, "D": 7}}  # fmt: skip

    created = post(client, auth, body)

    assert created["Content-Type"] == "application/json; charset=utf-8"
    listed = client.get(f"/api/v1/submissions?station={station.number}", **auth)
    # The same JSON, byte for byte.
    assert listed.content.decode() == f"[{created.content.decode()}]"
    stored = Submission.objects.get()
    assert created.json()["id"] == stored.pk
    assert created.json()["received_at"].endswith("+05:00")  # Almaty time, as read back


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


def test_a_photo_is_sent_first_and_answered_by_its_hash(client, field, settings, tmp_path):  # noqa: F811
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    _election, _station, observer = field
    auth = token_for(client, observer.user)
    content = photo_with_gps()
    sent = client.post("/api/v1/photos", {"file": SimpleUploadedFile("boxes.jpg", content)}, **auth)
    assert sent.status_code == 201
    sha = sent.json()["sha256"]
    assert sha == hashlib.sha256(content).hexdigest()
    body = {"client_id": str(uuid.uuid4()), "form": "OP", "station": "1",
            "answers": {"A": True, "F": sha}}  # fmt: skip
    assert post(client, auth, body).status_code == 201
    assert Submission.objects.get().answers == {"A": True, "F": sha}

    others = {"client_id": str(uuid.uuid4()), "form": "OP", "station": "1",
              "answers": {"A": True, "F": "0" * 64}}  # fmt: skip
    refused = post(client, auth, others)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["code"] == "photo_missing"
    named = post(client, auth, {**others, "answers": {"F": "boxes.jpg"}})
    assert named.json()["errors"][0]["code"] == "not_photo"
    pdf = client.post("/api/v1/photos", {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")},
                      **auth)  # fmt: skip
    assert pdf.status_code == 422
    assert Submission.objects.count() == 1
