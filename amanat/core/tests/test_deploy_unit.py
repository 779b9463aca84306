"""The systemd unit (deploy/amanat.service) and gunicorn's settings: after `kill -9` of the
master nothing keeps the port, neither an orphaned worker nor the group systemd restarts."""

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
UNIT = ROOT / "deploy" / "amanat.service"


def unit_settings() -> dict[str, dict[str, list[str]]]:
    """systemd's format: [Section], Key=value lines (keys may repeat), # and ; comments."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def test_the_unit_kills_the_whole_group_and_restarts_on_failure():
    service = unit_settings()["Service"]
    assert service["KillMode"] == ["control-group"]  # not process or mixed: orphans die too
    assert service["Restart"] == ["on-failure"]
    assert service["ExecStop"] == ["/bin/kill -s TERM $MAINPID"]
    assert service["Type"] == ["notify"]  # gunicorn reports readiness itself
    assert unit_settings()["Install"]["WantedBy"] == ["multi-user.target"]


def test_gunicorn_is_the_main_process_with_the_projects_settings():
    [start] = unit_settings()["Service"]["ExecStart"]
    argv = shlex.split(start)
    # Started directly, not through a shell that would stand between systemd and the master.
    assert argv[0].endswith("/.venv/bin/gunicorn")
    assert argv[1] == "amanat.wsgi"
    assert argv[argv.index("--config") + 1] == "python:amanat.gunicorn_conf"


def test_the_demo_serves_with_the_same_gunicorn_settings():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/gunicorn amanat.wsgi --config python:amanat.gunicorn_conf " in makefile


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def serves(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
    except urllib.error.HTTPError:
        return True  # any answer (503 without a database) means a worker serves
    except OSError:
        return False
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_after_kill_9_of_the_master_its_worker_frees_the_port_at_once(tmp_path):
    [start] = unit_settings()["Service"]["ExecStart"]
    argv = shlex.split(start)[1:]
    port = free_port()
    argv[argv.index("--bind") + 1] = f"127.0.0.1:{port}"
    argv[argv.index("--workers") + 1] = "1"  # one worker: serving means it has booted
    argv[argv.index("--control-socket") + 1] = str(tmp_path / "gunicorn.ctl")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"AMANAT_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "amanat.settings.base"}
    # This worktree's code (the current folder first on sys.path), with the unit's options.
    master = subprocess.Popen([sys.executable, "-m", "gunicorn", *argv], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while not serves(port):
            assert master.poll() is None, "gunicorn did not start"
            assert time.monotonic() < deadline, "gunicorn did not answer in 90 s"
            time.sleep(0.3)
        workers = children(master.pid)
        assert len(workers) == 1

        master.send_signal(signal.SIGKILL)
        master.wait()
        killed_at = time.monotonic()
        while (alive(workers[0]) or listening(port)) and time.monotonic() - killed_at < 20:
            time.sleep(0.1)
        took = time.monotonic() - killed_at
        # gunicorn's own parent check alone takes up to 15 s (half its 30 s timeout).
        assert took < 5, f"the orphaned worker kept the port {took:.1f} s"
    finally:
        for pid in [master.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        master.wait()
