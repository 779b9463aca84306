"""A NUL byte in a search box, a filter or a form field: PostgreSQL refuses it in any query
(SQLite takes it), which was a server error on five pages. Every page without arguments is
requested with NUL in every parameter a page reads, signed in as an administrator (who may see
every page) and signed out: never a 5xx. Run on PostgreSQL too."""

from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"

# Every query parameter a page reads (grep request.GET), and Django admin's search and filters.
PARAMETERS = (
    "q region page status by next topic contest phase category credibility from to v token "
    "subscribed station number language o p e all"
).split()
NUL_QUERY = "&".join(f"{name}=%00" for name in PARAMETERS)
# The intakes keep a message whatever it holds and clean it themselves (never refused here).
INTAKES = ("sms/", "telegram/", "openrosa/", "api/", "bench/")


def _pages(patterns=None, prefix="/"):
    """Paths of every page whose URL takes no argument."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern)
        if isinstance(entry.pattern, LocalePrefixPattern):
            route = "ru/"
        if "<" in route or "(?P" in route or "\\" in route:
            continue
        path = prefix + route.lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            yield from _pages(entry.url_patterns, path)
        elif isinstance(entry, URLPattern) and not path.lstrip("/").startswith(INTAKES):
            yield path


def _server_errors(client, paths):
    client.raise_request_exception = False  # a server error is a 500 to count, as served
    return [
        (path, status)
        for path in paths
        if (status := client.get(f"{path}?{NUL_QUERY}").status_code) >= 500
    ]


def test_no_page_answers_nul_in_its_parameters_with_a_server_error(client, make_user):
    pages = sorted(set(_pages()))
    assert len(pages) > 40
    assert _server_errors(client, pages) == []
    admin = make_user(role="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert _server_errors(client, pages) == []


def test_nul_in_a_search_is_refused_with_a_page_in_the_users_language(client):
    response = client.get("/ru/stations/?q=%00")
    assert response.status_code == 400
    assert "Недопустимый символ" in response.content.decode()
    assert client.get("/ru/stations/?q=1").status_code == 200


def test_nul_in_a_form_field_is_refused_not_a_server_error(client):
    body = urlencode({"username": "a\x00b", "password": "x"})
    response = client.post("/en/accounts/login/", body, content_type=FORM)
    assert response.status_code == 400
    assert "character that cannot be" in response.content.decode()
    # A multipart form is left to Django's form fields, which refuse NUL themselves.
    response = client.post("/en/accounts/login/", {"username": "a\x00b", "password": "x"})
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()


def test_nul_in_the_api_query_is_refused_in_its_envelope(client):
    response = client.get("/api/v1/stations?q=%00")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_nul_in_a_page_address_is_refused(client):
    assert client.get("/ru/checklists/station/1%00/").status_code == 400


def test_intakes_are_not_refused_for_nul_they_keep_the_message(client, settings):
    settings.AMANAT_SMSSYNC_SECRET = "s3cret"
    sms = {"secret": "s3cret", "from": "+77010000001", "message": "VT 1\x00 A1", "message_id": "n"}
    assert client.post("/sms/smssync/", sms).status_code == 200
