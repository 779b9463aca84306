"""Bad input and a database outage get a clear answer from /api/v1, never a 500 (issue 16,
finding 9: pagination bounds, control characters in a login, 503 while the database is
down)."""

import contextlib
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from amanat.accounts.models import ApiToken
from amanat.accounts.roles import Role
from amanat.geography.tests.factories import PollingStationFactory

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token"


@pytest.mark.parametrize(
    "query",
    ["offset=9223372036854775808", "offset=-1", "limit=0", "limit=100000", "limit=1e999"],
)
def test_pagination_out_of_bounds_is_422_with_the_envelope(client, query):
    response = client.get(f"/api/v1/stations?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"][0]["field"] in ("query.limit", "query.offset")


def test_pagination_within_bounds_still_pages(client):
    PollingStationFactory.create_batch(4)
    first = client.get("/api/v1/stations?limit=2&offset=0").json()
    second = client.get("/api/v1/stations?limit=2&offset=2").json()
    assert len(first["items"]) == 2
    assert first["items"] != second["items"]
    assert client.get("/api/v1/stations?offset=1000000").json()["items"] == []


@pytest.mark.parametrize("username", ["ob\x00s", "ob\x01s", "o\nbs", "obs\x7f", "\x1b[31m"])
def test_control_characters_in_the_login_are_422(client, make_user, username):
    make_user(username="obs")
    response = client.post(
        TOKEN_URL, {"username": username, "password": "x"}, content_type="application/json"
    )
    if "\x00" in username:  # refused with the body, before the fields are read
        assert response.status_code == 400
    else:
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["username"]


def test_unknown_login_is_401_not_a_crash(client):
    response = client.post(
        TOKEN_URL, {"username": "nobody", "password": "x"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"


@pytest.mark.parametrize(
    ("field", "value"), [("username", "u" * 255), ("device_name", "d\x00"), ("otp", "1" * 33)]
)
def test_overlong_or_control_characters_in_login_fields_are_422(client, make_user, field, value):
    make_user(username="obs")
    payload = {"username": "obs", "password": "x", field: value}
    response = client.post(TOKEN_URL, payload, content_type="application/json")
    assert response.status_code == (400 if "\x00" in value else 422)
    assert ApiToken.objects.count() == 0


@contextlib.contextmanager
def _database_down(exc):
    """Every statement fails as it does while the server restarts."""
    with mock.patch.object(CursorWrapper, "execute", side_effect=exc):
        yield


OUTAGES = [
    OperationalError("server closed the connection unexpectedly"),
    InterfaceError("connection already closed"),
]


@pytest.mark.parametrize("exc", OUTAGES)
def test_api_answers_json_503_with_retry_after_while_the_database_is_down(exc):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="ru")
    with _database_down(exc):
        response = client.get("/api/v1/regions")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["code"] == "unavailable"
    assert body["detail"] == "Сервис ненадолго недоступен. Повторите попытку через минуту."


def test_api_503_also_when_the_token_check_hits_the_outage():
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION="Bearer abc")
    with _database_down(OUTAGES[0]):
        response = client.get("/api/v1/auth/me")
    assert (response.status_code, response.json()["code"]) == (503, "unavailable")


@pytest.mark.parametrize(
    ("lang", "title"),
    [("kk", "Қызмет уақытша қолжетімсіз"), ("ru", "Сервис временно недоступен"),
     ("en", "Service unavailable")],
)  # fmt: skip
@pytest.mark.parametrize("exc", OUTAGES)
def test_pages_answer_a_503_page_in_the_language_of_the_address(lang, title, exc):
    client = Client(raise_request_exception=False)
    with _database_down(exc):
        response = client.get(f"/{lang}/")
    html = response.content.decode()
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html


def test_other_server_errors_stay_500():
    client = Client(raise_request_exception=False)
    with mock.patch("amanat.elections.views.render", side_effect=RuntimeError("bug")):
        response = client.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def _token(user) -> str:
    from amanat.accounts.services import api_token_issue

    return api_token_issue(request=None, user=user)[1]


@pytest.mark.parametrize(
    "url",
    ["/api/v1/submissions?station=1%00", "/api/v1/submissions?form=%00",
     "/api/v1/stations?q=a%00", "/api/v1/incidents/follow-up/AB%00CD"],
)  # fmt: skip
def test_nul_in_a_text_parameter_is_422_before_any_query(client, make_user, url):
    """PostgreSQL refuses NUL in a query's text: it was a 500 there (found by the guard)."""
    token = _token(make_user(role=Role.ADMIN))
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize(("latitude", "longitude"), [(0, -5.39e16), (91, 0), (0, 180.5)])
def test_coordinates_off_the_globe_are_422(client, latitude, longitude):
    from amanat.observers.tests.factories import ObserverFactory

    observer = ObserverFactory()
    payload = {"client_id": "e88b7591-31db-4e32-98dc-b35f94c662cd",
               "latitude": latitude, "longitude": longitude}  # fmt: skip
    response = client.post("/api/v1/sos", payload, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {_token(observer.user)}")  # fmt: skip
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} <= {"latitude", "longitude"}


@pytest.mark.parametrize(
    ("url", "body"),
    [("/api/v1/sos", {"client_id": "e88b7591-31db-4e32-98dc-b35f94c662cd", "note": "a\x00b"}),
     ("/api/v1/checkins", {"client_id": "e88b7591-31db-4e32-98dc-b35f94c662ce",
                           "station": "1\x00"}),
     ("/api/v1/submissions", {"client_id": "e88b7591-31db-4e32-98dc-b35f94c662cf", "form": "CL",
                              "station": "1", "answers": {"A\x00": "x"}})],
)  # fmt: skip
def test_nul_in_a_json_body_is_400_and_stores_nothing(client, url, body):
    """A 500 on PostgreSQL before (SQLite stored it)."""
    from amanat.observers.models import CheckIn, SosAlert
    from amanat.observers.tests.factories import ElectionFactory, ObserverFactory

    ElectionFactory()
    observer = ObserverFactory()
    response = client.post(url, body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {_token(observer.user)}")  # fmt: skip
    assert response.status_code == 400
    assert response.json()["code"] == "error"
    assert SosAlert.objects.count() == CheckIn.objects.count() == 0


def test_nul_in_a_form_field_is_422(client):
    response = client.post(
        "/api/v1/incidents", {"description": "a\x00b", "occurred_at": "2026-03-15T10:00:00+05:00"}
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["description"]
