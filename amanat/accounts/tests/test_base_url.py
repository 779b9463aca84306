"""Links in e-mails start with AMANAT_BASE_URL: in the demo it must name the port served on."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _environment(**values: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("AMANAT_BASE_URL", "AMANAT_PORT")}
    return {**env, **values}


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
@pytest.mark.parametrize(
    ("arguments", "env", "expected"),
    [
        (["AMANAT_PORT=8123"], {}, "http://127.0.0.1:8123"),
        ([], {"AMANAT_PORT": "8200"}, "http://127.0.0.1:8200"),
        ([], {}, "http://127.0.0.1:8000"),
        ([], {"AMANAT_BASE_URL": "https://demo.example"}, "https://demo.example"),
    ],
)
def test_make_demo_gives_its_commands_the_base_url_of_its_port(tmp_path, arguments, env, expected):
    # A prerequisite added to `demo` runs with demo's variables; `+` runs it under `make -n`.
    probe = tmp_path / "probe.mk"
    probe.write_text(
        f'include {ROOT / "Makefile"}\ndemo: probe\nprobe:\n\t+@echo "URL=[$$AMANAT_BASE_URL]"\n'
    )
    run = subprocess.run(
        ["make", "-n", "-f", str(probe), "demo", *arguments],
        cwd=ROOT,
        env=_environment(**env),
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"URL=[{expected}]" in run.stdout.splitlines()
    port = expected.rsplit(":", 1)[-1] if "127.0.0.1" in expected else "8000"
    assert f"--bind 127.0.0.1:{port}" in run.stdout


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"AMANAT_PORT": "8123"}, "http://127.0.0.1:8123"),
        ({}, "http://127.0.0.1:8000"),
        ({"AMANAT_PORT": "8123", "AMANAT_BASE_URL": "https://a.example/"}, "https://a.example"),
    ],
)
def test_settings_default_base_url_follows_the_port(env, expected):
    run = subprocess.run(
        [sys.executable, "-c", "from amanat.settings import base; print(base.AMANAT_BASE_URL)"],
        cwd=ROOT,
        env=_environment(**env),
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == expected
