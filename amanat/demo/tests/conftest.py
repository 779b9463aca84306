"""The loaded demo, twice over: in the test database (`demo`, rolled back after the package's
tests) and behind a real gunicorn as `make demo` serves it (`demo_server`)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from amanat.demo.services import demo_load

ROOT = Path(__file__).resolve().parents[3]
LOADED: dict[str, date] = {}


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once (10,000 stations), inside a transaction that is rolled back
    afterwards, so no other test sees it. Each test runs in a savepoint. The incidents'
    photos go to a temporary directory."""
    files = tmp_path_factory.mktemp("demo-files")
    with (
        override_settings(MEDIA_ROOT=files / "media", AMANAT_PRIVATE_DIR=files / "private"),
        django_db_blocker.unblock(),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            LOADED["day"] = timezone.localdate()
            yield demo_load()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="package")
def demo_day(demo) -> date:
    """The local day the demo was loaded on, which its election is held on: a run that
    crosses midnight compares with this day, not with the clock's."""
    return LOADED["day"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="package")
def demo_server(tmp_path_factory):
    """`make demo` in a temporary data directory; the base URL of its gunicorn."""
    data_dir = tmp_path_factory.mktemp("demo")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        AMANAT_DATA_DIR=str(data_dir), AMANAT_REQUIRE_2FA="0", AMANAT_SMSSYNC_SECRET="amanat-demo"
    )
    # `python -m` from the checkout, so that the code under test is the code served (the
    # virtualenv's `amanat` script may belong to another checkout).
    python = [sys.executable, "-m"]
    for args in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"], ["load-demo"]):
        subprocess.run(
            [*python, "amanat", *args], env=env, check=True, capture_output=True, cwd=ROOT
        )
    port = _free_port()
    server = subprocess.Popen(
        [*python, "gunicorn", "amanat.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=10)  # noqa: S310 - our own server
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)
