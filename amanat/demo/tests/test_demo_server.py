"""What `make demo` does, end to end: migrate, collect static files, load the demo, serve with
gunicorn, and answer real HTTP in three languages with every demo login working."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from amanat.accounts.roles import Role
from amanat.demo.people import DEMO_PASSWORD

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(AMANAT_DATA_DIR=str(data_dir), AMANAT_REQUIRE_2FA="0")
    for args in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"], ["load-demo"]):
        subprocess.run([BIN / "amanat", *args], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [BIN / "gunicorn", "amanat.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            _get(f"{base}/healthz")
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


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
