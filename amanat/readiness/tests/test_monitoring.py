"""Pre-election visits: scheduled by commission, done when the observer's report of the form
arrives through the form engine, matched to the commission through the report's station."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.checklists.ingestion import SubmissionInvalid, submission_receive
from amanat.checklists.loader import forms_load_all
from amanat.checklists.models import Submission
from amanat.geography.models import Region
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory
from amanat.readiness.models import MonitoringVisit
from amanat.readiness.monitoring import visit_counts, visit_schedule

from .factories_conditions import station_with_commission, territorial

pytestmark = pytest.mark.django_db
ANSWERS = {"A": True, "B": True, "C": False}


@pytest.fixture
def setup():
    forms_load_all()
    election = ElectionFactory(election_day=timezone.localdate() + timedelta(days=20))
    station = station_with_commission("7101")
    observer = ObserverFactory()
    deployment_assign(election=election, observer=observer, stations=[station])
    return election, station, observer


def _report(election, observer, station, form="PC", answers=ANSWERS):
    return submission_receive(
        client_id=uuid.uuid4(), form_code=form, station_number=station.number,
        observer=observer, election=election, answers=answers, channel="web", raw={},
    )  # fmt: skip


def _visit(election, commission, observer, form="PC", days=3):
    return visit_schedule(
        election=election, commission=commission, form_code=form, observer=observer,
        due_on=timezone.localdate() + timedelta(days=days), actor=None,
    )  # fmt: skip


def test_a_precinct_visit_is_done_by_the_report_from_its_station(setup):
    election, station, observer = setup
    visit = _visit(election, station.commission, observer)

    submission, created = _report(election, observer, station)

    visit.refresh_from_db()
    assert created
    assert visit.status == "done"
    assert visit.submission_id == submission.pk
    assert AuditEntry.objects.filter(action="readiness.visit_scheduled").count() == 1


def test_a_report_of_another_form_or_by_another_observer_leaves_the_visit_open(setup):
    election, station, observer = setup
    visit = _visit(election, station.commission, observer, form="PV")
    other = ObserverFactory()
    deployment_assign(election=election, observer=other, stations=[station])

    _report(election, observer, station, form="PC")
    _report(election, other, station, form="PV", answers={"A": True, "B": True, "C": 2})

    visit.refresh_from_db()
    assert visit.done_at is None
    assert Submission.objects.count() == 2


def test_a_territorial_visit_is_done_from_any_deployed_station_of_its_region(setup):
    election, _station, observer = setup
    elsewhere = station_with_commission("7501", "KZ-75")
    deployment_assign(election=election, observer=observer, stations=[elsewhere],
                      shift="morning")  # fmt: skip
    astana_visit = _visit(election, territorial("KZ-71"), observer)

    _report(election, observer, elsewhere)  # Almaty: not Astana's territory
    astana_visit.refresh_from_db()
    assert astana_visit.done_at is None

    _report(election, observer, setup[1])  # station 7101, in Astana
    astana_visit.refresh_from_db()
    assert astana_visit.status == "done"


def test_the_most_specific_visit_is_done_first(setup):
    election, station, observer = setup
    broad = _visit(election, territorial("KZ-71"), observer, days=1)
    precise = _visit(election, station.commission, observer, days=5)

    _report(election, observer, station)

    broad.refresh_from_db()
    precise.refresh_from_db()
    assert (precise.status, broad.status) == ("done", "scheduled")


def test_an_invalid_report_marks_nothing(setup):
    election, station, observer = setup
    visit = _visit(election, station.commission, observer)
    with pytest.raises(SubmissionInvalid):
        _report(election, observer, station, answers={"A": "maybe"})
    visit.refresh_from_db()
    assert visit.done_at is None


def test_counts_per_region_say_to_come_done_and_overdue(setup):
    election, station, observer = setup
    _visit(election, station.commission, observer, form="PA", days=-2)  # overdue
    _visit(election, station.commission, observer, form="PE", days=4)  # to come
    _visit(election, station.commission, observer, form="PC", days=1)
    _report(election, observer, station)  # done
    almaty = station_with_commission("7501", "KZ-75")
    _visit(election, almaty.commission, observer, form="PP", days=-1)

    counts = {c.region.code: (c.scheduled, c.done, c.overdue)
              for c in visit_counts(MonitoringVisit.objects.all())}  # fmt: skip
    assert counts == {"KZ-71": (1, 1, 1), "KZ-75": (0, 0, 1)}


def test_a_coordinator_sees_and_schedules_only_in_their_region(setup, client, make_user):
    election, station, observer = setup
    almaty = station_with_commission("7501", "KZ-75")
    _visit(election, almaty.commission, observer, form="PP")
    coordinator = make_user(role=Role.COORDINATOR, regions=[Region.objects.get(code="KZ-71")])
    client.force_login(coordinator)
    astana = Region.objects.get(code="KZ-71")
    form = {"level": "precinct", "region": astana.pk, "station": "7101", "form_code": "PV",
            "observer": observer.pk, "due_on": "2030-01-10"}  # fmt: skip

    page = client.get("/en/readiness/monitoring/")
    scheduled = client.post("/en/readiness/monitoring/", form)
    foreign = client.post("/en/readiness/monitoring/",
                          {**form, "region": Region.objects.get(code="KZ-75").pk,
                           "station": "7501"})  # fmt: skip

    assert page.status_code == 200
    assert "Precinct election commission No. 7501" not in page.content.decode()
    assert scheduled.status_code == 302
    assert foreign.status_code == 400
    assert MonitoringVisit.objects.filter(region=astana).count() == 1
    assert MonitoringVisit.objects.count() == 2


@pytest.mark.parametrize(("role", "status"), [(Role.OBSERVER, 403), (Role.LAWYER, 403),
                                              (Role.ANALYST, 200), (Role.ADMIN, 200)])  # fmt: skip
def test_who_may_see_the_visits(client, make_user, role, status):
    client.force_login(make_user(role=role))
    assert client.get("/ru/readiness/monitoring/").status_code == status


def test_the_visits_forms_are_the_form_engines_pre_election_forms():
    from amanat.checklists.models import ChecklistForm
    from amanat.readiness.monitoring import FORM_CODES
    from amanat.readiness.services import NAMES_FORM, PEOPLE_FORM

    forms_load_all()
    pre_election = ChecklistForm.objects.filter(phase="pre_election")
    # The others before election day are the voter-list audit's field forms.
    expected = sorted([*FORM_CODES, NAMES_FORM, PEOPLE_FORM])
    assert sorted(pre_election.values_list("code", flat=True)) == expected
