"""Every SMS a gateway delivers is kept, whatever it holds: NUL bytes and other control
characters, message ids and phone numbers longer than any real one. PostgreSQL refuses NUL in
text and values over a column's length where SQLite stores them, so run this on both."""

import os
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amanat.channels.models import InboundMessage
from amanat.channels.sms import sms_receive
from amanat.channels.tests.factories import smssync

pytestmark = pytest.mark.django_db

# Characters a broken phone or a hostile gateway client sends: NUL and other controls,
# surrogates JSON may carry, look-alike Cyrillic, digits and the report's own letters.
_HOSTILE = st.sampled_from(["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff"])
_CHARS = st.one_of(_HOSTILE, st.characters(codec="utf-8"), st.sampled_from("OPVT 1A2B "))
_TEXT = st.text(_CHARS, min_size=1, max_size=2000)
_ID = st.text(_CHARS, max_size=300)
_PHONE = st.one_of(
    st.just("8 701 000 00 42"),
    st.text(_CHARS, min_size=1, max_size=80),
    st.text(st.sampled_from("+0123456789 \x00"), min_size=1, max_size=60),
)
# A checklist report, an incident report (with a station number too long for any column).
# Citizens' votes and supports too (a vote on statement 1, an id past any column).
_START = st.sampled_from(["", "VT 1 A1 ", "INC 1 ", "INC " + "7" * 300 + " ", "OP1 A1 ",
                          "O 1 A ", "О 1 + 2 ", "M 1 ", "М " + "9" * 40 + " "])  # fmt: skip
EXAMPLES = int(os.environ.get("AMANAT_SMS_FUZZ_EXAMPLES", "60"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=_TEXT, tail=_ID, phone=_PHONE, start=_START)
def test_every_fuzzed_sms_is_stored_exactly_once(client, sms_observer, text, tail, phone, start):
    # A fresh id per example (the database is not emptied between them), then the fuzz.
    message_id = uuid.uuid4().hex + tail
    text = start + text
    before = InboundMessage.objects.count()
    first = smssync(client, text, message_id=message_id, sender=phone)
    again = smssync(client, text, message_id=message_id, sender=phone)
    assert (first.status_code, again.status_code) == (200, 200)
    assert first.json()["payload"]["success"] is True
    assert InboundMessage.objects.count() == before + 1


def test_message_ids_alike_in_their_first_hundred_characters_are_two_messages(sms_observer):
    common = "x" * 100
    one = sms_receive(gateway="smssync", message_id=common + "1", phone="+7701", text="a")
    two = sms_receive(gateway="smssync", message_id=common + "2", phone="+7701", text="b")
    again = sms_receive(gateway="smssync", message_id=common + "1", phone="+7701", text="a")
    assert InboundMessage.objects.count() == 2
    assert one.pk == again.pk != two.pk
    assert all(len(m.message_id) <= 100 for m in InboundMessage.objects.all())


def test_a_stored_sms_has_no_nul_and_fits_its_columns(sms_observer):
    message = sms_receive(
        gateway="smssync", message_id="m\x00" + "9" * 200, phone="+7 701\x00" + "1" * 50,
        text="VT 1\x00 A1",
    )  # fmt: skip
    stored = InboundMessage.objects.get(pk=message.pk)
    assert "\x00" not in stored.text + stored.message_id + stored.phone + stored.reply
    assert len(stored.phone) <= 32
    assert stored.status == InboundMessage.Status.UNKNOWN_SENDER  # an overlong phone is nobody's
