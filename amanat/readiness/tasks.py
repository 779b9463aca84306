"""List extracts deleted on their project's purge date, checked by `amanat beat`."""

from celery import shared_task

from .services import extracts_purge_due


@shared_task(name="readiness.purge_extracts")
def purge_extracts() -> int:
    """Idempotent: a purged project is skipped the next time."""
    return extracts_purge_due()
