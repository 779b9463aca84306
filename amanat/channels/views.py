"""Gateway webhooks: SMSSync (an Android phone as SMS gateway) and a Twilio-style webhook.
They only translate the gateway's fields; sms_receive does the rest."""

import base64
import hashlib
import hmac
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .sms import sms_receive


def _sent_at(raw: str) -> datetime | None:
    """SMSSync sends milliseconds since the epoch."""
    try:
        return datetime.fromtimestamp(int(raw) / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


@csrf_exempt
@require_POST
def smssync(request: HttpRequest) -> JsonResponse:
    secret = settings.AMANAT_SMSSYNC_SECRET
    if not secret or not hmac.compare_digest(request.POST.get("secret", ""), secret):
        return JsonResponse({"payload": {"success": False, "error": "wrong secret"}}, status=403)
    sender, text = request.POST.get("from", ""), request.POST.get("message", "")
    if not sender or not text:
        return JsonResponse({"payload": {"success": False, "error": "from and message required"}},
                            status=400)  # fmt: skip
    message_id = (
        request.POST.get("message_id")
        or hashlib.sha256(
            f"{sender}|{text}|{request.POST.get('sent_timestamp', '')}".encode()
        ).hexdigest()
    )
    message = sms_receive(
        gateway="smssync", message_id=message_id, phone=sender, text=text,
        sent_at=_sent_at(request.POST.get("sent_timestamp")),
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


def _twilio_signature_ok(request: HttpRequest) -> bool:
    token = settings.AMANAT_TWILIO_AUTH_TOKEN
    if not token:
        return False
    url = request.build_absolute_uri()
    data = url + "".join(f"{key}{request.POST[key]}" for key in sorted(request.POST))
    expected = base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest())
    return hmac.compare_digest(expected.decode(), request.headers.get("X-Twilio-Signature", ""))


@csrf_exempt
@require_POST
def twilio(request: HttpRequest) -> HttpResponse:
    if not _twilio_signature_ok(request):
        return HttpResponse(status=403)
    message = sms_receive(
        gateway="twilio",
        message_id=request.POST.get("MessageSid", ""),
        phone=request.POST.get("From", ""),
        text=request.POST.get("Body", ""),
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

    secret = settings.AMANAT_TELEGRAM_WEBHOOK_SECRET
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not secret or not hmac.compare_digest(given, secret):
        return HttpResponse(status=403)
    try:
        update = json.loads(request.body)
        update["update_id"] = int(update["update_id"])
    except (ValueError, KeyError, TypeError):
        return HttpResponse(status=400)
    update_handle(update)
    return HttpResponse(status=200)
