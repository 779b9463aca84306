import re
from unittest import mock

import pytest
from django.db import OperationalError

from amanat.core.directions import DIRECTIONS


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("kk", "Жұмысымыздың бес бағыты"),
        ("ru", "Пять направлений нашей работы"),
        ("en", "Five directions of our work"),
    ],
)
def test_home_answers_in_each_language(client, lang, phrase):
    response = client.get(f"/{lang}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert phrase in html
    assert html.count('class="card"') == len(DIRECTIONS) == 5
    for other in ("kk", "ru", "en"):
        assert f'href="/{other}/"' in html  # the language switcher


@pytest.mark.django_db
def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ru/", "/en/accounts/login/", "/kk/accounts/login/"])
def test_pages_load_nothing_from_other_sites(client, path):
    html = client.get(path).content.decode()
    external = re.findall(r'(?:src|href)="(https?:)?//[^"]+"', html)
    assert external == []
    assert "/static/amanat/js/htmx.min.js" in html


@pytest.mark.django_db
def test_healthz_is_200_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_fails(client):
    with mock.patch("amanat.core.views.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_admin_is_translated(client, make_user):
    admin = make_user(role="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/ru/admin/")
    assert response.status_code == 200
    assert (
        "Администрирование" in response.content.decode()
        or "Пользователи" in response.content.decode()
    )
    assert "Избирательные участки" in response.content.decode()


@pytest.mark.django_db
def test_pages_render_with_collected_static_files_as_in_production(client, settings, tmp_path):
    """The demo and production serve hashed, compressed static files from STATIC_ROOT."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    html = client.get("/ru/").content.decode()
    assert re.search(r"/static/amanat/css/amanat\.[0-9a-f]{12}\.css", html)
    assert (tmp_path / "amanat" / "js" / "htmx.min.js.gz").exists()


@pytest.mark.django_db
def test_pages_forbid_other_sites_by_content_security_policy(client):
    policy = client.get("/ru/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
