"""A protocol that breaks a control relation is refused with the relation named through every
channel of rapid reporting — web page, JSON API, SMS, Telegram, ODK — and nothing is stored."""

import hashlib
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from amanat.channels.tests.factories import reply_of, smssync, texts
from amanat.checklists.models import Submission
from amanat.incidents.tests.factories import photo_with_gps
from amanat.notifications.telegram import TelegramClient, telegram_link_code_create
from amanat.observers.tests.factories import token_for
from amanat.results.models import ProtocolPhoto

from .protocol_setup import GOOD, RECEIVED_OFF

pytestmark = pytest.mark.django_db
R1_EN = "received (B) = issued (C) + cancelled (D) + lost (E)"
R1_RU = "получено (B) = выдано (C) + погашено (D) + утрачено (E)"


def sms_text(figures: dict) -> str:
    return "PR 1 " + " ".join(f"{code}{value}" for code, value in figures.items())


def test_web_page_queue(client, protocol):
    _form, _station, observer = protocol
    client.force_login(observer.user)
    body = {"client_id": str(uuid.uuid4()), "form": "PR", "station": "1", "answers": RECEIVED_OFF}
    response = client.post("/en/checklists/submit/", body, content_type="application/json")
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert (error["field"], error["code"]) == ("R1", "relation_broken")
    assert R1_EN in error["message"]
    assert "900 ≠ 890" in error["message"]
    good = client.post("/en/checklists/submit/", {**body, "client_id": str(uuid.uuid4()),
                       "answers": GOOD}, content_type="application/json")  # fmt: skip
    assert good.status_code == 201
    assert Submission.objects.get().answers == GOOD


def test_json_api(client, protocol):
    _form, _station, observer = protocol
    auth = token_for(client, observer.user)
    body = {"client_id": str(uuid.uuid4()), "form": "PR", "station": "1", "answers": RECEIVED_OFF}
    response = client.post("/api/v1/submissions", body, content_type="application/json",
                           HTTP_ACCEPT_LANGUAGE="ru", **auth)  # fmt: skip
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "R1"
    assert R1_RU in error["message"]
    assert Submission.objects.count() == 0


def test_sms(client, protocol, sms_observer):
    reply = reply_of(smssync(client, sms_text(RECEIVED_OFF), message_id="p1"))
    assert reply.startswith("Не принято PR 1.")
    assert f"R1: Контрольное соотношение «{R1_RU}» не выполняется: 900 ≠ 890" in reply
    assert Submission.objects.count() == 0
    assert reply_of(smssync(client, sms_text(GOOD), message_id="p2")).startswith("Принято PR 1")
    assert Submission.objects.get().answers == GOOD


def test_telegram(bot, protocol):
    message, press, _post, sent, observer = bot
    message(f"/start {telegram_link_code_create(user=observer.user)}")
    message("/report")
    press("form:PR")
    for value in RECEIVED_OFF.values():
        message(str(value))
    assert f"R1: Контрольное соотношение «{R1_RU}» не выполняется: 900 ≠ 890" in texts(sent)[-1]
    assert Submission.objects.count() == 0


def test_odk_collect(odk, protocol):
    call, _station = odk
    lines = "".join(f"<{code}>{value}</{code}>" for code, value in RECEIVED_OFF.items())
    xml = (f'<PR id="PR" version="1"><station>1</station>{lines}'
           f"<meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></PR>")  # fmt: skip
    upload = SimpleUploadedFile("submission.xml", xml.encode(), content_type="text/xml")
    response = call("POST", "/openrosa/submission", data={"xml_submission_file": upload})
    assert response.status_code == 400
    assert "R1: " in response.content.decode()
    assert "900 ≠ 890" in response.content.decode()
    assert Submission.objects.count() == 0


def test_telegram_photo_with_the_caption_pr_is_the_protocol_photo(bot, protocol, monkeypatch,
                                                                  settings, tmp_path):  # fmt: skip
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    message, _press, _post, sent, observer = bot
    message(f"/start {telegram_link_code_create(user=observer.user)}")
    content = photo_with_gps()
    fetched = []

    def transport(url, payload):
        sent.append((url, payload))
        if url.endswith("/getFile"):
            return {"ok": True, "result": {"file_id": payload["file_id"], "file_size": 1234,
                                           "file_path": "photos/file_7.jpg"}}  # fmt: skip
        return {"ok": True}

    monkeypatch.setattr(TelegramClient, "transport", staticmethod(transport))
    monkeypatch.setattr(TelegramClient, "file_transport",
                        staticmethod(lambda url: fetched.append(url) or content))  # fmt: skip
    sizes = [
        {"file_id": "small", "file_unique_id": "s", "file_size": 900, "width": 90, "height": 68},
        {"file_id": "large", "file_unique_id": "l", "file_size": 9000, "width": 1280,
         "height": 960},
    ]  # fmt: skip
    update = message("", photo=sizes, caption="pr")
    assert fetched == ["https://api.telegram.org/file/bot123:ABC/photos/file_7.jpg"]
    photo = ProtocolPhoto.objects.get()
    assert photo.sha256 == hashlib.sha256(content).hexdigest()
    assert texts(sent)[-1].startswith("Фото протокола получено")
    _post(update)  # Telegram delivers the same update again: still one photo
    assert ProtocolPhoto.objects.count() == 1

    message("", photo=sizes)
    assert texts(sent)[-1].startswith("Фото получено. Для протокола")
    assert ProtocolPhoto.objects.count() == 1


def test_a_telegram_photo_past_the_photo_cap_is_not_downloaded(bot, protocol, monkeypatch):
    """Issue 16, finding 3: Telegram names each size's bytes; one past the cap is refused
    before it is fetched."""
    message, _press, _post, sent, observer = bot
    message(f"/start {telegram_link_code_create(user=observer.user)}")
    fetched = []
    monkeypatch.setattr(
        TelegramClient,
        "transport",
        staticmethod(lambda url, payload: sent.append((url, payload)) or {}),
    )
    monkeypatch.setattr(TelegramClient, "file_transport",
                        staticmethod(lambda url: fetched.append(url) or b""))  # fmt: skip
    sizes = [{"file_id": "large", "file_unique_id": "l", "file_size": 16 * 2**20,
              "width": 9000, "height": 9000}]  # fmt: skip
    message("", photo=sizes, caption="PR")
    assert fetched == []
    assert texts(sent)[-1] == "Фотография больше 15 МБ."
    assert ProtocolPhoto.objects.count() == 0
