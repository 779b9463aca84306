"""/api/v1/mandates exactly as issue 20 says."""

import uuid

import pytest

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.models import Mandate, Support
from amanat.observers.tests.factories import token_for

from .factories import ConfirmedFactory, MandateFactory, SupportFactory

pytestmark = pytest.mark.django_db

BODY = {
    "title": "Жолдарды жөндеу",
    "text": "Ауылдағы жолдар көктемде су астында қалады, жөндеу керек.",
    "topic": "roads",
    "region": "KZ-71",
}


@pytest.fixture
def auth(client):
    return token_for(client, ConfirmedFactory())


def post(client, auth, path, body=None):
    return client.post(path, body or {}, content_type="application/json", **auth)


def test_write_gives_201_then_the_same_client_id_gives_200_and_the_same_mandate(client, auth):
    body = {**BODY, "client_id": str(uuid.uuid4())}
    first = post(client, auth, "/api/v1/mandates", body)
    assert first.status_code == 201
    data = first.json()
    assert data["supporters"] == 1
    assert (data["title"], data["region"], data["topic"]) == (BODY["title"], "KZ-71", "roads")
    again = post(client, auth, "/api/v1/mandates", {**body, "title": "Басқа тақырып"})
    assert again.status_code == 200
    assert again.json()["id"] == data["id"]
    assert Mandate.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [({"region": "KZ-99"}, "region"), ({"topic": "weather"}, "topic"), ({"title": "ab"}, "title"),
     ({"client_id": "not-a-uuid"}, "client_id")],
)  # fmt: skip
def test_invalid_gives_422_with_the_envelope_and_stores_nothing(client, auth, change, field):
    body = {**BODY, "client_id": str(uuid.uuid4()), **change}
    response = post(client, auth, "/api/v1/mandates", body)
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "invalid"
    assert data["detail"]
    assert field in [e["field"] for e in data["errors"]]
    assert Mandate.objects.count() == 0


def test_without_a_token_or_confirmation_nothing_is_written(client):
    body = {**BODY, "client_id": str(uuid.uuid4())}
    assert client.post("/api/v1/mandates", body, content_type="application/json").status_code == 401
    unconfirmed = token_for(client, UserFactory())
    response = post(client, unconfirmed, "/api/v1/mandates", body)
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert Mandate.objects.count() == 0


def test_support_counts_once(client, auth):
    mandate = MandateFactory()
    SupportFactory(mandate=mandate)
    first = post(client, auth, f"/api/v1/mandates/{mandate.pk}/support")
    assert (first.status_code, first.json()) == (200, {"supporters": 2})
    second = post(client, auth, f"/api/v1/mandates/{mandate.pk}/support")
    assert (second.status_code, second.json()) == (200, {"supporters": 2})
    assert Support.objects.filter(mandate=mandate).count() == 2


def test_support_of_an_unknown_mandate_is_404(client, auth):
    response = post(client, auth, "/api/v1/mandates/999999/support")
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_list_by_region_with_supporters(client):
    from amanat.geography.models import Region

    here = MandateFactory(title="Astana")
    SupportFactory(mandate=here)
    SupportFactory(mandate=here)
    MandateFactory(title="Elsewhere", region=Region.objects.get(code="KZ-75"))
    response = client.get("/api/v1/mandates?region=KZ-71")
    assert response.status_code == 200
    rows = response.json()
    assert [(r["id"], r["title"], r["supporters"]) for r in rows] == [(here.pk, "Astana", 2)]
    assert client.get("/api/v1/mandates?region=XX-1").status_code == 422


def test_similar_is_best_first(client):
    exact = MandateFactory(title="Жолдарды жөндеу", text="")
    close = MandateFactory(title="Жолды жөндеу керек", text="")
    MandateFactory(title="Мектеп салу", text="")
    response = client.get("/api/v1/mandates/similar", {"text": "жолдарды жөндеу"})
    assert response.status_code == 200
    rows = response.json()
    assert [r["id"] for r in rows] == [exact.pk, close.pk]
    assert set(rows[0]) == {"id", "title", "score"}
    assert rows[0]["score"] == 1.0 > rows[1]["score"]
