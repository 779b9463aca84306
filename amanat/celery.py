"""The task queue: Celery configured from Django's settings (the CELERY_* names).

Work that leaves the request (messages, broadcasts, reminders, overdue checks, exports,
analyses) is a task in the app that owns it (`tasks.py`, found by autodiscovery), enqueued
after the transaction commits. Production runs `amanat worker` and `amanat beat` against Redis
(or RabbitMQ); the embedded default runs each task in-process, so `make demo` needs no extra
process. Every task's outcome is logged here, once for all tasks.
"""

import logging
import os
import time
from typing import Any

from celery import Celery
from celery.signals import task_failure, task_postrun, task_prerun, task_retry

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amanat.settings.base")

app = Celery("amanat")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

log = logging.getLogger("amanat.tasks")
_started: dict[str, float] = {}


@task_prerun.connect
def _task_started(task_id: str, task: Any, **_: Any) -> None:
    _started[task_id] = time.monotonic()


@task_postrun.connect
def _task_finished(task_id: str, task: Any, state: str | None = None, **_: Any) -> None:
    began = _started.pop(task_id, None)
    took = f"{(time.monotonic() - began) * 1000:.0f} ms" if began is not None else "?"
    log.info("task %s[%s] %s in %s", task.name, task_id, state, took)


@task_retry.connect
def _task_retried(request: Any, reason: Any, **_: Any) -> None:
    log.warning("task %s[%s] retried (attempt %s): %s", request.task, request.id,
                request.retries + 1, reason)  # fmt: skip


@task_failure.connect
def _task_failed(task_id: str, exception: BaseException, sender: Any, **_: Any) -> None:
    log.error("task %s[%s] failed: %r", getattr(sender, "name", sender), task_id, exception)
