"""An object someone may not see answers exactly as one that does not exist (issue 16,
finding 10): otherwise a 403 for an existing id and a 404 for a missing one let anyone probe
which ids exist. (A POST action on an object the user *can* see still answers 403.)"""

import uuid

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents.services import ReportInput, report_submit
from amanat.legalhelp.services import question_ask
from amanat.observers.services.presence import sos_raise
from amanat.observers.services.recruitment import application_submit
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region, valid_input
from amanat.results.models import ProtocolPhoto
from amanat.results.tests.protocol_setup import contest_create

pytestmark = pytest.mark.django_db

# Everything below lives in Astana (KZ-71); the users asking are either in Astana without the
# right role, or of another region (KZ-75).


def _observer_record(make_user):
    observer = ObserverFactory(region=region("KZ-71"))
    return ObserverFactory(region=region("KZ-71")).user, "/en/observers/people/{}/", observer.pk


def _application(make_user):
    application, _ = application_submit(data=valid_input(region=region("KZ-71")))
    user = ObserverFactory(region=region("KZ-71")).user
    return user, "/en/observers/applications/{}/", application.pk


def _sos(make_user):
    alert, _ = sos_raise(observer=ObserverFactory(region=region("KZ-71")), client_id=uuid.uuid4())
    return ObserverFactory(region=region("KZ-71")).user, "/en/observers/sos/{}/", alert.pk


def _question(make_user):
    question, _ = question_ask(
        client_id=uuid.uuid4(), region=region("KZ-71"), topic="other",
        text="Меня не пустили на участок без объяснения причин.", is_public=False,
        language="ru",
    )  # fmt: skip
    lawyer = make_user(role=Role.LAWYER, regions=[region("KZ-75")])
    return lawyer, "/en/legal-help/queue/{}/", question.pk


def _report(make_user):
    report, _ = report_submit(data=ReportInput(
        client_id=uuid.uuid4(), source="citizen", region_code="KZ-71",
        description="Вброс бюллетеней в урну у окна", occurred_at=timezone.now(),
    ))  # fmt: skip
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-75")])
    return coordinator, "/en/incidents/moderation/{}/", report.pk


def _protocol_photo(make_user):
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))
    photo = ProtocolPhoto.objects.create(
        contest=contest_create(ElectionFactory()), station=station,
        observer=ObserverFactory(region=region("KZ-71")), client_id=uuid.uuid4(),
        sha256="0" * 64, content_type="image/jpeg",
    )  # fmt: skip
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-75")])
    return coordinator, "/en/results/entry/{}/", photo.pk


@pytest.mark.parametrize(
    "setup", [_observer_record, _application, _sos, _question, _report, _protocol_photo]
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_object_out_of_scope_answers_as_a_missing_one(client, make_user, setup, method):
    user, path, existing = setup(make_user)
    client.force_login(user)
    send = getattr(client, method)

    out_of_scope = send(path.format(existing))
    missing = send(path.format(existing + 10_000))

    assert (out_of_scope.status_code, missing.status_code) == (404, 404)
