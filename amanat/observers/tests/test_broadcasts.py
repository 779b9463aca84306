import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.notifications.models import Delivery, Notification
from amanat.observers.models import Broadcast
from amanat.observers.selectors import observers_visible_to
from amanat.observers.services.broadcasts import broadcast_send
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db


def test_broadcast_reaches_the_filtered_observers_of_the_authors_regions(
    make_user, django_capture_on_commit_callbacks
):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    certified = ObserverFactory(user__email="a@example.org")
    novice = ObserverFactory(certified=False, user__email="")
    outsider = ObserverFactory(region=region("KZ-75"))

    with django_capture_on_commit_callbacks(execute=True):
        broadcast = broadcast_send(
            author=coordinator,
            subject="Инструктаж в субботу",
            body="Сбор в 10:00",
            observers=observers_visible_to(coordinator),
            filters={"certified": "yes"},
            channels=["inbox", "email"],
        )

    assert set(Notification.objects.values_list("user_id", flat=True)) == {certified.user_id}
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert broadcast.deliveries.count() == 2
    assert novice.user_id not in Delivery.objects.values_list("user_id", flat=True)
    assert outsider.user_id not in Delivery.objects.values_list("user_id", flat=True)


def test_broadcast_to_a_station_and_a_missing_address_is_logged_as_skipped(
    make_user, django_capture_on_commit_callbacks
):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))
    there = ObserverFactory(user__email="")
    ObserverFactory()  # not at that station
    deployment_assign(election=election, observer=there, stations=[station])

    with django_capture_on_commit_callbacks(execute=True):
        broadcast = broadcast_send(
            author=coordinator,
            subject="s",
            body="b",
            observers=observers_visible_to(coordinator),
            filters={"station": [station.number]},
            channels=["inbox", "email"],
        )
    statuses = dict(broadcast.deliveries.values_list("channel", "status"))
    assert statuses == {"inbox": "sent", "email": "skipped"}
    assert set(broadcast.deliveries.values_list("user_id", flat=True)) == {there.user_id}


def test_the_request_only_records_the_broadcast_and_enqueues_its_fan_out(
    make_user, django_capture_on_commit_callbacks
):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    ObserverFactory(user__email="a@example.org")
    with django_capture_on_commit_callbacks() as enqueued:
        broadcast = broadcast_send(
            author=coordinator, subject="s", body="b",
            observers=observers_visible_to(coordinator), filters={}, channels=["email"],
        )  # fmt: skip
    assert (len(enqueued), broadcast.deliveries.count(), mail.outbox) == (1, 0, [])


def test_the_fan_out_run_again_sends_nothing_more(make_user, django_capture_on_commit_callbacks):
    from amanat.observers.services.broadcasts import broadcast_fan_out

    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    ObserverFactory(user__email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        broadcast = broadcast_send(
            author=coordinator, subject="s", body="b",
            observers=observers_visible_to(coordinator), filters={}, channels=["email"],
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert broadcast_fan_out(broadcast_id=broadcast.pk) == 0
    assert (broadcast.deliveries.count(), len(mail.outbox)) == (1, 1)


@pytest.mark.parametrize(("language", "sent_label"), [("ru", "Отправлено"), ("en", "Sent")])
def test_the_broadcast_page_follows_its_deliveries(
    client, make_user, django_capture_on_commit_callbacks, language, sent_label
):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    ObserverFactory(user__email="a@example.org")
    ObserverFactory(user__email="")
    client.force_login(coordinator)
    form = {"subject": "Сбор", "body": "В 10:00", "channels": ["email"], "certified": ""}
    with django_capture_on_commit_callbacks(execute=True):
        with translation.override(language):
            response = client.post(reverse("observers:broadcast"), form)
    broadcast = Broadcast.objects.get()
    assert response.status_code == 302
    with translation.override(language):
        assert response.url == reverse("observers:broadcast_detail", args=[broadcast.pk])
    page = client.get(response.url)
    html = page.content.decode()
    assert 'data-status="sent">1<' in html
    assert 'data-status="skipped">1<' in html
    assert 'data-status="pending">0<' in html
    assert sent_label in html
    assert "hx-get" not in html  # nothing waits: no more polling
    partial = client.get(response.url, HTTP_HX_REQUEST="true")
    assert "<h1>" not in partial.content.decode()
    other = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    client.force_login(other)
    assert client.get(response.url).status_code == 404


def test_a_waiting_broadcast_page_polls(client, make_user):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    broadcast = Broadcast.objects.create(author=coordinator, subject="s", body="b")
    client.force_login(coordinator)
    with translation.override("kk"):
        html = client.get(reverse("observers:broadcast_detail", args=[broadcast.pk]))
    assert 'hx-trigger="every 3s"' in html.content.decode()
    assert "Хабарлар жіберуге дайындалуда." in html.content.decode()


def test_the_form_sends_by_telegram_to_observers_with_a_linked_chat(
    client, make_user, monkeypatch, django_capture_on_commit_callbacks
):
    from amanat.notifications.models import TelegramLink
    from amanat.notifications.telegram import TelegramClient

    sent: list[dict] = []

    def transport(url, payload):
        sent.append(payload)
        return {"ok": True}

    monkeypatch.setattr(TelegramClient, "transport", staticmethod(transport))
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    linked, unlinked = ObserverFactory(), ObserverFactory()
    TelegramLink.objects.create(user=linked.user, chat_id=4242)
    client.force_login(coordinator)
    page = client.get("/ru/observers/broadcast/").content.decode()
    assert 'value="telegram"' in page
    assert "Telegram (наблюдатели, привязавшие чат)" in page
    form = {"subject": "Сбор", "body": "В 10:00", "channels": ["telegram"], "certified": ""}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/ru/observers/broadcast/", form).status_code == 302
    broadcast = Broadcast.objects.get()
    assert broadcast.channels == ["telegram"]
    assert [(p["chat_id"], p["text"]) for p in sent] == [(4242, "Сбор\n\nВ 10:00")]
    statuses = dict(broadcast.deliveries.values_list("user_id", "status"))
    assert statuses == {linked.user_id: "sent", unlinked.user_id: "skipped"}
