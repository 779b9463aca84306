"""20 observers of one station submit at the same moment, and one retry races its original:
every value is stored exactly once, and nobody gets an error. Real concurrent writers need
PostgreSQL (SQLite serialises them by design); CI runs the suite on PostgreSQL."""

import threading
import uuid

import pytest
from django.db import connection, connections

from amanat.checklists.ingestion import submission_receive
from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import Submission
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need PostgreSQL; this runs in the PostgreSQL round of make test",
)
def test_twenty_observers_of_one_station_at_once():
    forms_load_all()
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))
    observers = [ObserverFactory() for _ in range(20)]
    for observer in observers:
        deployment_assign(election=election, observer=observer, stations=[station])
    retried = uuid.uuid4()
    jobs = [(o, uuid.uuid4(), 100 + i) for i, o in enumerate(observers)]
    jobs.append((observers[0], retried, 999))
    jobs.append((observers[0], retried, 999))  # the retry, racing the original
    barrier = threading.Barrier(len(jobs))
    failures = []

    def submit(observer, client_id, value):
        try:
            barrier.wait()
            submission_receive(
                client_id=client_id, form_code="VT", station_number=station.number,
                observer=observer, election=election, answers={"D": value}, channel="api",
                raw={},
            )  # fmt: skip
        except Exception as failure:  # noqa: BLE001 - collected and asserted below
            failures.append(failure)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    values = sorted(Submission.objects.values_list("answers__D", flat=True))
    assert values == sorted([100 + i for i in range(20)] + [999])
