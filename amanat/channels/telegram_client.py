"""The one way out to Telegram's Bot API. Tests replace `transport`, the HTTP boundary."""

import json
import urllib.request

from django.conf import settings


def _http_post(url: str, payload: dict) -> dict:
    request = urllib.request.Request(  # noqa: S310 - a fixed https URL
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.loads(response.read())


def _http_get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a fixed https URL
        return response.read()


class TelegramClient:
    transport = staticmethod(_http_post)
    file_transport = staticmethod(_http_get)

    def call(self, method: str, payload: dict) -> dict:
        token = settings.AMANAT_TELEGRAM_BOT_TOKEN
        return self.transport(f"https://api.telegram.org/bot{token}/{method}", payload)

    def send(self, chat_id: int, text: str, buttons: list[list[tuple[str, str]]] | None = None):
        payload = {"chat_id": chat_id, "text": text}
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

    def photo(self, message: dict) -> bytes:
        """The largest of the sizes Telegram offers for a photo message."""
        largest = max(message["photo"], key=lambda size: size.get("file_size", 0))
        return self.download(largest["file_id"])

    def answer_callback(self, callback_id: str):
        return self.call("answerCallbackQuery", {"callback_query_id": callback_id})


client = TelegramClient()
