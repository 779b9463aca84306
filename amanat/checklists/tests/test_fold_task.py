"""The fold as a task: enqueued after a report commits, at most once every two seconds in a
process and across processes; run by beat; the dashboard folds itself only when no worker does."""

import uuid

import pytest
from django.core.cache import cache

from amanat.accounts.roles import Role
from amanat.checklists import tasks
from amanat.checklists.models import Submission
from amanat.checklists.tests.factories import send, staffed

pytestmark = pytest.mark.django_db


@pytest.fixture
def enqueued(monkeypatch):
    """The enqueues of the fold task, counted instead of run; the throttle starts afresh."""
    calls = []
    monkeypatch.setattr(tasks, "_enqueued_at", None)
    cache.delete(tasks.FOLD_SOON_KEY)
    monkeypatch.setattr(tasks.fold_tallies, "delay", lambda: calls.append(1))
    return calls


def test_a_stored_report_enqueues_the_fold_after_commit(django_capture_on_commit_callbacks,
                                                        enqueued):  # fmt: skip
    election, pairs = staffed((1,))
    station, observer = pairs[0]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(election, station, observer, "VT", {"A": True}, uuid.uuid4())
    assert enqueued == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert enqueued == [1]


def test_reports_in_two_seconds_enqueue_one_fold(enqueued, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(tasks.time, "monotonic", lambda: clock[0])
    for _ in range(680):
        tasks.fold_tallies_soon()
        clock[0] += 0.002
    assert len(enqueued) == 1
    clock[0] += 2.0
    cache.delete(tasks.FOLD_SOON_KEY)  # its two seconds passed too
    tasks.fold_tallies_soon()
    assert len(enqueued) == 2


def test_another_process_does_not_enqueue_a_fold_one_was_just_enqueued_by(enqueued, monkeypatch):
    tasks.fold_tallies_soon()
    monkeypatch.setattr(tasks, "_enqueued_at", None)  # the next report reaches another process
    tasks.fold_tallies_soon()
    assert len(enqueued) == 1
    assert cache.get(tasks.FOLD_SOON_KEY) is True


def test_the_task_folds_every_report_not_yet_counted_and_beat_runs_it(settings):
    election, pairs = staffed((1, 2))
    for station, observer in pairs:
        send(election, station, observer, "VT", {"A": True}, uuid.uuid4())
    assert tasks.fold_tallies.delay().get() == 3  # in-process: no broker in the tests
    assert not Submission.objects.filter(counted=False).exists()
    assert tasks.fold_tallies() == 0
    schedule = {
        entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert schedule["checklists.fold_tallies"] <= 5


@pytest.mark.parametrize("in_process", [True, False])
def test_the_dashboard_folds_only_without_a_worker(client, make_user, settings, in_process):
    election, pairs = staffed((1,))
    station, observer = pairs[0]
    send(election, station, observer, "VT", {"A": True}, uuid.uuid4())  # not folded: no commit
    settings.CELERY_TASK_ALWAYS_EAGER = in_process
    client.force_login(make_user(role=Role.ADMIN))
    assert client.get("/ru/checklists/dashboard/").status_code == 200
    assert Submission.objects.filter(counted=True).exists() is in_process
