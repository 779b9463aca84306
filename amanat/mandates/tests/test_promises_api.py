"""GET /api/v1/promises?candidate=ID: public, each promise with its status and newest evidence."""

import datetime

import pytest

from amanat.mandates.models import PromiseUpdate

from .promise_setup import elect, past_contest, promise_for

pytestmark = pytest.mark.django_db


def test_the_promises_of_one_candidate_with_the_newest_evidence(client):
    contest = past_contest()
    mine = elect(contest)
    promise = promise_for(mine, status="broken")
    for day, status in ((datetime.date(2025, 1, 1), "in_the_works"),
                        (datetime.date(2025, 6, 1), "broken")):  # fmt: skip
        PromiseUpdate.objects.create(
            promise=promise, status=status, evidence_date=day, evidence="Жұмыс тоқтады.",
            source_url="https://x.kz/e",
        )  # fmt: skip
    promise_for(mine, title="Екінші")
    promise_for(elect(past_contest()), title="Басқа адамның уәдесі")
    rows = client.get("/api/v1/promises", {"candidate": mine.pk}).json()
    assert [r["title"] for r in rows] == ["Емхана салу", "Екінші"]
    first = rows[0]
    assert (first["candidate"], first["status"], first["mandate"]) == (mine.pk, "broken", None)
    assert first["last_evidence"] == {
        "status": "broken", "date": "2025-06-01", "text": "Жұмыс тоқтады.",
        "source_url": "https://x.kz/e",
    }  # fmt: skip
    assert rows[1]["last_evidence"] is None
    assert len(client.get("/api/v1/promises").json()) == 3


def test_an_unknown_candidate_is_a_404_and_a_bad_one_a_422(client):
    missing = client.get("/api/v1/promises", {"candidate": 999999})
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    assert client.get("/api/v1/promises", {"candidate": "x"}).status_code == 422
