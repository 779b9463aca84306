"""The task queue's settings (amanat/celery.py), part of base.py."""

import os

from .environment import DATA_DIR, env_bool

# Background tasks (amanat/celery.py). A broker (CELERY_BROKER_URL, else REDIS_URL) means
# `amanat worker` and `amanat beat` run beside the app servers; without one, the embedded
# default, each task runs in-process right after the transaction that enqueued it commits.
CELERY_BROKER_URL = (
    os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or "memory://"
)
CELERY_TASK_ALWAYS_EAGER = env_bool("AMANAT_TASKS_IN_PROCESS", CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Almaty"
# A task is acknowledged only when done, and a worker killed mid-task gives it back: with the
# tasks' own idempotency keys, nothing is lost and nothing is done twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands an unacknowledged task (its worker died) to another worker after this long; it
# must exceed the longest task (exports), or a slow task would run twice at once.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("AMANAT_TASK_VISIBILITY_TIMEOUT", "3600"))
}
CELERY_TASK_DEFAULT_RETRY_DELAY = 10
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Periodic tasks for `amanat beat`; each app adds its own entries (reminders, overdue lists).
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    # The window in which deleted audit rows could go unnoticed (audit/anchors.py).
    "audit-anchor": {"task": "audit.anchor", "schedule": 300.0},
    # Stages starting within a day, e-mailed to subscribers once (voterinfo/services.py).
    "calendar-reminders": {"task": "voterinfo.send_reminders", "schedule": 900.0},
    # Reports, complaints and lawyers' questions past their time: each told once (tasks.py).
    "incidents-overdue": {"task": "incidents.overdue_check", "schedule": 600.0},
    "questions-overdue": {"task": "legalhelp.overdue_check", "schedule": 600.0},
    # Reports into the live counts, and the public's figures once a minute (checklists/counting.py).
    "fold-tallies": {"task": "checklists.fold_tallies", "schedule": 3.0},
    # Staff exports past their retention period, deleted with their files (evidence/exports.py).
    "exports-purge": {"task": "evidence.exports_purge", "schedule": 3600.0},
    # Voter-list extracts deleted on their audit's purge date (readiness/services.py).
    "list-extracts-purge": {"task": "readiness.purge_extracts", "schedule": 3600.0},
    # Registrants of an online event, reminded once before it starts (dialogue/tasks_events.py).
    "event-reminders": {"task": "dialogue.event_reminders", "schedule": 600.0},
    # Appeals past their due date: each author asked once (mandates/tasks_appeals.py).
    "appeals-ask-overdue": {"task": "mandates.appeals_ask_overdue", "schedule": 3600.0},
    # Candidates' teams: unanswered mandates, each member at most weekly (mandates/reminders.py).
    "mandates-team-reminders": {"task": "mandates.remind_teams", "schedule": 3600.0},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "beat-schedule")
