"""The OpenRosa round trip driven by ODK's own form engine (@getodk/xforms-engine, installed
by `make odk-engine`), with Node's fetch, against the running server: Digest sign-in, form
list, the XForm we generate, answers set through the engine, HEAD, POST, the same POST again."""

import json
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from amanat.accounts.services import digest_credential_set
from amanat.checklists.models import Submission
from amanat.results.services import protocol_form_load
from amanat.results.tests.protocol_setup import RECEIVED_OFF, contest_create

ENGINE = Path(__file__).resolve().parents[3] / "tools" / "odk-engine"
PASSWORD = "odk engine 2026"


def run_engine(live_server, username, form, answers) -> dict:
    node = shutil.which("node")
    if node is None or not (ENGINE / "node_modules" / "@getodk" / "xforms-engine").is_dir():
        pytest.fail("ODK's engine is needed: install Node.js and run `make odk-engine`")
    done = subprocess.run(  # noqa: S603 - our own script, our arguments
        [node, "roundtrip.mjs", live_server.url, username, PASSWORD, form, "1",
         json.dumps(answers)],
        cwd=ENGINE, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def odk_observer(field):
    _election, _station, observer = field
    digest_credential_set(user=observer.user, password=PASSWORD)
    return observer


def test_a_checklist_filled_by_the_engine_is_stored_once(live_server, odk_observer):
    report = run_engine(live_server, odk_observer.user.username, "VT", {"A": "1", "D": 250})
    assert report["formList"] == 200
    assert report["load"] == "success"
    assert report["questions"][:3] == ["station", "A", "B"]
    assert (report["status"], report["violations"]) == ("ready", [])
    assert (report["head"], report["first"], report["again"]) == (204, 201, 202)
    submission = Submission.objects.get()
    assert submission.channel == "odk"
    assert submission.answers == {"A": True, "D": 250}
    assert submission.client_id == uuid.UUID(report["instanceID"].removeprefix("uuid:"))


def test_a_protocol_that_breaks_a_relation_is_stopped_on_the_device_and_refused(
    live_server, field, odk_observer
):
    protocol_form_load(contest_create(field[0]))
    report = run_engine(live_server, odk_observer.user.username, "PR", RECEIVED_OFF)
    assert report["load"] == "success"
    # On the device, the engine already stops at E with the relation's name ...
    assert report["status"] == "pending"
    assert report["violations"] == [
        {"question": "E", "message": "получено (B) = выдано (C) + погашено (D) + утрачено (E)"}
    ]
    # ... and the server refuses it the same way if it is sent anyway.
    assert (report["first"], report["again"]) == (400, 400)
    assert "R1: " in report["firstMessage"]
    assert "900 ≠ 890" in report["firstMessage"]
    assert Submission.objects.count() == 0
