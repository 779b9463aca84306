"""The audit log's periodic anchor, run by `amanat beat` (CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

from .anchors import AnchorConflict, anchor_latest, anchor_write
from .models import AuditEntry

logger = logging.getLogger("amanat.audit")


@shared_task(name="audit.anchor")
def audit_anchor() -> int | None:
    """Anchor the chain's latest row; the row anchored, or None when there was nothing new.

    Run twice for the same row (a redelivered task), the second run writes nothing. A chain
    that lost its anchored row is not anchored again: retrying would not bring the row back,
    so the refusal is logged as an error for the people who watch the journal.
    """
    latest = anchor_latest()
    last_seq = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    if last_seq is None or (latest is not None and latest.seq == last_seq):
        return None
    try:
        anchor = anchor_write()
    except AnchorConflict as conflict:
        logger.error("audit log not anchored: %s", conflict)
        return None
    return anchor.seq if anchor else None
