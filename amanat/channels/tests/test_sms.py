"""SMS through the SMSSync and Twilio-style webhooks, replaying their real payload shapes."""

import base64
import hashlib
import hmac
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from amanat.channels.models import InboundMessage
from amanat.channels.tests.factories import FORM, PHONE, reply_of, smssync
from amanat.checklists.models import Submission

pytestmark = pytest.mark.django_db


def test_a_good_sms_is_stored_and_confirmed_in_russian(client, sms_observer):
    response = smssync(client, "ор 1 А1 в2 С250")  # Cyrillic о, р, А, в, С typed on a phone
    assert response.status_code == 200
    payload = response.json()["payload"]
    assert (payload["success"], payload["task"]) == (True, "send")
    assert payload["messages"][0]["to"] == "8 701 000 00 42"
    assert reply_of(response) == "Принято OP 1: A=да, B=нет, C=250. Спасибо."
    submission = Submission.objects.get()
    assert (submission.channel, submission.answers) == ("sms", {"A": True, "B": False, "C": 250})
    assert submission.version.form.code == "OP"


def test_the_same_message_id_or_the_same_text_again_counts_once(client, sms_observer):
    smssync(client, "VT 1 A1", message_id="m1")
    again = smssync(client, "VT 1 A1", message_id="m1")
    resent = smssync(client, "vt 1, a1", message_id="m2")
    assert Submission.objects.count() == 1
    assert reply_of(again).startswith("Принято")
    assert reply_of(resent) == "Уже получено, спасибо."
    assert InboundMessage.objects.count() == 2


def test_the_log_row_points_to_the_submission_it_brought(client, sms_observer):
    smssync(client, "VT 1 A1 D40", message_id="m1")
    logged = InboundMessage.objects.get()
    assert logged.submission == Submission.objects.get()
    assert (logged.status, logged.reply) == ("accepted", "Принято VT 1: A=да, D=40. Спасибо.")


def test_a_report_is_never_kept_without_its_log_row(client, sms_observer):
    # A gateway id already logged (a first, rejected delivery) cannot be logged again: the
    # report it carries this time is not stored either, and the first answer stands.
    first = smssync(client, "VT 1 A3", message_id="m1")
    again = smssync(client, "VT 1 A1", message_id="m1")
    assert reply_of(again) == reply_of(first)
    assert reply_of(again).startswith("Не принято VT 1.")
    assert Submission.objects.count() == 0
    assert InboundMessage.objects.get().text == "VT 1 A3"


def test_a_gateway_id_seen_before_keeps_its_first_report_and_answer(client, sms_observer):
    first = smssync(client, "VT 1 A1", message_id="m1")
    again = smssync(client, "VT 1 A2", message_id="m1")  # the gateway's id, other words
    assert reply_of(again) == reply_of(first) == "Принято VT 1: A=да. Спасибо."
    assert Submission.objects.get().answers == {"A": True}
    assert InboundMessage.objects.count() == 1


def test_a_repeat_is_recognised_only_within_minutes_and_only_from_that_phone(client, sms_observer):
    smssync(client, "VT 1 A1 D40", message_id="m1")
    InboundMessage.objects.update(received_at=timezone.now() - timedelta(minutes=11))
    later = smssync(client, "vt 1 a1 d40", message_id="m2")
    resent = smssync(client, "VT 1 A1 D40.", message_id="m3")

    assert reply_of(later).startswith("Принято")
    assert reply_of(resent) == "Уже получено, спасибо."
    assert Submission.objects.count() == 2
    keys = set(InboundMessage.objects.values_list("text_key", flat=True))
    assert len(keys) == 1
    assert len(keys.pop()) == 64


def test_a_deactivated_account_can_no_longer_report_by_sms(client, sms_observer):
    _station, observer = sms_observer
    observer.user.is_active = False
    observer.user.save()
    reply = reply_of(smssync(client, "VT 1 A1"))
    assert reply == "Этот номер телефона не зарегистрирован в «Аманате»."
    assert Submission.objects.count() == 0


def test_a_bad_sms_stores_nothing_and_says_precisely_what_is_wrong(client, sms_observer):
    response = smssync(client, "VT 1 A3 Z5 hello")
    reply = reply_of(response)
    assert reply.startswith("Не принято VT 1.")
    assert "A: ответьте 1 (да) или 2 (нет)" in reply
    assert "HELLO: не удалось прочитать" in reply
    assert Submission.objects.count() == 0
    logged = InboundMessage.objects.get()
    assert (logged.status, logged.text) == ("rejected", "VT 1 A3 Z5 hello")


def test_unknown_phone_and_wrong_secret(client, sms_observer):
    unknown = smssync(client, "VT 1 A1", sender="+77779999999")
    assert reply_of(unknown) == "Этот номер телефона не зарегистрирован в «Аманате»."
    assert InboundMessage.objects.get().status == "unknown_sender"
    assert smssync(client, "VT 1 A1", message_id="x", secret="nope").status_code == 403
    assert Submission.objects.count() == 0


def test_twilio_webhook_with_a_valid_signature(client, sms_observer, settings):
    settings.AMANAT_TWILIO_AUTH_TOKEN = "tok"
    params = {"MessageSid": "SM1", "From": PHONE, "Body": "VT 1 A2", "To": "+1555"}
    url = "http://testserver/sms/twilio/"
    data = url + "".join(f"{k}{params[k]}" for k in sorted(params))
    signature = base64.b64encode(hmac.new(b"tok", data.encode(), hashlib.sha1).digest()).decode()

    response = client.post("/sms/twilio/", urlencode(params), content_type=FORM,
                           HTTP_X_TWILIO_SIGNATURE=signature)  # fmt: skip
    assert response.status_code == 200
    assert "<Message>Принято VT 1: A=нет. Спасибо.</Message>" in response.content.decode()
    forged = client.post("/sms/twilio/", urlencode({**params, "MessageSid": "SM2"}),
                         content_type=FORM, HTTP_X_TWILIO_SIGNATURE="AAAA")  # fmt: skip
    assert forged.status_code == 403
    assert Submission.objects.count() == 1


def test_an_sms_that_breaks_processing_is_still_logged_and_answered(client, sms_observer,
                                                                    monkeypatch):  # fmt: skip
    def broken(*args):
        raise RuntimeError("database went away")

    # Where every channel's report is stored, whichever way the SMS is read.
    monkeypatch.setattr("amanat.checklists.ingestion._stored", broken)
    response = smssync(client, "VT 1 A1", message_id="boom")
    assert reply_of(response) == "Не принято: попробуйте позже."
    logged = InboundMessage.objects.get(message_id="boom")
    assert (logged.status, logged.text, logged.submission) == ("rejected", "VT 1 A1", None)


def test_an_incident_by_sms_keeps_the_original_words(client, sms_observer, settings, tmp_path):
    from amanat.incidents.models import Report
    from amanat.incidents.services import categories_load

    settings.MEDIA_ROOT, settings.AMANAT_PRIVATE_DIR = tmp_path / "m", tmp_path / "p"
    categories_load()
    response = smssync(client, "inc 1 Выгнали наблюдателя из участка", message_id="i1")
    assert reply_of(response).startswith("Сообщение получено. Код для отслеживания: ")
    report = Report.objects.get()
    assert (report.source, report.station.number) == ("sms", "1")
    assert report.description == "Выгнали наблюдателя из участка"
    assert Submission.objects.count() == 0


def test_gateway_fields_read_as_django_reads_them(client, sms_observer, settings):
    # Multipart, as some gateways post: Django's own parser.
    multipart = client.post("/sms/smssync/", {"from": PHONE, "message": "VT 1 A2",
                                              "message_id": "mp", "secret": "s3cret"})  # fmt: skip
    assert reply_of(multipart) == "Принято VT 1: A=нет. Спасибо."
    # A repeated field counts by its last value; "+" and %-escapes decode as in a form.
    body = "secret=x&secret=s3cret&from=%2B7%20701%20000%2000%2042&message=VT+1+A1&message_id=r"
    repeated = client.post("/sms/smssync/", body, content_type=FORM)
    assert reply_of(repeated) == "Принято VT 1: A=да. Спасибо."
    assert InboundMessage.objects.get(message_id="r").phone == "+7 701 000 00 42"
    # Too many fields is refused before anything is read or stored.
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    flood = client.post("/sms/smssync/", "a=1&b=2&c=3&d=4&secret=s3cret", content_type=FORM)
    assert flood.status_code == 400
    assert InboundMessage.objects.count() == 2


@pytest.mark.parametrize(
    ("language", "reply"),
    [
        ("kk", "Қабылданды VT 1: A=иә, D=40. Рахмет."),
        ("ru", "Принято VT 1: A=да, D=40. Спасибо."),
        ("en", "Accepted VT 1: A=yes, D=40. Thank you."),
    ],
)
def test_the_reply_is_in_the_observers_language(client, sms_observer, language, reply):
    _station, observer = sms_observer
    observer.user.preferred_language = language
    observer.user.save()
    assert reply_of(smssync(client, "VT 1 A1 D40", message_id="m1")) == reply
    assert InboundMessage.objects.get().reply == reply
    # The same delivery again is answered from the log, in the same words.
    assert reply_of(smssync(client, "VT 1 A1 D40", message_id="m1")) == reply


def test_an_sms_for_a_station_the_observer_is_not_deployed_at_stores_nothing(client, sms_observer):
    reply = reply_of(smssync(client, "VT 2 A1"))
    assert reply == (
        "Не принято VT 2. station: Вы не направлены на участок 2. Отправьте всё сообщение заново."
    )
    assert Submission.objects.count() == 0
    assert InboundMessage.objects.get().status == "rejected"


def test_an_accepted_sms_costs_the_sender_check_and_one_storing_statement(client, sms_observer):
    smssync(client, "VT 1 A1", message_id="m1")  # the form and the election are remembered
    with CaptureQueriesContext(connection) as queries:
        response = smssync(client, "VT 1 A2 D7", message_id="m2")
    assert reply_of(response) == "Принято VT 1: A=нет, D=7. Спасибо."
    assert Submission.objects.count() == 2
    logged = InboundMessage.objects.get(message_id="m2")
    assert (logged.submission, logged.status) == (Submission.objects.get(answers__D=7), "accepted")
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert 'inboundmessage" WHERE "phone"' in statements[0]  # the sender and a repeat
    if connection.vendor == "postgresql":
        # The report and its log row in one statement: one round trip, no transaction.
        (stored,) = statements[1:]
        assert stored.startswith('WITH s AS (INSERT INTO "checklists_submission"')
        assert 'r AS (INSERT INTO "amanat_channels_inboundmessage"' in stored
    else:
        # Savepoints only because the test runs in a transaction (else BEGIN and COMMIT).
        stored, log_row = statements[1:]
        assert stored.startswith('INSERT INTO "checklists_submission"')
        assert log_row.startswith('INSERT INTO "amanat_channels_inboundmessage"')


def test_the_id_derived_for_an_sms_report_needs_the_server_secret(client, sms_observer, settings):
    """The same message resent maps to the same id; nobody without the secret computes it
    (and claims it first with their own report, or replays it)."""
    settings.SECRET_KEY = "one-secret-" * 5
    smssync(client, "VT 1 A1", message_id="m1")
    first = Submission.objects.get().client_id
    Submission.objects.all().delete()
    InboundMessage.objects.all().delete()
    settings.SECRET_KEY = "another-secret-" * 5
    smssync(client, "VT 1 A1", message_id="m1")
    smssync(client, "VT 1 A1", message_id="m1")
    assert Submission.objects.get().client_id != first
