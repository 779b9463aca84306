"""The answer django-axes gives a locked-out sign-in, on each door: channels/lockout.py."""

import json

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.module_loading import import_string


@pytest.fixture
def locked_out(settings):
    return import_string(settings.AXES_LOCKOUT_CALLABLE)


@pytest.mark.django_db
def test_odk_collect_reads_an_openrosa_message(locked_out):
    request = RequestFactory().get("/openrosa/formList")

    with translation.override("en"):
        response = locked_out(request, {"username": "someone"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert b"<OpenRosaResponse" in response.content
    assert b"Too many failed attempts" in response.content


@pytest.mark.django_db
def test_the_api_reads_the_error_envelope(locked_out):
    request = RequestFactory().post("/api/v1/auth/token")

    with translation.override("en"):
        response = locked_out(request, {"username": "someone"})

    assert response.status_code == 429
    assert json.loads(response.content)["code"] == "locked_out"
    assert b"<OpenRosaResponse" not in response.content


@pytest.mark.django_db
def test_the_web_shows_the_login_page_with_the_reason(locked_out):
    request = RequestFactory().post("/en/accounts/login/", {"username": "someone"})

    with translation.override("en"):
        response = locked_out(request, {"username": "someone"})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed attempts" in html
    assert 'name="password"' in html
    assert "<OpenRosaResponse" not in html
