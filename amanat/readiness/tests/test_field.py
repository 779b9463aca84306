"""The field forms NP and PN, sent through the form engine (as the API, web, SMS, Telegram
and ODK all send them), become the audit's outcome rows."""

import uuid

import pytest

from amanat.checklists.ingestion import SubmissionInvalid
from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import Submission
from amanat.checklists.tests.factories import receive
from amanat.geography.tests.factories import PollingStationFactory
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ObserverFactory
from amanat.readiness.models import ListOutcome, NameOutcome, PeopleCheck, PersonOutcome
from amanat.readiness.selectors import list_results, people_results, unmatched_count

from .factories import audit_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit():
    forms_load_all()
    project = audit_in()
    row = project.stations.select_related("station").first()
    observer = ObserverFactory()
    deployment_assign(election=project.election, observer=observer, stations=[row.station])
    return project, row, (project.election, row.station, observer)


def test_a_name_report_records_its_outcome(audit):
    project, row, field = audit
    name = row.names.order_by("code").first()
    assert name.code == f"L-{row.number:04d}-01"
    submission, new = receive(field, {"A": 1, "B": 2}, form="NP")  # 1: the code's last number
    assert new
    outcome = ListOutcome.objects.get()
    assert (outcome.name_id, outcome.outcome, outcome.submission_id, outcome.is_current) == (
        name.pk,
        NameOutcome.MOVED,
        submission.pk,
        True,
    )


def test_a_later_report_replaces_the_outcome_and_keeps_the_earlier_one(audit):
    project, row, field = audit
    name = row.names.order_by("code").first()
    first, _ = receive(field, {"A": 1, "B": 5}, form="NP")
    second, _ = receive(field, {"A": 1, "B": 1}, form="NP")
    current = ListOutcome.objects.get(name=name, is_current=True)
    assert (current.submission_id, current.outcome) == (second.pk, NameOutcome.FOUND)
    earlier = ListOutcome.objects.get(name=name, is_current=False)
    assert (earlier.submission_id, earlier.outcome) == (first.pk, NameOutcome.UNKNOWN)
    (table, *_regions) = list_results(project)
    assert table.names == 1  # the name counts once, with its newest outcome
    assert {r.outcome: r.count for r in table.rows}[NameOutcome.FOUND] == 1


def test_a_resent_report_records_nothing_twice(audit):
    project, row, field = audit
    client_id = uuid.uuid4()
    receive(field, {"A": 2, "B": 3}, form="NP", client_id=client_id)
    _again, new = receive(field, {"A": 2, "B": 3}, form="NP", client_id=client_id)
    assert not new
    assert ListOutcome.objects.count() == 1


def test_an_unknown_code_is_stored_unmatched_not_refused(audit):
    project, row, field = audit
    submission, new = receive(field, {"A": 99, "B": 1}, form="NP")  # 5 names were drawn
    assert new
    outcome = ListOutcome.objects.get(submission_id=submission.pk)
    assert (outcome.name_id, outcome.code) == (None, f"L-{row.number:04d}-99")
    assert unmatched_count(project) == 1
    assert list_results(project) == []  # an unmatched code is no estimate


def test_a_report_from_a_station_not_drawn_is_stored_unmatched(audit):
    project, row, (election, _station, _observer) = audit
    elsewhere, observer = PollingStationFactory(), ObserverFactory()
    deployment_assign(election=election, observer=observer, stations=[elsewhere])
    receive((election, elsewhere, observer), {"A": 3, "B": 2}, form="NP")
    outcome = ListOutcome.objects.get()
    assert (outcome.name_id, outcome.code, outcome.station_id) == (None, "L-????-03", elsewhere.pk)
    assert unmatched_count(project) == 0  # not one of this audit's stations


def test_an_invalid_outcome_is_refused_by_the_form_and_nothing_is_recorded(audit):
    project, row, field = audit
    with pytest.raises(SubmissionInvalid):
        receive(field, {"A": 1, "B": 9}, form="NP")
    assert not ListOutcome.objects.exists()
    assert not Submission.objects.exists()


def test_a_person_report_is_a_people_to_list_check(audit):
    project, row, field = audit
    receive(field, {"A": 3}, form="PN")
    receive(field, {"A": 1}, form="PN")
    checks = PeopleCheck.objects.order_by("pk")
    assert [(c.project_id, c.station_id, c.outcome) for c in checks] == [
        (project.pk, row.station_id, PersonOutcome.NOT_FOUND),
        (project.pk, row.station_id, PersonOutcome.REGISTERED),
    ]
    (table, region) = people_results(project)
    assert (table.stations, table.names) == (1, 2)
    assert {r.outcome: r.share.share for r in table.rows} == {
        "registered": 0.5,
        "registered_with_error": 0.0,
        "not_found": 0.5,
    }
    assert region.scope == row.region.name
    assert list_results(project) == []  # the two tests are never mixed
