"""A coordinator's actions say what they did, in the coordinator's language."""

import uuid

import pytest

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.services.presence import sos_raise
from amanat.observers.services.recruitment import application_submit
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region, valid_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    return make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])


def messages_on(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_reviewing_an_application_is_confirmed(client, coordinator):
    approved, _ = application_submit(data=valid_input())
    asked, _ = application_submit(data=valid_input(phone="8 701 765 43 21"))
    client.force_login(coordinator)

    approve = client.post(f"/ru/observers/applications/{approved.pk}/",
                          {"decision": "approve"}, follow=True)  # fmt: skip
    ask = client.post(f"/kk/observers/applications/{asked.pk}/",
                      {"decision": "needs_info", "note": "Телефон?"}, follow=True)  # fmt: skip

    assert messages_on(approve) == [
        f"Заявка №{approved.pk} одобрена: учётная запись наблюдателя создана."
    ]
    assert messages_on(ask) == [
        f"№{asked.pk} өтінім: Қосымша мәлімет сұралды. Өтініш берушіге хабарланды."
    ]


def test_accrediting_and_deploying_are_confirmed(client, coordinator):
    ElectionFactory()
    observer = ObserverFactory()
    PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="1105")
    client.force_login(coordinator)
    page = f"/ru/observers/people/{observer.pk}/"

    accredited = client.post(page, {
        "action": "accredit", "organisation": "Amanat", "document_number": "A-1",
        "valid_from": "2026-01-10",
    }, follow=True)  # fmt: skip
    deployed = client.post(page, {"action": "deploy", "stations": "1105", "kind": "stationary",
                                  "shift": "full_day"}, follow=True)  # fmt: skip

    assert messages_on(accredited) == ["Аккредитация добавлена."]
    assert messages_on(deployed) == ["Направлен на участки: №1105."]


def test_handling_an_sos_is_confirmed(client, coordinator):
    alert, _ = sos_raise(observer=ObserverFactory(), client_id=uuid.uuid4())
    client.force_login(coordinator)

    response = client.post(f"/ru/observers/sos/{alert.pk}/", {"status": "acknowledged"},
                           follow=True)  # fmt: skip

    assert messages_on(response) == [f"SOS №{alert.pk}: Принят в работу."]
