"""Opinion votes and mandate supports in the bot, replaying Telegram Update payloads; Bot API
calls are caught at the HTTP boundary (TelegramClient.transport)."""

import pytest

from amanat.channels.tests.factories import CHAT, texts
from amanat.dialogue.models import Statement, Vote
from amanat.dialogue.tests.factories import ConversationFactory, StatementFactory
from amanat.mandates.models import Confirmation, Support
from amanat.mandates.tests.factories import MandateFactory
from amanat.notifications.models import TelegramLink

pytestmark = pytest.mark.django_db


def keyboard(sent):
    return sent[-1][1]["reply_markup"]["inline_keyboard"]


def contact(post, phone, user_id=CHAT, update_id=5000):
    return post({
        "update_id": update_id,
        "message": {
            "message_id": 9, "date": 1774060200,
            "chat": {"id": CHAT, "type": "private", "first_name": "Айгерим"},
            "from": {"id": CHAT, "is_bot": False, "first_name": "Айгерим", "language_code": "ru"},
            "contact": {"phone_number": phone, "first_name": "Айгерим", "user_id": user_id},
        },
    })  # fmt: skip


def test_opinion_statements_one_after_another_with_buttons(bot):
    message, press, post, sent, _observer = bot
    conversation = ConversationFactory(title="Как наблюдать подсчёт")
    first, second = StatementFactory.create_batch(2, conversation=conversation)
    StatementFactory(conversation=conversation, status=Statement.Status.REJECTED)

    message("/opinion")
    offered = {"text": "Как наблюдать подсчёт", "callback_data": f"opc:{conversation.pk}"}
    assert keyboard(sent) == [[offered]]
    press(f"opc:{conversation.pk}")
    shown = keyboard(sent)[0]
    assert [b["text"] for b in shown] == ["Согласен", "Не согласен", "Пропустить / не уверен"]
    asked = int(shown[0]["callback_data"].split(":")[1])
    other = second.pk if asked == first.pk else first.pk
    press(f"opv:{asked}:1")
    assert texts(sent)[-1].startswith(f"✓ Утверждение {asked}: Согласен.")
    assert keyboard(sent)[0][1]["callback_data"] == f"opv:{other}:-1"
    press(f"opv:{asked}:-1")  # changes their mind: the last vote wins
    press(f"opv:{other}:0")
    assert "Вы проголосовали по всем утверждениям" in texts(sent)[-1]
    assert f"/dialogue/{conversation.pk}/report/" in texts(sent)[-1]
    votes = dict(Vote.objects.values_list("statement_id", "value"))
    assert votes == {asked: -1, other: 0}
    person = TelegramLink.objects.get(chat_id=CHAT).user
    assert Vote.objects.filter(participant=person).count() == 2


def test_a_resent_vote_update_counts_once_and_bad_presses_are_answered(bot):
    message, press, post, sent, _observer = bot
    statement = StatementFactory()
    update = press(f"opv:{statement.pk}:1")
    before = len(sent)
    post(update)
    assert len(sent) == before
    assert Vote.objects.count() == 1
    press("opv:abc:7")
    assert texts(sent)[-1] == "Отправьте /opinion, чтобы голосовать по утверждениям."
    out = StatementFactory(status=Statement.Status.REJECTED)
    press(f"opv:{out.pk}:1")
    assert texts(sent)[-1] == f"Утверждение {out.pk} снято модератором: по нему не голосуют."
    closed = StatementFactory(conversation=ConversationFactory(is_open=False))
    press(f"opv:{closed.pk}:1")
    assert "закрыто" in texts(sent)[-1]
    assert Vote.objects.count() == 1


def test_support_asks_for_the_phone_then_counts_once(bot):
    message, press, post, sent, _observer = bot
    mandate = MandateFactory()
    message(f"/start m{mandate.pk}")  # the mandate page's link
    assert sent[-1][1]["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    assert Support.objects.count() == 0

    contact(post, "77011234567", user_id=999, update_id=5001)  # someone else's contact
    assert "не другой контакт" in texts(sent)[-1]
    contact(post, "77011234567")
    person = TelegramLink.objects.get(chat_id=CHAT).user
    assert Confirmation.objects.get(user=person).address == "+77011234567"

    message(f"/support {mandate.pk}")
    assert texts(sent)[-1] == f"Спасибо: ваша поддержка наказа {mandate.pk} учтена. Поддержали: 1."
    press(f"sup:{mandate.pk}")
    assert texts(sent)[-1].startswith(f"Вы уже поддерживаете наказ {mandate.pk}")
    assert Support.objects.get().user == person
    message("/support 987654")
    assert texts(sent)[-1] == "Наказа 987654 нет."


def test_a_group_chat_is_not_a_person(bot, client):
    _message, _press, post, sent, _observer = bot
    statement = StatementFactory()
    post({
        "update_id": 6000,
        "message": {"message_id": 1, "date": 1774060200, "text": "/opinion",
                    "chat": {"id": -100, "type": "group"},
                    "from": {"id": CHAT, "is_bot": False, "language_code": "kk"}},
    })  # fmt: skip
    assert "жеке" in texts(sent)[-1]
    assert Vote.objects.count() == 0
    assert TelegramLink.objects.count() == 0
    assert statement.votes.count() == 0


def test_a_wrong_conversation_number_is_said_and_the_open_ones_offered(bot):
    message, _press, _post, sent, _observer = bot
    conversation = ConversationFactory()
    message("/opinion 987654")
    assert texts(sent)[-2] == "Обсуждения 987654 нет."
    assert keyboard(sent)[0][0]["callback_data"] == f"opc:{conversation.pk}"


def test_start_without_a_code_tells_citizens_and_observers_what_to_do(bot):
    message, _press, _post, sent, _observer = bot
    message("/start")
    assert texts(sent)[-1].startswith("Amanat. Голосовать по утверждениям: /opinion.")
    assert TelegramLink.objects.count() == 0  # nobody is made for a greeting
