"""The weekly digest of unanswered mandates to candidates' teams, and the phone confirmation
by an SMS code (the gateway faked at its HTTP edge)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from amanat.accounts.tests.factories import UserFactory
from amanat.audit.models import AuditEntry
from amanat.mandates import phone
from amanat.mandates.models import Confirmation, PhoneCode, TeamMember
from amanat.mandates.phone import PhoneRefused, phone_code_check, phone_code_send
from amanat.mandates.reminders import reminders_send
from amanat.mandates.selectors import person_confirmed
from amanat.mandates.tasks import remind_teams_task
from amanat.notifications.sms import SmsClient
from amanat.observers.tests.factories import ElectionFactory
from amanat.results.tests.protocol_setup import contest_create

from .factories import MandateFactory, give

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    contest = contest_create(ElectionFactory())
    candidate = contest.options.filter(candidate__isnull=False).first().candidate
    user = UserFactory(role="candidate_team", preferred_language="ru")
    TeamMember.objects.create(user=user, candidate=candidate)
    return user


def test_the_digest_names_only_unanswered_mandates_and_goes_once_a_week(
    team, django_capture_on_commit_callbacks
):
    answered, open_one = MandateFactory(), MandateFactory(title="Су құбыры")
    give(team, answered)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_teams_task.apply().get() == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert f"/mandates/{open_one.pk}/" in body
    assert f"/mandates/{answered.pk}/" not in body
    assert "Су құбыры" in body
    assert mail.outbox[0].subject == "Наказы без ответа: 1"

    assert reminders_send() == 0  # the same week: nothing
    TeamMember.objects.update(reminded_at=timezone.now() - timedelta(days=7, minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 1
    assert len(mail.outbox) == 2


def test_a_team_with_everything_answered_is_not_reminded(team):
    give(team, MandateFactory())
    assert reminders_send() == 0
    assert mail.outbox == []
    assert TeamMember.objects.get().reminded_at is None


@pytest.fixture
def gateway(settings, monkeypatch):
    settings.AMANAT_SMS_GATEWAY_URL = "https://sms.example.org/send"
    sent = []
    monkeypatch.setattr(SmsClient, "transport", staticmethod(
        lambda url, payload, token: sent.append(payload)))  # fmt: skip
    return sent


def code_of(sent) -> str:
    return next(word for word in sent[-1]["message"].split() if word.isdigit() and len(word) == 6)


def test_a_code_by_sms_confirms_the_phone(gateway, django_capture_on_commit_callbacks):
    person = UserFactory(preferred_language="kk")
    with django_capture_on_commit_callbacks(execute=True):
        phone_code_send(user=person, raw_phone="8 (701) 123-45-67")
    assert gateway[-1]["to"] == "+77011234567"
    code = code_of(gateway)
    stored = PhoneCode.objects.get()
    assert code not in stored.code_hash
    assert len(stored.code_hash) == 64
    assert not person_confirmed(person)
    confirmation = phone_code_check(user=person, code=code)
    assert (confirmation.channel, confirmation.address) == ("phone", "+77011234567")
    assert person_confirmed(person)
    assert AuditEntry.objects.filter(action="mandates.phone_confirmed").count() == 1
    with pytest.raises(PhoneRefused) as again:
        phone_code_check(user=person, code=code)  # a code works once
    assert again.value.code == "none"


def test_a_wrong_code_counts_tries_and_five_spend_it(gateway, django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        phone_code_send(user=person, raw_phone="+77011234567")
    code = code_of(gateway)
    wrong = "000000" if code != "000000" else "111111"
    lefts = []
    for _ in range(5):
        with pytest.raises(PhoneRefused) as refused:
            phone_code_check(user=person, code=wrong)
        lefts.append((refused.value.code, refused.value.attempts_left))
    assert lefts == [("wrong", 4), ("wrong", 3), ("wrong", 2), ("wrong", 1), ("spent", 0)]
    with pytest.raises(PhoneRefused) as spent:
        phone_code_check(user=person, code=code)  # even the right code: spent
    assert spent.value.code == "spent"
    assert Confirmation.objects.count() == 0


def test_an_expired_code_is_refused(gateway, django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        phone_code_send(user=person, raw_phone="+77011234567")
    PhoneCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(PhoneRefused) as expired:
        phone_code_check(user=person, code=code_of(gateway))
    assert expired.value.code == "expired"
    assert Confirmation.objects.count() == 0


def test_sends_are_limited_and_a_taken_or_bad_number_refused(gateway):
    person = UserFactory()
    for _ in range(phone.SENDS_PER_HOUR):
        phone_code_send(user=person, raw_phone="+77011234567")
    with pytest.raises(PhoneRefused) as many:
        phone_code_send(user=person, raw_phone="+77011234568")
    assert many.value.code == "too_many_sends"
    with pytest.raises(PhoneRefused) as bad:
        phone_code_send(user=UserFactory(), raw_phone="12")
    assert bad.value.code == "invalid"
    assert PhoneCode.objects.count() == phone.SENDS_PER_HOUR


def test_a_taken_number_gets_the_same_reply_no_sms_and_counts_against_the_limit(
    client, gateway, django_capture_on_commit_callbacks
):
    """The form must not tell anyone which numbers have an account here."""
    Confirmation.objects.create(user=UserFactory(), channel="phone", address="+77019999999")
    prober = UserFactory(preferred_language="en")
    client.force_login(prober)
    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post(reverse("mandates:phone"), {"phone": "+7 701 999 99 99"})
        free = client.post(reverse("mandates:phone"), {"phone": "+7 701 888 88 88"})
    assert (taken.status_code, free.status_code) == (302, 302)
    assert taken["Location"] == free["Location"]
    assert [sent["to"] for sent in gateway] == ["+77018888888"]  # none to the taken
    with django_capture_on_commit_callbacks(execute=True):
        phone_code_send(user=prober, raw_phone="+77019999999")  # the third of the hour
    with pytest.raises(PhoneRefused) as many:
        phone_code_send(user=prober, raw_phone="+77019999999")
    assert many.value.code == "too_many_sends"
    with pytest.raises(PhoneRefused) as wrong:  # the code nobody received never matches
        phone_code_check(user=prober, code="123456")
    assert wrong.value.code in {"wrong", "spent"}
    assert Confirmation.objects.filter(user=prober).count() == 0


def test_the_web_step_from_the_not_confirmed_page(
    client, gateway, django_capture_on_commit_callbacks
):
    # reverse() follows the active language, which an earlier test may have left elsewhere
    with translation.override("ru"):
        person = UserFactory(preferred_language="ru")
        client.force_login(person)
        page = client.get(reverse("mandates:write"))
        assert page.status_code == 403
        assert reverse("mandates:phone").encode() in page.content
        with django_capture_on_commit_callbacks(execute=True):
            sent = client.post(reverse("mandates:phone"), {"phone": "8 701 123 45 67"})
        assert sent.status_code == 302
        assert sent["Location"] == reverse("mandates:phone_code")
        wrong = client.post(reverse("mandates:phone_code"), {"code": "abc"})
        assert wrong.status_code == 400
        assert "Неверный код. Осталось попыток: 4." in wrong.content.decode()
        done = client.post(reverse("mandates:phone_code"), {"code": code_of(gateway)})
        assert done["Location"] == reverse("mandates:write")
        assert Confirmation.objects.get(user=person).address == "+77011234567"
    bad = client.post(reverse("mandates:phone"), {"phone": "x"})
    assert bad.status_code == 302  # already confirmed: sent on to writing


def test_the_mandate_page_links_to_the_bot_when_there_is_one(client, settings):
    mandate = MandateFactory()
    settings.AMANAT_TELEGRAM_BOT_USERNAME = "amanat_test_bot"
    page = client.get(reverse("mandates:detail", args=[mandate.pk])).content.decode()
    assert f"https://t.me/amanat_test_bot?start=m{mandate.pk}" in page
    settings.AMANAT_TELEGRAM_BOT_USERNAME = ""
    assert "t.me/" not in client.get(reverse("mandates:detail", args=[mandate.pk])).content.decode()
