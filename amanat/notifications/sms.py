"""The one way out to an SMS gateway: a text to a phone number, sent by a background task
after the transaction commits. The gateway is any HTTP endpoint that takes a JSON
`{"to", "message"}` with a bearer token (AMANAT_SMS_GATEWAY_URL and _TOKEN); tests replace
`transport`, the HTTP boundary. Without a gateway (the embedded demo) the SMS is only logged."""

import json
import logging
import urllib.request
from typing import Any

from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)
SMS_TEXT_MAX = 480  # three concatenated SMS in Cyrillic; a longer text is cut, not refused


def _http_post(url: str, payload: dict[str, Any], token: str) -> None:
    request = urllib.request.Request(  # noqa: S310 - the gateway's configured URL
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        response.read()


class SmsClient:
    transport = staticmethod(_http_post)

    def send(self, phone: str, text: str) -> None:
        url = settings.AMANAT_SMS_GATEWAY_URL
        if not url:
            # Without a gateway nothing leaves; the text is logged only in development (it may
            # hold a confirmation code).
            log.warning("no SMS gateway: SMS to %s not sent", phone)
            if settings.DEBUG:
                log.warning("SMS to %s: %s", phone, text)
            return
        payload = {"to": phone, "message": text[:SMS_TEXT_MAX]}
        self.transport(url, payload, settings.AMANAT_SMS_GATEWAY_TOKEN)


client = SmsClient()


def sms_to_number(*, phone: str, text: str) -> None:
    """Send `text` to `phone` (E.164) after the transaction commits, by a retried task."""
    from .tasks import sms_send_task  # the tasks module imports this one

    transaction.on_commit(lambda: sms_send_task.delay(phone, text[:SMS_TEXT_MAX]), robust=True)
