"""Folding the reports into the live counts (counting.py) as a task: `amanat beat` runs it
every few seconds, and storing a report enqueues it after commit, at most once every two
seconds (in each process, and through the shared cache across the app servers), so 340 reports
a second are not 340 tasks a second. A fold's cost is mostly per fold, not per report:
measured on the staffed election (bench/README.md), 80 reports a fold cost 0.3 ms of CPU a
report, 1,000 a fold 0.09 ms. Without a broker (the embedded default) the enqueued task runs
in-process right after the commit."""

import time

from celery import shared_task
from django.core.cache import cache

from .counting import tallies_fold

FOLD_SOON_EVERY = 2.0  # seconds between two enqueues
FOLD_SOON_KEY = "checklists:fold-enqueued"


@shared_task(name="checklists.fold_tallies")
def fold_tallies() -> int:
    """Fold every report not yet counted. Runs twice at once or again harmlessly: one folder
    at a time (the other returns at once), and each report is folded once (its marker)."""
    return tallies_fold()


_enqueued_at: float | None = None


def fold_tallies_soon(every: float = FOLD_SOON_EVERY) -> None:
    """After a report is stored (on commit): enqueue the fold, unless this process or (by the
    shared cache, Redis in production) another one did in the last `every` seconds. The
    reports this skips are taken by that fold or the next one (the periodic task's, the
    dashboard's). The process's own clock is asked first: the cache at most once per
    `every` in each process, never for each report."""
    global _enqueued_at  # noqa: PLW0603 - a per-process throttle, nothing more
    now = time.monotonic()
    if _enqueued_at is not None and now - _enqueued_at < every:
        return
    _enqueued_at = now
    if cache.add(FOLD_SOON_KEY, True, timeout=every):
        fold_tallies.delay()
