"""Error pages in the language of the address, the favicon, and a 403 logged on one line
(issue 15, defects 8 and 13)."""

import logging

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from amanat.accounts.roles import Role
from amanat.core.log_filters import NoTracebackBelow500

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "title", "home"),
    [
        ("kk", "Бет табылмады", "Басты бетке өту"),
        ("ru", "Страница не найдена", "На главную страницу"),
        ("en", "Page not found", "Go to the home page"),
    ],
)
def test_404_speaks_the_language_of_the_address(client, lang, title, home):
    response = client.get(f"/{lang}/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html
    assert f'<a href="/{lang}/">{home}</a>' in html
    assert 'class="site-header"' in html


@pytest.mark.parametrize(
    ("lang", "title"),
    [("kk", "Кіруге рұқсат жоқ"), ("ru", "Доступ закрыт"), ("en", "Access denied")],
)
def test_403_speaks_the_language_of_the_address(client, make_user, lang, title):
    client.force_login(make_user(role=Role.CITIZEN))
    response = client.get(f"/{lang}/observers/coverage/")
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html


@pytest.mark.parametrize(("lang", "title"), [("kk", "Сервер қатесі"), ("ru", "Ошибка сервера")])
def test_500_is_translated_and_needs_no_context(lang, title):
    with translation.override(lang):
        response = server_error(RequestFactory().get(f"/{lang}/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (302, "/static/amanat/favicon.svg")
    icon = client.get(response["Location"])
    assert (icon.status_code, icon["Content-Type"]) == (200, "image/svg+xml")
    assert b"<svg" in b"".join(icon.streaming_content)
    page = client.get("/ru/").content.decode()
    assert '<link rel="icon" href="/static/amanat/favicon.svg" type="image/svg+xml">' in page


def test_a_403_is_logged_on_one_line(client, make_user, caplog):
    client.force_login(make_user(role=Role.CITIZEN))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/ru/observers/coverage/")
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Forbidden (Permission denied): /ru/observers/coverage/"
    assert record.exc_info is None
    assert "Traceback" not in caplog.text


def test_a_server_error_keeps_its_traceback():
    try:
        raise ValueError("boom")
    except ValueError as error:
        record = logging.LogRecord("django.request", logging.ERROR, "", 0, "x", (), None)
        record.exc_info, record.status_code = (ValueError, error, error.__traceback__), 500
    assert NoTracebackBelow500().filter(record) is True
    assert record.exc_info[0] is ValueError
