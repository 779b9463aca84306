"""The one way out to Telegram's Bot API, and the one-time codes that link a chat to an
account. Tests replace `transport`, the HTTP boundary."""

import json
import secrets
import urllib.request
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from amanat.accounts.models import User

from .models import TelegramLinkCode

LINK_CODE_LIFETIME = timedelta(minutes=15)
Buttons = list[list[tuple[str, str]]]


def _http_post(url: str, payload: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(  # noqa: S310 - a fixed https URL
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def _http_get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a fixed https URL
        content: bytes = response.read()
        return content


class TelegramClient:
    transport = staticmethod(_http_post)
    file_transport = staticmethod(_http_get)

    def call(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        token = settings.AMANAT_TELEGRAM_BOT_TOKEN
        return self.transport(f"https://api.telegram.org/bot{token}/{method}", payload)

    def send(self, chat_id: int, text: str, buttons: Buttons | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if buttons:
            payload["reply_markup"] = {
                "inline_keyboard": [
                    [{"text": label, "callback_data": data} for label, data in row]
                    for row in buttons
                ]
            }
        return self.call("sendMessage", payload)

    def download(self, file_id: str) -> bytes:
        """A file the user sent: getFile names its path, then the file is fetched."""
        found = self.call("getFile", {"file_id": file_id})
        path = found["result"]["file_path"]
        token = settings.AMANAT_TELEGRAM_BOT_TOKEN
        return self.file_transport(f"https://api.telegram.org/file/bot{token}/{path}")

    def photo(self, message: dict[str, Any]) -> bytes:
        """The largest of the sizes Telegram offers for a photo message."""
        largest = max(message["photo"], key=lambda size: size.get("file_size", 0))
        return self.download(largest["file_id"])

    def answer_callback(self, callback_id: str) -> dict[str, Any]:
        return self.call("answerCallbackQuery", {"callback_query_id": callback_id})


client = TelegramClient()


def telegram_link_code_create(*, user: User) -> str:
    """A fresh one-time code the person sends to the bot to link their chat (the old one goes)."""
    code = f"{secrets.randbelow(10**6):06d}"
    TelegramLinkCode.objects.filter(user=user).delete()
    TelegramLinkCode.objects.create(
        user=user, code=code, expires_at=timezone.now() + LINK_CODE_LIFETIME
    )
    return code
