"""Folding the reports into the live counts (counting.py) as a task: `amanat beat` runs it
every few seconds, and storing a report enqueues it after commit, at most once a second in each
process, so 340 reports a second are not 340 tasks a second. Without a broker (the embedded
default) the enqueued task runs in-process right after the commit."""

import time

from celery import shared_task

from .counting import tallies_fold

FOLD_SOON_EVERY = 1.0  # seconds between two enqueues from one process


@shared_task(name="checklists.fold_tallies")
def fold_tallies() -> int:
    """Fold every report not yet counted. Runs twice at once or again harmlessly: one folder
    at a time (the other returns at once), and each report is folded once (its marker)."""
    return tallies_fold()


_enqueued_at: float | None = None


def fold_tallies_soon(every: float = FOLD_SOON_EVERY) -> None:
    """After a report is stored (on commit): enqueue the fold, unless this process did in the
    last `every` seconds. The reports this skips are taken by that fold or the next one (the
    periodic task's, the dashboard's)."""
    global _enqueued_at  # noqa: PLW0603 - a per-process throttle, nothing more
    now = time.monotonic()
    if _enqueued_at is not None and now - _enqueued_at < every:
        return
    _enqueued_at = now
    fold_tallies.delay()
