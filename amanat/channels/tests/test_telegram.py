"""The bot, driven by replayed Telegram Update payloads; Bot API calls are caught at the HTTP
boundary (TelegramClient.transport)."""

import hashlib

import pytest

from amanat.channels.models import TelegramUpdate
from amanat.channels.tests.factories import CHAT, texts
from amanat.checklists.models import ChecklistForm, Submission
from amanat.core.memo import memo_clear
from amanat.incidents.tests.factories import photo_with_gps
from amanat.notifications.models import TelegramLink
from amanat.notifications.telegram import TelegramClient, telegram_link_code_create
from amanat.observers.models import CheckIn, SosAlert

pytestmark = pytest.mark.django_db


def test_link_report_checkin_and_sos(bot):
    message, press, post, sent, observer = bot
    message("/report")
    assert texts(sent)[-1].startswith("Сначала привяжите учётную запись")

    code = telegram_link_code_create(user=observer.user)
    message(f"/start {code}")
    assert TelegramLink.objects.get(chat_id=CHAT).user == observer.user

    message("/report")
    assert sent[-1][1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "form:CL"
    press("form:OP")
    press("ans:A:1")  # A: yes
    press("ans:B:2")  # B: no
    message("250")  # C: ballots received
    press("ans:D:1")
    press("ans:E:2")
    assert sent[-1][1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "skip:F"
    press("skip:F")  # the photo of the boxes is optional
    submission = Submission.objects.get()
    assert (submission.channel, submission.answers) == (
        "telegram", {"A": True, "B": False, "C": 250, "D": True, "E": False})  # fmt: skip
    assert texts(sent)[-1].startswith("Принято OP 1")

    message("/checkin")
    assert CheckIn.objects.get().channel == "telegram"
    message("/sos Меня выгоняют")
    assert SosAlert.objects.get().note == "Меня выгоняют"


def test_a_resent_update_is_handled_once_and_bad_calls_are_refused(bot, client):
    message, _press, post, sent, observer = bot
    code = telegram_link_code_create(user=observer.user)
    update = message(f"/link {code}")
    update_again = post(update)  # Telegram delivers the same update again
    assert update_again["update_id"] == update["update_id"]
    assert len(texts(sent)) == 1
    forged = client.post("/telegram/webhook/", {"update_id": 1}, content_type="application/json",
                         HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="wrong")  # fmt: skip
    assert forged.status_code == 403
    broken = client.post("/telegram/webhook/", "not json", content_type="application/json",
                         HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="hook-secret")  # fmt: skip
    assert broken.status_code == 400


def test_a_wrong_answer_is_asked_again(bot):
    message, press, _post, sent, observer = bot
    message(f"/link {telegram_link_code_create(user=observer.user)}")
    press("form:OP")
    press("ans:A:1")
    press("ans:B:1")
    message("много")  # C wants a number
    assert "кнопками или числом" in texts(sent)[-2]
    assert Submission.objects.count() == 0


def test_a_form_withdrawn_during_the_conversation_is_not_accepted(bot):
    message, press, _post, sent, observer = bot
    message(f"/link {telegram_link_code_create(user=observer.user)}")
    press("form:OP")
    press("ans:A:1")
    ChecklistForm.objects.filter(code="OP").update(is_active=False)
    memo_clear()
    press("ans:B:1")
    assert texts(sent)[-1].startswith("Не принято")
    assert Submission.objects.count() == 0


def test_an_incident_by_telegram(bot, settings, tmp_path):
    from amanat.incidents.models import Report
    from amanat.incidents.services import categories_load

    settings.MEDIA_ROOT, settings.AMANAT_PRIVATE_DIR = tmp_path / "m", tmp_path / "p"
    categories_load()
    message, _press, _post, sent, observer = bot
    message(f"/link {telegram_link_code_create(user=observer.user)}")
    message("/incident Председатель не пускает к столу подсчёта")
    report = Report.objects.get()
    assert (report.source, report.station.number) == ("telegram", "1")
    assert texts(sent)[-1].startswith("Сообщение получено. Код для отслеживания: ")


def test_a_photo_question_is_answered_with_a_photo(bot, monkeypatch, settings, tmp_path):
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    message, press, _post, sent, observer = bot
    content = photo_with_gps()

    def transport(url, payload):
        sent.append((url, payload))
        if url.endswith("/getFile"):
            return {"ok": True, "result": {"file_id": payload["file_id"],
                                           "file_path": "photos/file_9.jpg"}}  # fmt: skip
        return {"ok": True}

    monkeypatch.setattr(TelegramClient, "transport", staticmethod(transport))
    monkeypatch.setattr(TelegramClient, "file_transport", staticmethod(lambda url: content))
    message(f"/start {telegram_link_code_create(user=observer.user)}")
    message("/report")
    press("form:OP")
    for data in ("ans:A:1", "ans:B:1"):
        press(data)
    message("300")
    press("ans:D:1")
    press("ans:E:2")
    message("a typed word is not a photo")
    assert texts(sent)[-2] == "Пожалуйста, ответьте кнопками или числом."
    sizes = [{"file_id": "f1", "file_unique_id": "u1", "file_size": 5000, "width": 800,
              "height": 600}]  # fmt: skip
    message("", photo=sizes)
    submission = Submission.objects.get()
    assert submission.answers["F"] == hashlib.sha256(content).hexdigest()
    stored = settings.AMANAT_PRIVATE_DIR / "checklists" / submission.answers["F"]
    assert stored.read_bytes() == content


def test_nul_and_control_characters_in_an_update_are_cleaned_first(bot, settings, tmp_path):
    """PostgreSQL refuses NUL in text and jsonb: an update carrying one was lost there."""
    from amanat.incidents.models import Report
    from amanat.incidents.services import categories_load

    settings.MEDIA_ROOT, settings.AMANAT_PRIVATE_DIR = tmp_path / "m", tmp_path / "p"
    categories_load()
    message, _press, _post, sent, observer = bot
    message(f"/link {telegram_link_code_create(user=observer.user)}")
    message("/sos Меня\x00 выгоняют\x1b")
    message("/incident Председатель\x00 не пускает\ud800 к столу")
    assert SosAlert.objects.get().note == "Меня выгоняют"
    assert Report.objects.get().description == "Председатель не пускает к столу"


def test_ids_derived_from_updates_need_the_server_secret(bot, settings):
    """A client id computed from the update id alone could be guessed and claimed first."""
    message, _press, _post, _sent, observer = bot
    message(f"/link {telegram_link_code_create(user=observer.user)}")
    settings.SECRET_KEY = "one-secret-" * 5
    update = message("/sos first")
    first = SosAlert.objects.get().client_id
    SosAlert.objects.all().delete()
    TelegramUpdate.objects.filter(update_id=update["update_id"]).delete()
    settings.SECRET_KEY = "another-secret-" * 5
    _post(update)
    assert SosAlert.objects.get().client_id != first
