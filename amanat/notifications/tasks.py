"""Background tasks of the notifications: one per delivery, retried with back-off."""

import logging
from typing import Any

from celery import shared_task

from .services import delivery_give_up, delivery_send

log = logging.getLogger(__name__)
MAX_RETRIES = 6  # 10 s, 20 s, 40 s, … about ten minutes in all before giving up


def backoff(retries: int) -> int:
    """Seconds before the next attempt: doubling from 10, at most five minutes."""
    return int(min(10 * 2**retries, 300))


@shared_task(bind=True, name="notifications.deliver", max_retries=MAX_RETRIES)
def delivery_send_task(self: Any, delivery_id: int) -> str:
    outcome = delivery_send(delivery_id=delivery_id)
    if not outcome.retry:
        return outcome.status
    # In-process (no broker) there is no worker to come back later: the failure stays, logged,
    # as it did before the queue; with a worker, the task comes back after the back-off.
    if self.request.retries >= MAX_RETRIES or self.request.is_eager:
        delivery_give_up(delivery_id=delivery_id)
        log.error("delivery %s failed for good: %s", delivery_id, outcome.error)
        return "failed"
    raise self.retry(countdown=backoff(self.request.retries))


@shared_task(bind=True, name="notifications.sms", max_retries=3)
def sms_send_task(self: Any, phone: str, text: str) -> str:
    """One SMS to a number (sms.py); a gateway error is retried a few times, then logged."""
    from .sms import client

    try:
        client.send(phone, text)
    except Exception as failure:  # noqa: BLE001 - any gateway error is retried, not raised
        if self.request.retries >= 3 or self.request.is_eager:
            log.error("SMS to %s failed for good: %s", phone, failure)
            return "failed"
        raise self.retry(countdown=backoff(self.request.retries)) from failure
    return "sent"
