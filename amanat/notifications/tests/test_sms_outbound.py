"""The outbound SMS: handed to the gateway after commit, retried on a gateway error; with no
gateway configured nothing leaves (and a code is not logged outside development)."""

import pytest

from amanat.notifications.sms import SMS_TEXT_MAX, SmsClient, sms_to_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(settings, monkeypatch):
    settings.AMANAT_SMS_GATEWAY_URL = "https://sms.example.org/send"
    settings.AMANAT_SMS_GATEWAY_TOKEN = "t0ken"
    calls = []
    monkeypatch.setattr(SmsClient, "transport", staticmethod(
        lambda url, payload, token: calls.append((url, payload, token))))  # fmt: skip
    return calls


def test_an_sms_leaves_only_after_commit(sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sms_to_number(phone="+77011234567", text="Сәлем " * 200)
    assert sent == []
    callbacks[0]()
    url, payload, token = sent[0]
    assert (url, token, payload["to"]) == ("https://sms.example.org/send", "t0ken", "+77011234567")
    assert len(payload["message"]) == SMS_TEXT_MAX


def test_without_a_gateway_nothing_is_sent_and_the_text_stays_out_of_the_log(
    settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    settings.AMANAT_SMS_GATEWAY_URL, settings.DEBUG = "", False
    calls = []
    monkeypatch.setattr(SmsClient, "transport", staticmethod(lambda *a: calls.append(a)))
    with django_capture_on_commit_callbacks(execute=True):
        sms_to_number(phone="+77011234567", text="code 987650")
    assert calls == []
    assert "987650" not in caplog.text
    assert "+77011234567" in caplog.text


def test_a_gateway_error_is_logged_not_raised(settings, monkeypatch, caplog,
                                               django_capture_on_commit_callbacks):  # fmt: skip
    settings.AMANAT_SMS_GATEWAY_URL = "https://sms.example.org/send"

    def broken(url, payload, token):
        raise OSError("gateway down")

    monkeypatch.setattr(SmsClient, "transport", staticmethod(broken))
    with django_capture_on_commit_callbacks(execute=True):
        sms_to_number(phone="+77011234567", text="hi")
    assert "gateway down" in caplog.text
