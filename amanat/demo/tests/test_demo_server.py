"""What `make demo` does, end to end: migrate, collect static files, load the demo, serve with
gunicorn, and answer real HTTP in three languages with every demo login working."""

import json
import urllib.request

import pytest

from amanat.accounts.roles import Role
from amanat.demo.people import DEMO_PASSWORD


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
        return response.status, response.read().decode()


def _post_json(url: str, data: dict) -> tuple[int, dict]:
    request = urllib.request.Request(  # noqa: S310 - our own server
        url, data=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.parametrize(
    ("lang", "phrase"), [("kk", "Жұмысымыздың"), ("ru", "Пять"), ("en", "Five")]
)
def test_each_language_answers(demo_server, lang, phrase):
    status, html = _get(f"{demo_server}/{lang}/")
    assert status == 200
    assert f'<html lang="{lang}">' in html
    assert phrase in html
    css = html.split('href="/static/amanat/css/')[1].split('"')[0]
    assert _get(f"{demo_server}/static/amanat/css/{css}")[0] == 200


def test_every_demo_login_gets_a_token(demo_server):
    for role in Role:
        status, body = _post_json(
            f"{demo_server}/api/v1/auth/token", {"username": role.value, "password": DEMO_PASSWORD}
        )
        assert (status, body["role"]) == (200, role.value)


def test_health_and_regions(demo_server):
    assert _get(f"{demo_server}/healthz") == (200, '{"status": "ok", "database": "ok"}')
    status, body = _get(f"{demo_server}/api/v1/regions")
    assert status == 200
    assert len(json.loads(body)) == 20


def test_the_demo_observer_reports_by_sms_and_over_openrosa(demo_server):
    """The demo's contract: observer +77010000001 at station 1, forms OP/VT/CL, SMSSync secret
    and Digest password `amanat-demo`."""
    from urllib.parse import urlencode

    from amanat.channels.tests.factories import digest_header

    request = urllib.request.Request(  # noqa: S310 - our own server
        f"{demo_server}/sms/smssync/",
        data=urlencode({"from": "+77010000001", "message": "VT 1 A2 D150", "message_id": "d1",
                        "sent_timestamp": "1774060200000", "secret": "amanat-demo"}).encode(),
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        reply = json.loads(response.read())["payload"]["messages"][0]["message"]
    assert reply.startswith("Принято VT 1")

    try:
        urllib.request.urlopen(f"{demo_server}/openrosa/formList", timeout=10)  # noqa: S310
        raise AssertionError("formList must ask for Digest credentials")
    except urllib.error.HTTPError as challenge:
        header = digest_header(challenge.headers["WWW-Authenticate"], "observer", DEMO_PASSWORD,
                               "GET", "/openrosa/formList")  # fmt: skip
    listing = urllib.request.Request(  # noqa: S310
        f"{demo_server}/openrosa/formList", headers={"Authorization": header}
    )
    with urllib.request.urlopen(listing, timeout=10) as response:  # noqa: S310
        body = response.read().decode()
    for code in ("OP", "VT", "CL"):
        assert f"<formID>{code}</formID>" in body
