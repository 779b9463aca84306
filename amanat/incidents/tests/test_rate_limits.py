"""Behind the reverse proxy each citizen has their own report limit; a refused report is
given back, not lost; a replayed client id gives the follow-up code only to its reporter."""

import uuid

import pytest

from amanat.accounts.roles import Role
from amanat.incidents.models import Report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_storage")]

PROXY = "127.0.0.1"  # the test client's REMOTE_ADDR: nginx on the same machine
LIMIT = 20  # a citizen's reports an hour


@pytest.fixture
def behind_proxy(settings):
    settings.AMANAT_TRUSTED_PROXIES = [PROXY]


def web_report(client, citizen: str | None, *, description="Раздавали деньги у входа",
               client_id=None, language="ru", **extra):  # fmt: skip
    form = {"client_id": str(client_id or uuid.uuid4()), "description": description,
            "occurred_at": "2026-11-20T11:00", "region": "KZ-71"}  # fmt: skip
    if citizen:
        extra["HTTP_X_FORWARDED_FOR"] = citizen
    return client.post(f"/{language}/incidents/report/", form, **extra)


def api_report(client, citizen: str | None, *, description="У входа раздавали деньги",
               client_id=None, **extra):  # fmt: skip
    data = {"description": description, "occurred_at": "2026-11-20T10:15:00+05:00",
            "region": "KZ-71"}  # fmt: skip
    if client_id:
        data["client_id"] = str(client_id)
    if citizen:
        extra["HTTP_X_FORWARDED_FOR"] = citizen
    return client.post("/api/v1/incidents", data, **extra)


@pytest.mark.usefixtures("behind_proxy")
def test_twenty_five_citizens_behind_the_proxy_all_report_on_the_web(client):
    statuses = [web_report(client, f"198.51.100.{n}").status_code for n in range(25)]
    assert statuses == [200] * 25
    assert Report.objects.count() == 25


@pytest.mark.usefixtures("behind_proxy")
def test_thirty_five_citizens_behind_the_proxy_all_report_over_the_api(client):
    # More than the 30 an hour the API used to allow the whole installation behind a proxy.
    statuses = [api_report(client, f"198.51.100.{n}").status_code for n in range(35)]
    assert statuses == [201] * 35


@pytest.mark.usefixtures("behind_proxy")
def test_a_refused_web_report_comes_back_filled_in_with_when_to_send_it(client):
    for n in range(LIMIT):
        sent = web_report(client, "198.51.100.7", description=f"Раздавали деньги, отчёт {n}")
        assert sent.status_code == 200
    kept_id = uuid.uuid4()
    refused = web_report(client, "198.51.100.7", description="Карусель: автобус у школы №12",
                         client_id=kept_id, language="en")  # fmt: skip

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    page = refused.content.decode()
    assert "Карусель: автобус у школы №12" in page  # what was typed
    assert str(kept_id) in page  # the same client id: sent later, it cannot make two reports
    assert "Your report is not sent yet" in page
    assert "choose them again" in page  # files must be chosen again, and it says so
    assert Report.objects.count() == LIMIT
    # Another citizen behind the same proxy is not affected.
    assert web_report(client, "198.51.100.8").status_code == 200


def test_the_refusal_is_in_the_visitors_language(client):
    for _ in range(LIMIT):
        web_report(client, None)
    page = web_report(client, None, language="ru").content.decode()
    assert "Ваше сообщение ещё не отправлено" in page


@pytest.mark.usefixtures("behind_proxy")
def test_an_untrusted_peer_cannot_escape_the_limit_with_x_forwarded_for(client):
    statuses = [
        web_report(client, f"198.51.100.{n}", REMOTE_ADDR="203.0.113.9").status_code
        for n in range(LIMIT + 1)
    ]
    assert statuses == [200] * LIMIT + [429]


@pytest.mark.usefixtures("behind_proxy")
def test_the_api_answers_429_with_retry_after_and_stores_nothing(client):
    for _ in range(LIMIT):
        assert api_report(client, "198.51.100.7").status_code == 201
    refused = api_report(client, "198.51.100.7")

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert refused.json()["code"] == "rate_limited"
    assert Report.objects.count() == LIMIT


@pytest.mark.usefixtures("behind_proxy")
def test_signed_in_reporters_are_counted_per_account_not_per_address(client, make_user):
    first, second = make_user(role=Role.CITIZEN), make_user(role=Role.CITIZEN)
    client.force_login(first)
    for _ in range(LIMIT):
        web_report(client, "198.51.100.7")
    assert web_report(client, "198.51.100.7").status_code == 429
    client.force_login(second)  # the same address, another person
    assert web_report(client, "198.51.100.7").status_code == 200


def test_a_replayed_client_id_gives_the_code_only_to_the_same_reporter(client):
    client_id = uuid.uuid4()
    first = api_report(client, None, client_id=client_id).json()
    assert first["follow_up_code"]

    # Resent as it was (the answer was lost): the same report and its code.
    again = api_report(client, None, client_id=client_id)
    assert again.status_code == 200
    assert again.json()["follow_up_code"] == first["follow_up_code"]

    # Someone who learned only the id gets the report's number, not the key to it.
    guess = "Что угодно, лишь бы получить код"
    other = api_report(client, None, client_id=client_id, description=guess)
    assert other.status_code == 200
    assert other.json()["id"] == first["id"]
    assert other.json()["follow_up_code"] is None
    assert Report.objects.count() == 1


def test_a_replayed_web_client_id_from_another_account_shows_no_code(client, make_user):
    client_id = uuid.uuid4()
    client.force_login(make_user(role=Role.CITIZEN))
    mine = web_report(client, None, client_id=client_id).content.decode()
    assert 'id="follow-up-code"' in mine

    client.force_login(make_user(role=Role.CITIZEN))
    theirs = web_report(client, None, client_id=client_id).content.decode()
    assert 'id="follow-up-code"' not in theirs
    assert 'id="already-received"' in theirs


def test_guessing_follow_up_codes_over_the_api_is_refused_with_retry_after(client):
    for _ in range(60):
        client.get("/api/v1/incidents/follow-up/AAAA-BBBB-CCCC")
    refused = client.get("/api/v1/incidents/follow-up/AAAA-BBBB-CCCC")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
