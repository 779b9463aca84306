"""Background tasks of the evidence app: building exports (retried with back-off) and deleting
them after the retention period (`amanat beat`)."""

import logging
from typing import Any

from celery import shared_task

from .exports import export_build, export_give_up, exports_purge

log = logging.getLogger(__name__)
MAX_RETRIES = 5  # 10 s, 20 s, 40 s, 80 s, 160 s


def backoff(retries: int) -> int:
    """Seconds before the next attempt: doubling from 10, at most five minutes."""
    return int(min(10 * 2**retries, 300))


@shared_task(bind=True, name="evidence.export_build", max_retries=MAX_RETRIES)
def export_build_task(self: Any, export_id: int) -> str:
    try:
        return export_build(export_id=export_id)
    except Exception as error:
        # In-process (no broker) nobody comes back later: the export fails, and says so.
        if self.request.retries >= MAX_RETRIES or self.request.is_eager:
            log.exception("export %s failed for good", export_id)
            export_give_up(export_id=export_id, error=repr(error))
            return "failed"
        raise self.retry(countdown=backoff(self.request.retries), exc=error) from error


@shared_task(name="evidence.exports_purge")
def exports_purge_task() -> int:
    return exports_purge()
