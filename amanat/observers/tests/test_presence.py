import uuid

import pytest
from django.core import mail

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.notifications.models import Delivery, Notification
from amanat.observers.models import CheckIn, SosAlert
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.services.presence import (
    PresenceError,
    checkin_record,
    sos_raise,
    sos_update,
)
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def deployed():
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))
    observer = ObserverFactory()
    deployment_assign(election=election, observer=observer, stations=[station])
    return election, station, observer


def test_check_in_once_per_client_id_and_only_where_deployed(deployed):
    election, station, observer = deployed
    client_id = uuid.uuid4()
    first, created = checkin_record(
        observer=observer, election=election, station=station, client_id=client_id
    )
    again, created_again = checkin_record(
        observer=observer, election=election, station=station, client_id=client_id
    )
    assert (created, created_again, again.pk) == (True, False, first.pk)

    elsewhere = PollingStationFactory()
    with pytest.raises(PresenceError) as failure:
        checkin_record(
            observer=observer, election=election, station=elsewhere, client_id=uuid.uuid4()
        )
    assert failure.value.code == "not_deployed"
    assert CheckIn.objects.count() == 1


def test_sos_reaches_the_regions_coordinators_and_lawyers_only(
    deployed, make_user, django_capture_on_commit_callbacks
):
    election, station, observer = deployed
    astana = region("KZ-71")
    coordinator = make_user(role=Role.COORDINATOR, regions=[astana], email="c@example.org")
    lawyer = make_user(role=Role.LAWYER, regions=[astana], email="l@example.org")
    far_coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-75")])
    analyst = make_user(role=Role.ANALYST, regions=[astana])

    with django_capture_on_commit_callbacks(execute=True):
        alert, created = sos_raise(
            observer=observer,
            client_id=uuid.uuid4(),
            election=election,
            station=station,
            note="Удаляют с участка",
        )

    assert created
    notified = set(Notification.objects.filter(kind="sos").values_list("user_id", flat=True))
    assert notified == {coordinator.pk, lawyer.pk}
    assert far_coordinator.pk not in notified
    assert analyst.pk not in notified
    assert sorted(m.to[0] for m in mail.outbox) == ["c@example.org", "l@example.org"]
    body = mail.outbox[0].body  # in the recipient's language (Russian by default)
    assert f"участок {station.number}" in body
    assert f"http://127.0.0.1:8000/ru/observers/sos/{alert.pk}/" in body
    assert "Удаляют с участка" in body
    assert Delivery.objects.filter(kind="sos", status="sent").count() == 4


def test_sos_is_idempotent_and_closes_with_an_outcome(deployed, make_user):
    _election, _station, observer = deployed
    client_id = uuid.uuid4()
    alert, _ = sos_raise(observer=observer, client_id=client_id)
    again, created = sos_raise(observer=observer, client_id=client_id)
    assert (again.pk, created) == (alert.pk, False)
    assert SosAlert.objects.count() == 1

    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    with pytest.raises(PresenceError):
        sos_update(alert=alert, actor=coordinator, status="closed")
    closed = sos_update(alert=alert, actor=coordinator, status="closed", outcome="expelled")
    assert (closed.status, closed.outcome, closed.closed_at is not None) == (
        "closed",
        "expelled",
        True,
    )
