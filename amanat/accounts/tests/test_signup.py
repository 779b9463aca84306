"""Citizens sign up with a confirmed e-mail address: validated, rate-limited, in the
visitor's language, idempotent, audited."""

import re

import pytest
from django.test import Client

from amanat.accounts import signup
from amanat.accounts.models import User
from amanat.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
SIGNUP = "/kk/accounts/signup/"
PASSWORD = "сайлау күні 2026"


def _link(mail) -> str:
    return re.search(r"https?://\S+", mail.body).group(0)


def _signs_in(login: str, password: str) -> bool:
    answer = Client().post("/en/accounts/login/", {"username": login, "password": password})
    return answer.status_code == 302


def test_the_login_page_links_to_sign_up(client):
    page = client.get("/ru/accounts/login/?next=/ru/training/first-time-voters/").content.decode()
    assert (
        '<a href="/ru/accounts/signup/?next=/ru/training/first-time-voters/">'
        "Зарегистрироваться</a>" in page
    )


def test_sign_up_in_kazakh_mails_a_kazakh_link_on_the_base_url(client, mailoutbox, settings):
    settings.AMANAT_BASE_URL = "http://127.0.0.1:8123"
    sent = client.post(SIGNUP, {"first_name": "  Дана  ", "email": "dana@Mail.KZ"})

    assert sent["Location"] == "/kk/accounts/signup/sent/"
    assert "<strong>dana@mail.kz</strong> мекенжайына сілтеме жібердік" in (
        client.get(sent["Location"]).content.decode()
    )
    [mail] = mailoutbox
    assert mail.subject == "Amanat үшін электрондық пошта мекенжайыңызды растаңыз"
    assert _link(mail).startswith("http://127.0.0.1:8123/kk/accounts/signup/confirm/?token=")
    assert not User.objects.exists()  # nothing is stored before the address is confirmed

    link = _link(mail).removeprefix(settings.AMANAT_BASE_URL)
    weak = client.post(link, {"password": "12345"})
    assert weak.status_code == 400
    assert "Бұл құпиясөз тым қысқа. Онда кемінде 10 таңба болуы керек." in weak.content.decode()
    assert not User.objects.exists()
    client.post(link, {"password": PASSWORD})
    user = User.objects.get()
    assert (user.username, user.email, user.first_name) == ("dana@mail.kz", "dana@mail.kz", "Дана")
    assert (user.role, user.preferred_language, user.is_active) == ("citizen", "kk", True)
    assert client.session["_auth_user_id"] == str(user.pk)
    entry = AuditEntry.objects.get(action="accounts.account_created")
    assert (entry.actor, entry.data) == (user, {"role": "citizen", "confirmed": "email"})
    # The new citizen signs in with the address and the password chosen.
    assert _signs_in("dana@mail.kz", PASSWORD)


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"first_name": "Дана", "email": "not-an-address"}, "email", "Введите правильный"),
        ({"first_name": "   ", "email": "dana@mail.kz"}, "first_name", "Обязательное поле."),
        ({"first_name": "Да\x00на", "email": "dana@mail.kz"}, "first_name", "ноль-байт"),
        ({"first_name": "Д" * 151, "email": "dana@mail.kz"}, "first_name", "не более 150"),
    ],
)
def test_sign_up_refuses_bad_input_in_russian(client, mailoutbox, form, field, message):
    refused = client.post("/ru/accounts/signup/", form)

    assert refused.status_code == 400
    assert message in refused.content.decode()
    assert mailoutbox == []


def test_an_address_with_an_account_gets_a_reminder_and_no_second_account(
    client, make_user, mailoutbox
):
    make_user(username="dana", email="Dana@mail.kz")
    sent = client.post("/ru/accounts/signup/", {"first_name": "Дана", "email": "dana@mail.kz"})

    assert sent["Location"] == "/ru/accounts/signup/sent/"  # the page does not tell
    [mail] = mailoutbox
    assert mail.subject == "У вас уже есть учётная запись Amanat"
    assert "/ru/accounts/login/" in mail.body
    assert "token=" not in mail.body


def test_the_confirmation_is_idempotent(client, mailoutbox):
    client.post("/ru/accounts/signup/", {"first_name": "Дана", "email": "dana@mail.kz"})
    link = _link(mailoutbox[0]).split("8000", 1)[1]
    other = Client()

    assert other.post(link, {"password": PASSWORD}).status_code == 302
    assert other.post(link, {"password": PASSWORD}).status_code == 302  # form sent twice
    again = Client().get(link)
    assert again.status_code == 200
    assert "Для адреса dana@mail.kz уже есть учётная запись: войдите с ним." in (
        again.content.decode()
    )
    assert Client().post(link, {"password": "другой пароль 2026"}).status_code == 200
    assert User.objects.count() == 1
    assert AuditEntry.objects.filter(action="accounts.account_created").count() == 1
    assert _signs_in("dana@mail.kz", PASSWORD)


def test_a_forged_or_old_link_creates_nothing(client, mailoutbox, monkeypatch):
    client.post("/ru/accounts/signup/", {"first_name": "Дана", "email": "dana@mail.kz"})
    link = _link(mailoutbox[0]).split("8000", 1)[1]

    forged = client.post(link[:-3] + "xyz", {"password": PASSWORD})
    assert forged.status_code == 400
    assert "Ссылка недействительна." in forged.content.decode()
    assert signup.LINK_VALID_SECONDS == 3 * 24 * 3600
    monkeypatch.setattr(signup, "LINK_VALID_SECONDS", -1)  # any age is too old
    old = client.post(link, {"password": PASSWORD})
    assert old.status_code == 400
    assert "Этой ссылке больше трёх дней." in old.content.decode()
    assert not User.objects.exists()


def test_sign_up_is_rate_limited_per_address(client, mailoutbox):
    for number in range(3):
        form = {"first_name": "Дана", "email": "dana@mail.kz"}
        assert Client(REMOTE_ADDR=f"10.0.0.{number}").post(SIGNUP, form).status_code == 302
    assert client.post(SIGNUP, {"first_name": "Дана", "email": "dana@mail.kz"}).status_code == 429
    assert len(mailoutbox) == 3
