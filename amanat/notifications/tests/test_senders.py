"""Each outbound sender hands the message to its edge (the inbox table, Django's e-mail
backend, Telegram's Bot API caught at TelegramClient.transport) and nothing else."""

import pytest
from django.core import mail

from amanat.notifications.models import Notification, TelegramLink
from amanat.notifications.senders import (
    CHANNELS,
    ChannelUnavailable,
    EmailChannel,
    Message,
    TelegramChannel,
)
from amanat.notifications.telegram import TelegramClient

pytestmark = pytest.mark.django_db
MESSAGE = Message(kind="test", subject="Сбор", body="В 10:00", url="/observers/me/")


@pytest.fixture
def telegram_calls(monkeypatch):
    calls: list[tuple[str, dict]] = []

    def transport(url, payload):
        calls.append((url.rsplit("/", 1)[1], payload))
        return {"ok": True}

    monkeypatch.setattr(TelegramClient, "transport", staticmethod(transport))
    return calls


def test_every_channel_is_chosen_by_its_name():
    assert sorted(CHANNELS) == ["email", "inbox", "telegram"]


def test_the_inbox_keeps_the_message_in_the_persons_language(make_user):
    user = make_user(preferred_language="kk")
    CHANNELS["inbox"].send(user, MESSAGE)
    note = Notification.objects.get()
    assert (note.user, note.kind, note.title, note.body, note.url, note.language) == (
        user, "test", "Сбор", "В 10:00", "/observers/me/", "kk"
    )  # fmt: skip


def test_an_email_carries_the_whole_address_of_the_link(make_user, settings):
    settings.AMANAT_BASE_URL = "https://amanat.example"
    EmailChannel().send(make_user(email="a@example.org"), MESSAGE)
    assert [(m.to, m.subject) for m in mail.outbox] == [(["a@example.org"], "Сбор")]
    assert mail.outbox[0].body == "В 10:00\n\nhttps://amanat.example/observers/me/"


def test_no_email_address_is_no_email(make_user):
    with pytest.raises(ChannelUnavailable):
        EmailChannel().send(make_user(email=""), MESSAGE)
    assert mail.outbox == []


def test_telegram_sends_to_the_linked_chat(make_user, settings, telegram_calls):
    settings.AMANAT_BASE_URL = "https://amanat.example"
    user = make_user()
    TelegramLink.objects.create(user=user, chat_id=777)
    TelegramChannel().send(user, MESSAGE)
    assert telegram_calls == [
        ("sendMessage", {"chat_id": 777, "text": "Сбор\n\nВ 10:00\n\nhttps://amanat.example/observers/me/"})
    ]  # fmt: skip


def test_telegram_without_a_linked_chat_is_no_message(make_user, telegram_calls):
    with pytest.raises(ChannelUnavailable):
        TelegramChannel().send(make_user(), MESSAGE)
    assert telegram_calls == []
