"""The task queue: in-process without a broker, a real worker on a real broker otherwise."""

import time

import pytest
from django.core.management.base import CommandError

from amanat.audit.anchors import anchor_latest
from amanat.audit.services import audit_record
from amanat.audit.tasks import audit_anchor
from amanat.core.management.commands.worker import Command as WorkerCommand


def _wait_for(condition, seconds: float, worker) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not done in {seconds} s; worker log:\n{worker.log()}")
        time.sleep(0.2)


@pytest.mark.django_db
def test_without_a_broker_a_task_runs_in_process(settings, tmp_path):
    settings.AMANAT_AUDIT_ANCHOR_FILE = tmp_path / "anchors.log"
    entry = audit_record(action="test.task")
    result = audit_anchor.delay()
    assert result.get() == entry.seq
    assert anchor_latest().seq == entry.seq


@pytest.mark.django_db
def test_the_anchor_task_run_twice_writes_one_line(settings, tmp_path):
    settings.AMANAT_AUDIT_ANCHOR_FILE = tmp_path / "anchors.log"
    audit_record(action="test.task")
    audit_anchor()
    assert audit_anchor() is None
    assert len((tmp_path / "anchors.log").read_text().splitlines()) == 1


def test_the_worker_refuses_to_start_without_a_broker(settings):
    settings.CELERY_BROKER_URL = "memory://"
    with pytest.raises(CommandError, match="No broker is configured"):
        WorkerCommand().handle(celery_args=[])


def test_beat_schedules_the_audit_anchor(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "audit.anchor" in tasks


def test_a_real_worker_runs_the_task_from_the_broker(task_worker, tmp_path):
    anchors = tmp_path / "anchors.log"
    task_worker.env["AMANAT_AUDIT_ANCHOR_FILE"] = str(anchors)
    entry = audit_record(action="test.task")
    audit_anchor.delay()  # queued on the broker: nothing runs here
    assert not anchors.exists()
    task_worker.start()
    _wait_for(lambda: anchors.exists() and anchors.read_text().strip(), 60, task_worker)
    assert anchors.read_text().split()[1] == str(entry.seq)
