"""Citizens' votes and supports by SMS, replaying SMSSync's payload shape."""

import pytest

from amanat.accounts.models import User
from amanat.channels.models import InboundMessage
from amanat.channels.tests.factories import reply_of, smssync
from amanat.dialogue.models import Analysis, Statement, Vote
from amanat.dialogue.tests.factories import ConversationFactory, StatementFactory
from amanat.mandates.models import Confirmation, Support
from amanat.mandates.tests.factories import ConfirmedFactory, MandateFactory

pytestmark = pytest.mark.django_db
PHONE = "+77011234567"


@pytest.fixture(autouse=True)
def gateway(settings):
    settings.AMANAT_SMSSYNC_SECRET = "s3cret"


def sms(client, text, message_id="c1", sender="8 701 123 45 67"):
    return smssync(client, text, message_id=message_id, sender=sender)


def test_a_vote_from_an_unknown_phone_makes_a_confirmed_participant(client):
    statement = StatementFactory()
    response = sms(client, "О 12 +".replace("12", str(statement.pk)))  # Cyrillic О
    vote = Vote.objects.get()
    assert (vote.statement, vote.value) == (statement, 1)
    person = User.objects.get(phone=PHONE)
    assert vote.participant == person
    assert person.preferred_language == "ru"  # the Cyrillic letter tells
    assert not person.has_usable_password()
    confirmation = Confirmation.objects.get(user=person)
    assert (confirmation.channel, confirmation.address) == ("phone", PHONE)
    reply = reply_of(response)
    assert reply.startswith(f"Голос записан. Утверждение {statement.pk}: Согласен.")
    assert reply.endswith("Вы проголосовали по всем утверждениям. Спасибо.")
    assert Analysis.objects.get(conversation=statement.conversation).requested_at is not None


def test_the_last_vote_wins_and_a_resent_delivery_counts_once(client):
    first, second = StatementFactory.create_batch(2, conversation=ConversationFactory())
    sms(client, f"O {first.pk} A", message_id="m1")
    again = sms(client, f"O {first.pk} D", message_id="m1")  # the gateway delivers m1 again
    assert Vote.objects.get().value == 1
    assert InboundMessage.objects.count() == 1
    assert "Согласен" in reply_of(again)
    changed = sms(client, f"o{first.pk} -1", message_id="m2")
    assert Vote.objects.get().value == -1
    assert f"Следующее: «{second.text}» Ответьте O {second.pk} A, D или P." in reply_of(changed)
    assert User.objects.filter(phone=PHONE).count() == 1


def test_several_votes_in_one_sms_and_the_reasons_for_refusals(client):
    conversation = ConversationFactory()
    good = StatementFactory(conversation=conversation)
    out = StatementFactory(conversation=conversation, status=Statement.Status.REJECTED)
    closed = StatementFactory(conversation=ConversationFactory(is_open=False))
    text = f"O {good.pk} P {out.pk} A {closed.pk} A 999999 D {good.pk} ЫЫ"
    reply = reply_of(sms(client, text))
    assert Vote.objects.get().value == 0
    assert f"Утверждение {out.pk} снято модератором" in reply
    assert f"Обсуждение утверждения {closed.pk} закрыто" in reply
    assert "Утверждения 999999 для голосования нет." in reply
    assert "Не понято:" in reply


def test_a_vote_that_cannot_be_read_explains_the_syntax_in_kazakh(client):
    response = sms(client, "дауыс қате")
    assert InboundMessage.objects.get().status == "rejected"
    assert "O 12 A" in reply_of(response)
    assert User.objects.get(phone=PHONE).preferred_language == "kk"
    assert Vote.objects.count() == 0


def test_an_observer_with_the_number_confirmed_votes_under_their_own_account(client, sms_observer):
    _station, observer = sms_observer
    Confirmation.objects.create(user=observer.user, channel="phone", address=observer.user.phone)
    statement = StatementFactory()
    smssync(client, f"O {statement.pk} 1")
    assert Vote.objects.get().participant == observer.user
    assert Confirmation.objects.get().user == observer.user


def test_a_number_a_profile_merely_claims_does_not_link_to_that_account(client, make_user):
    """Anyone can type any number into a profile: only a confirmed number is the person, so
    the SMS makes (and confirms) a participant account of its own."""
    claimer = make_user(phone=PHONE)
    mandate = MandateFactory()
    sms(client, f"M {mandate.pk}")
    supporter = Support.objects.get().user
    assert supporter != claimer
    assert supporter.username == "phone-77011234567"
    assert Confirmation.objects.get().user == supporter
    assert not Confirmation.objects.filter(user=claimer).exists()
    sms(client, f"M {MandateFactory().pk}", message_id="again")  # the same number again
    assert set(Support.objects.values_list("user", flat=True)) == {supporter.pk}


def test_a_support_counts_once_and_the_second_says_so(client):
    mandate = MandateFactory()
    Support.objects.create(mandate=mandate, user=ConfirmedFactory())
    first = sms(client, f"М {mandate.pk}", message_id="s1")  # Cyrillic М
    assert reply_of(first) == (
        f"Спасибо: ваша поддержка наказа {mandate.pk} учтена. Поддержали: 2."
    )
    second = sms(client, f"m{mandate.pk}", message_id="s2")
    assert reply_of(second) == (
        f"Вы уже поддерживаете наказ {mandate.pk}: он учтён один раз. Поддержали: 2."
    )
    assert Support.objects.filter(mandate=mandate).count() == 2


def test_a_support_of_a_merged_mandate_goes_to_the_one_it_was_merged_into(client):
    keeper = MandateFactory()
    duplicate = MandateFactory(merged_into=keeper)
    reply = reply_of(sms(client, f"M {duplicate.pk}"))
    assert Support.objects.get().mandate == keeper
    assert str(keeper.pk) in reply


def test_a_wrong_mandate_number_is_answered_and_nothing_changes(client):
    assert reply_of(sms(client, "M 424242", message_id="w1")) == "Наказа 424242 нет."
    assert "M 345" in reply_of(sms(client, "M", message_id="w2"))
    assert Support.objects.count() == 0


def test_a_phone_confirmed_for_an_account_on_the_web_is_that_person(client, make_user):
    person = make_user(preferred_language="en")
    Confirmation.objects.create(user=person, channel="phone", address=PHONE)
    mandate = MandateFactory()
    reply = reply_of(sms(client, f"M {mandate.pk}"))
    assert Support.objects.get().user == person
    assert reply.startswith("Thank you")
    assert User.objects.filter(phone=PHONE).count() == 0


def test_a_deactivated_account_is_told_it_cannot_support(client, make_user):
    person = make_user(phone=PHONE, is_active=False)
    Confirmation.objects.create(user=person, channel="phone", address=PHONE)
    reply = reply_of(sms(client, f"M {MandateFactory().pk}"))
    assert reply == "Эта учётная запись не может поддерживать наказы."
    assert Support.objects.count() == 0
    assert InboundMessage.objects.get().status == "rejected"
    assert Confirmation.objects.get().user == person
