"""Review of issue 20: client_id tied to its author, bounded lists, rate limits, ISO dates in
the promise forms, the pressing page's region and empty state, the similar box's regions,
read-only answers in the admin."""

import uuid
from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from amanat.accounts.tests.factories import UserFactory
from amanat.geography.models import Region
from amanat.mandates.forms_promises import ElectedForm, RatingForm
from amanat.mandates.models import Answer, Mandate
from amanat.observers.tests.factories import token_for

from .factories import ConfirmedFactory, MandateFactory

pytestmark = pytest.mark.django_db

BODY = {
    "title": "Жолдарды жөндеу",
    "text": "Ауылдағы жолдар көктемде су астында қалады, жөндеу керек.",
    "topic": "roads",
    "region": "KZ-71",
}


def post(client, auth, body):
    return client.post("/api/v1/mandates", body, content_type="application/json", **auth)


def test_another_persons_client_id_is_refused_not_answered_with_their_mandate(client):
    body = {**BODY, "client_id": str(uuid.uuid4())}
    mine = post(client, token_for(client, ConfirmedFactory()), body)
    assert mine.status_code == 201
    theirs = post(client, token_for(client, ConfirmedFactory()), body)
    assert theirs.status_code == 422
    assert theirs.json()["errors"][0]["field"] == "client_id"
    assert "id" not in theirs.json()
    assert Mandate.objects.count() == 1


@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999",
        "offset=-1",
        "limit=0",
        "limit=501",
        "limit=99999999999999999999",
    ],
)
def test_out_of_range_pages_are_422_not_500(client, query):
    MandateFactory()
    response = client.get(f"/api/v1/mandates?{query}")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/promises?offset=99999999999999999999",
        "/api/v1/promises?limit=0",
        "/api/v1/promises?candidate=99999999999999999999",
        "/api/v1/mandates/similar?text=жол&limit=0",
        "/api/v1/mandates/similar?text=жол&limit=99999999999999999999",
    ],
)
def test_the_other_lists_bound_their_parameters_too(client, path):
    assert client.get(path).status_code == 422


def test_a_page_in_range_still_lists(client):
    MandateFactory()
    assert len(client.get("/api/v1/mandates?offset=0&limit=500").json()) == 1
    assert client.get("/api/v1/mandates?offset=1").json() == []


def test_writing_by_the_api_is_limited_as_on_the_web(client):
    auth = token_for(client, ConfirmedFactory())
    codes = [post(client, auth, {**BODY, "client_id": str(uuid.uuid4())}).status_code
             for _ in range(21)]  # fmt: skip
    assert codes == [201] * 20 + [429]
    assert Mandate.objects.count() == 20


def test_similar_searches_are_limited(client):
    api = [client.get("/api/v1/mandates/similar?text=жол").status_code for _ in range(121)]
    assert api[-2:] == [200, 429]
    page = [client.get(reverse("mandates:similar"), {"title": "жол"}).status_code
            for _ in range(301)]  # fmt: skip
    assert page[-2:] == [200, 429]


def test_promise_dates_render_in_iso_in_russian():
    with translation.override("ru"):
        rating = RatingForm(initial={"evidence_date": date(2026, 11, 6)})
        elected = ElectedForm(initial={"declared_on": date(2026, 11, 6)})
        assert 'value="2026-11-06"' in str(rating["evidence_date"])
        assert 'value="2026-11-06"' in str(elected["declared_on"])


def test_the_pressing_page_opens_on_the_region_with_most_mandates(client):
    busy = Region.objects.exclude(pk=Region.objects.first().pk).first()
    for _ in range(2):
        MandateFactory(region=busy, authors=[ConfirmedFactory()])
    for mandate in Mandate.objects.all():
        mandate.supports.create(user=ConfirmedFactory())
    page = client.get(reverse("mandates:pressing"), HTTP_ACCEPT_LANGUAGE="en")
    assert page.context["region"] == busy
    assert len(page.context["ranked"]) == 2


def test_the_pressing_pages_empty_state_is_no_list_item(client):
    with translation.override("en"):
        page = client.get(reverse("mandates:pressing")).content.decode()
    assert "<ol>" not in page
    assert "No supported mandates in this region yet." in page


def test_the_similar_box_names_each_suggestions_region(client):
    astana = Region.objects.get(code="KZ-71")
    other = Region.objects.exclude(pk=astana.pk).first()
    MandateFactory(title="Жолды жөндеу керек", region=astana)
    MandateFactory(title="Жолды жөндеу керек", region=other)
    html = client.get(reverse("mandates:similar"), {"title": "Жолды жөндеу керек"}).content
    assert astana.name in html.decode()
    assert other.name in html.decode()


def test_official_answers_are_read_only_in_the_admin():
    admin = site._registry[Answer]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
