import pytest
from django.core import mail

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.notifications.models import Delivery, Notification
from amanat.observers.selectors import observers_visible_to
from amanat.observers.services.broadcasts import broadcast_send
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db


def test_broadcast_reaches_the_filtered_observers_of_the_authors_regions(make_user):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    certified = ObserverFactory(user__email="a@example.org")
    novice = ObserverFactory(certified=False, user__email="")
    outsider = ObserverFactory(region=region("KZ-75"))

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


def test_broadcast_to_a_station_and_a_missing_address_is_logged_as_skipped(make_user):
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))
    there = ObserverFactory(user__email="")
    ObserverFactory()  # not at that station
    deployment_assign(election=election, observer=there, stations=[station])

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
