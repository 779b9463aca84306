"""Gateway webhooks: SMSSync (an Android phone as SMS gateway) and a Twilio-style webhook.
They only translate the gateway's fields; sms_receive does the rest."""

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .sms import sms_receive


def _sent_at(raw: str | None) -> datetime | None:
    """SMSSync sends milliseconds since the epoch."""
    if raw is None:
        return None
    try:
        return datetime.fromtimestamp(int(raw) / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _fields(request: HttpRequest) -> Mapping[str, str]:
    """The gateway's form fields (the last value of a repeated one, as request.POST gives).
    Gateways post them URL-encoded in UTF-8: read as such directly, three times cheaper than
    building request.POST, for every SMS on election day. Anything else goes to Django."""
    if request.content_type != "application/x-www-form-urlencoded" or (
        request.encoding and request.encoding.lower() != "utf-8"
    ):
        return request.POST
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    try:
        pairs = parse_qsl(request.body.decode(errors="replace"), keep_blank_values=True,
                          max_num_fields=limit)  # fmt: skip
    except ValueError:
        raise TooManyFieldsSent(f"More than {limit} fields") from None
    return dict(pairs)


@csrf_exempt
@require_POST
def smssync(request: HttpRequest) -> JsonResponse:
    secret = settings.AMANAT_SMSSYNC_SECRET
    fields = _fields(request)
    if not secret or not hmac.compare_digest(fields.get("secret", ""), secret):
        return JsonResponse({"payload": {"success": False, "error": "wrong secret"}}, status=403)
    sender, text = fields.get("from", ""), fields.get("message", "")
    if not sender or not text:
        return JsonResponse({"payload": {"success": False, "error": "from and message required"}},
                            status=400)  # fmt: skip
    message_id = (
        fields.get("message_id")
        or hashlib.sha256(
            f"{sender}|{text}|{fields.get('sent_timestamp', '')}".encode()
        ).hexdigest()
    )
    message = sms_receive(
        gateway="smssync", message_id=message_id, phone=sender, text=text,
        sent_at=_sent_at(fields.get("sent_timestamp")),
    )  # fmt: skip
    return JsonResponse(
        {
            "payload": {
                "success": True,
                "error": None,
                "task": "send",
                "secret": secret,
                "messages": [{"to": sender, "message": message.reply, "uuid": message_id}],
            }
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _twilio_signature_ok(request: HttpRequest, fields: Mapping[str, str]) -> bool:
    token = settings.AMANAT_TWILIO_AUTH_TOKEN
    if not token:
        return False
    url = request.build_absolute_uri()
    data = url + "".join(f"{key}{fields[key]}" for key in sorted(fields))
    expected = base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest())
    return hmac.compare_digest(expected.decode(), request.headers.get("X-Twilio-Signature", ""))


@csrf_exempt
@require_POST
def twilio(request: HttpRequest) -> HttpResponse:
    fields = _fields(request)
    if not _twilio_signature_ok(request, fields):
        return HttpResponse(status=403)
    message = sms_receive(
        gateway="twilio",
        message_id=fields.get("MessageSid", ""),
        phone=fields.get("From", ""),
        text=fields.get("Body", ""),
    )
    twiml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<Response><Message>{escape(message.reply)}</Message></Response>"
    )
    return HttpResponse(twiml, content_type="application/xml")


@csrf_exempt
@require_POST
def telegram_webhook(request: HttpRequest) -> HttpResponse:
    """Telegram calls this with each Update; the secret header proves it is Telegram."""
    import json

    from .telegram import update_handle
    from .telegram_update import update_parse

    secret = settings.AMANAT_TELEGRAM_WEBHOOK_SECRET
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not secret or not hmac.compare_digest(given, secret):
        return HttpResponse(status=403)
    try:
        update = update_parse(json.loads(request.body))
    except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
        update = None
    if update is None:
        return HttpResponse(status=400)
    update_handle(update)
    return HttpResponse(status=200)
