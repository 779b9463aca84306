"""The audit's field forms by SMS: the name is its number, so a plain text message carries
both tests as the web and the API do."""

import pytest

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.channels.tests.factories import reply_of, smssync
from amanat.readiness.models import ListOutcome, NameOutcome, PeopleCheck, PersonOutcome
from amanat.readiness.services import extract_upload, project_draw_stations

from .factories import AuditProjectFactory, extract_csv

pytestmark = pytest.mark.django_db


def test_both_tests_by_sms(client, field, sms_observer):
    election, station, _observer = field
    project = AuditProjectFactory(election=election, stations_wanted=1)
    project_draw_stations(project=project, actor=None)  # the one station there is
    row = project.stations.get()
    assert row.station_id == station.pk
    extract_upload(audit_station=row, data=extract_csv("S"), actor=UserFactory(role=Role.ADMIN))
    response = smssync(client, "NP 1 A2 B3", message_id="m1")
    assert reply_of(response).startswith("Принято"), reply_of(response)
    outcome = ListOutcome.objects.get()
    assert (outcome.name.code, outcome.outcome) == ("L-0001-02", NameOutcome.DECEASED)
    smssync(client, "PN 1 A3", message_id="m2")
    check = PeopleCheck.objects.get()
    assert (check.project_id, check.outcome) == (project.pk, PersonOutcome.NOT_FOUND)
