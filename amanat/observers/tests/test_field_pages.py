"""What the observer's and the lawyer's pages tell them: the bot to write to, the numbers to
call, and the menu links to the SOS alerts and their messages (issue 15, defect 12)."""

import uuid

import pytest
from django.utils.translation import gettext as _

from amanat.accounts.roles import Role
from amanat.core.tests.language_check import strings_not_in_language
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send
from amanat.observers.tests.factories import ObserverFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def observer_client(client):
    observer = ObserverFactory()
    client.force_login(observer.user)
    return client


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ru", "Бот «Аманата» в Telegram: "),
        ("kk", "«Аманаттың» Telegram-дағы боты: "),
        ("en", "The Amanat bot in Telegram is "),
    ],
)
def test_the_telegram_link_names_the_bot(observer_client, settings, lang, sentence):
    settings.AMANAT_TELEGRAM_BOT_USERNAME = "amanat_test_bot"
    response = observer_client.post(f"/{lang}/observers/my-station/", {"action": "telegram"})
    link = '<a href="https://t.me/amanat_test_bot">@amanat_test_bot</a>.'
    assert f'<p id="telegram-bot">{sentence}{link}</p>' in response.content.decode()


def test_without_a_bot_name_no_bot_is_named(observer_client, settings):
    settings.AMANAT_TELEGRAM_BOT_USERNAME = ""
    response = observer_client.get("/ru/observers/my-station/")
    assert response.status_code == 200
    assert "t.me/" not in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "ru",
            'Если вашей жизни или здоровью угрожает опасность, сейчас же звоните <a href="tel:112">'
            '112</a> (экстренные службы) или <a href="tel:102">102</a> (полиция).',
        ),
        (
            "kk",
            "Өміріңізге немесе денсаулығыңызға қауіп төнсе, дереу "
            '<a href="tel:112">112</a> (жедел қызметтер) немесе <a href="tel:102">102</a> '
            "(полиция) нөміріне қоңырау шалыңыз.",
        ),
    ],
)
def test_the_sos_confirmation_gives_the_emergency_numbers(observer_client, lang, sentence):
    response = observer_client.post(
        f"/{lang}/observers/my-station/sos/", {"client_id": str(uuid.uuid4()), "note": ""}
    )
    assert response.status_code == 200
    assert f'<p class="emergency">{sentence}</p>' in response.content.decode()


def test_the_emergency_numbers_are_a_setting(observer_client, settings):
    settings.AMANAT_EMERGENCY_NUMBER, settings.AMANAT_POLICE_NUMBER = "911", "911"
    response = observer_client.post(
        "/en/observers/my-station/sos/", {"client_id": str(uuid.uuid4())}
    )
    assert '<a href="tel:911">911</a> (emergency) or <a href="tel:911">911</a> (police)' in (
        response.content.decode()
    )


def test_a_lawyer_finds_the_sos_alerts_and_messages_in_the_menu(client, make_user):
    lawyer = make_user(role=Role.LAWYER, regions=[region("KZ-71")])
    client.force_login(lawyer)
    html = client.get("/ru/").content.decode()
    assert '<a href="/ru/observers/sos/">Сигналы SOS</a>' in html
    assert '<a href="/ru/observers/inbox/">Сообщения</a>' in html
    assert client.get("/ru/observers/sos/").status_code == 200
    assert client.get("/ru/observers/inbox/").status_code == 200


@pytest.mark.parametrize(
    ("role", "sees_sos"),
    [(Role.ADMIN, True), (Role.COORDINATOR, True), (Role.OBSERVER, False), (Role.CITIZEN, False)],
)
def test_the_sos_link_follows_the_permission(client, make_user, role, sees_sos):
    user = make_user(role=role, regions=[region("KZ-71")])
    client.force_login(user)
    html = client.get("/en/").content.decode()
    assert ('href="/en/observers/sos/"' in html) is sees_sos
    assert client.get("/en/observers/sos/").status_code == (200 if sees_sos else 403)


@pytest.mark.django_db
def test_a_message_is_shown_in_the_language_it_was_written_in(
    client, make_user, django_capture_on_commit_callbacks
):
    """A message is written in its reader's language when sent; read later with the site in
    another language, it says which language it is in instead of passing for the page's."""
    lawyer = make_user(role=Role.LAWYER, preferred_language="ru")
    with django_capture_on_commit_callbacks(execute=True):  # sent by a task after commit
        message_send(
            users=[lawyer],
            channels=["inbox"],
            message=lambda: Message(kind="sos", subject=_("SOS from an observer"), body="—"),
        )
    client.force_login(lawyer)
    html = client.get("/kk/observers/inbox/").content.decode()

    assert '<strong lang="ru">SOS от наблюдателя</strong>' in html
    assert strings_not_in_language(html, "kk") == []
