"""The ingestion service with the observer found inside the storing statement: it stores a
valid report from a deployed observer, and otherwise nothing, leaving the answer to
submission_receive."""

import uuid

import pytest
from django.db import connection

from amanat.checklists.models import CriticalAlert, Submission
from amanat.checklists.services import submission_receive_found
from amanat.checklists.tests.factories import receive
from amanat.geography.tests.factories import PollingStationFactory
from amanat.observers.selectors import ObserverLookup
from amanat.observers.tests.factories import ObserverFactory

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's way")


def by_id(observer_id: int) -> ObserverLookup:
    """Finds the observer with this id (a channel finds one by a phone or a token)."""
    return ObserverLookup(sql='(SELECT CAST(%s AS bigint) AS "observer_id") w',
                          params=(observer_id,))  # fmt: skip


def found(field, answers, lookup=None, client_id=None, station="1", form="VT"):
    election, _station, observer = field
    return submission_receive_found(
        client_id=client_id or uuid.uuid4(), form_code=form, station_number=station,
        lookup=lookup or by_id(observer.pk), election=election, answers=answers,
        channel="sms", raw={"answers": answers},
    )  # fmt: skip


@on_postgresql
def test_a_valid_report_is_stored_for_the_observer_found(field):
    _election, station, observer = field
    submission = found(field, {"A": True, "D": 40})
    stored = Submission.objects.get()
    assert submission.pk == stored.pk
    assert (submission.observer_id, submission.station_id) == (observer.pk, station.pk)
    assert (stored.observer_id, stored.station_id) == (observer.pk, station.pk)
    assert (stored.answers, stored.channel) == ({"A": True, "D": 40}, "sms")
    assert submission.version.form.code == "VT"
    assert sorted(CriticalAlert.objects.values_list("question_code", flat=True)) == ["A"]


@on_postgresql
@pytest.mark.parametrize(
    "case",
    ["nobody found", "not deployed there", "someone else", "bad answer", "unknown form"],
)
def test_anything_but_a_valid_report_from_a_deployed_observer_stores_nothing(field, case):
    PollingStationFactory(number="2")
    stranger = ObserverFactory()
    kwargs = {
        "nobody found": {
            "lookup": ObserverLookup(sql='(SELECT 1 AS "observer_id" WHERE false) w', params=())
        },  # fmt: skip
        "not deployed there": {"station": "2"},
        "someone else": {"lookup": by_id(stranger.pk)},
        "bad answer": {},
        "unknown form": {"form": "ZZ"},
    }[case]
    answers = {"A": "maybe"} if case == "bad answer" else {"A": True}
    assert found(field, answers, **kwargs) is None
    assert not Submission.objects.exists()
    assert not CriticalAlert.objects.exists()


@on_postgresql
def test_a_client_id_stored_before_stores_nothing_more(field):
    client_id = uuid.uuid4()
    first, _created = receive(field, {"A": False}, client_id=client_id)
    assert found(field, {"A": True}, client_id=client_id) is None
    assert Submission.objects.get().answers == {"A": False}


@pytest.mark.skipif(connection.vendor == "postgresql", reason="elsewhere than PostgreSQL")
def test_elsewhere_nothing_is_stored_and_the_full_path_answers(field):
    assert found(field, {"A": True}) is None
    assert not Submission.objects.exists()
    assert receive(field, {"A": True})[1] is True
