import hashlib
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from amanat.accounts.models import ApiToken
from amanat.accounts.roles import Role
from amanat.checklists.models import Submission
from amanat.geography.tests.factories import PollingStationFactory
from amanat.incidents.tests.factories import photo_with_gps
from amanat.observers.tests.factories import region, token_for

pytestmark = pytest.mark.django_db


def post(client, auth, body):
    return client.post("/api/v1/submissions", body, content_type="application/json", **auth)


def test_contract_201_then_200_then_422(client, field):
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


def test_a_stored_submission_reads_the_same_in_its_answer_and_in_the_listing(client, field):
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


def test_errors_come_in_the_callers_language(client, field):
    _election, station, observer = field
    auth = token_for(client, observer.user)
    body = {"client_id": str(uuid.uuid4()), "form": "VT", "station": "1", "answers": {"A": "да"}}
    response = post(client, {**auth, "HTTP_ACCEPT_LANGUAGE": "kk"}, body)
    assert response.json()["errors"][0]["message"] == "«Иә» немесе «жоқ» деп жауап беріңіз."


def test_listing_is_scoped(client, field, make_user):
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


def test_a_photo_is_sent_first_and_answered_by_its_hash(client, field, settings, tmp_path):
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


def a_report(station="1") -> dict:
    return {"client_id": str(uuid.uuid4()), "form": "VT", "station": station,
            "answers": {"A": False}}  # fmt: skip


@pytest.mark.parametrize(
    ("who", "status"),
    [("unknown token", 401), ("revoked token", 401), ("inactive account", 401),
     ("no observer profile", 403), ("not deployed there", 422)],
)  # fmt: skip
def test_a_report_needs_the_token_of_an_observer_there(client, field, make_user, who, status):
    _election, _station, observer = field
    user = make_user(role=Role.CITIZEN) if who == "no observer profile" else observer.user
    auth = token_for(client, user)
    if who == "unknown token":
        auth = {"HTTP_AUTHORIZATION": "Bearer " + "x" * 40}
    if who == "revoked token":
        ApiToken.objects.update(revoked_at=timezone.now())
    if who == "inactive account":
        type(user).objects.filter(pk=user.pk).update(is_active=False)
    PollingStationFactory(number="2")
    station = "2" if who == "not deployed there" else "1"

    response = post(client, auth, a_report(station))
    assert response.status_code == status
    assert response.json()["code"] in {"not_authenticated", "permission_denied", "not_deployed"}
    assert not Submission.objects.exists()


def test_a_report_records_the_tokens_use_at_most_once_a_minute(client, field):
    _election, _station, observer = field
    auth = token_for(client, observer.user)
    ApiToken.objects.update(last_used_at=None)
    assert post(client, auth, a_report()).status_code == 201
    first = ApiToken.objects.get().last_used_at
    assert first is not None

    recent = first - timedelta(seconds=30)
    ApiToken.objects.update(last_used_at=recent)
    assert post(client, auth, a_report()).status_code == 201
    assert ApiToken.objects.get().last_used_at == recent

    ApiToken.objects.update(last_used_at=first - timedelta(minutes=2))
    assert post(client, auth, a_report()).status_code == 201
    assert ApiToken.objects.get().last_used_at >= first


def test_a_report_costs_the_token_check_and_one_statement(client, field):
    _election, _station, observer = field
    auth = token_for(client, observer.user)
    post(client, auth, a_report())  # the form and the election are remembered
    with CaptureQueriesContext(connection) as queries:
        response = post(client, auth, a_report())
    assert response.status_code == 201
    assert response.json()["answers"] == {"A": False}
    # The token first, then the statement that proves the deployment and stores the report.
    token, stored = [q["sql"] for q in queries]
    assert 'JOIN "accounts_apitoken" t' in token
    assert stored.startswith('INSERT INTO "checklists_submission"')
    assert "ON CONFLICT" in stored
    assert Submission.objects.count() == 2


def test_a_decompression_bomb_sent_as_a_photo_answer_is_a_422(client, field, settings, tmp_path):
    """Issue 16, finding 2: the observer's photo endpoint measures a picture before decoding."""
    from amanat.incidents.tests.factories import png_bomb

    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    _election, _station, observer = field
    auth = token_for(client, observer.user)
    bomb = SimpleUploadedFile("boxes.png", png_bomb(20_000, 20_000))
    sent = client.post("/api/v1/photos", {"file": bomb}, **auth)
    assert sent.status_code == 422
    assert sent.json()["detail"].startswith("В «boxes.png» слишком много пикселей")
    assert not (tmp_path / "private" / "checklists").exists()
