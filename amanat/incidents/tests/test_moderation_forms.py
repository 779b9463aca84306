"""The moderators' actions parse their POST with forms scoped to the report and the moderator:
a wrong or hand-made number is refused with a clear message in the moderator's language and
changes nothing; an assignee must be an active lawyer or coordinator of the report's region;
the assignment is one transaction."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents import case_response
from amanat.incidents.models import Evidence, Referral, Report
from amanat.incidents.moderation import ModerationError
from amanat.incidents.services import ReportInput, categories_load, report_submit
from amanat.observers.tests.factories import region

pytestmark = pytest.mark.django_db
HUGE = "9" * 25  # beyond any 64-bit id: SQLite cannot even bind it
REGION_RESPONDER = {
    "kk": "Хабарлама қатысты өңірдің заңгерін немесе үйлестірушісін таңдаңыз.",
    "ru": "Выберите юриста или координатора региона, к которому относится сообщение.",
    "en": "Choose a lawyer or coordinator of the report&#x27;s region.",
}


def _report(number: str, code: str) -> Report:
    PollingStationFactory(district=DistrictFactory(region=region(code)), number=number)
    return report_submit(data=ReportInput(
        client_id=uuid.uuid4(), source="citizen", station_number=number,
        description="Вброс бюллетеней у окна", category_code="stuffing",
        occurred_at=timezone.now() - timedelta(hours=1),
    ))[0]  # fmt: skip


@pytest.fixture
def reports():
    """A report in Astana, another in Astana (a duplicate), one in Almaty."""
    categories_load()
    return _report("71", "KZ-71"), _report("72", "KZ-71"), _report("75", "KZ-75")


def _post(client, report: Report, language: str = "en", **data):
    return client.post(f"/{language}/incidents/moderation/{report.pk}/", data)


def _unchanged(report: Report) -> tuple:
    report = Report.objects.get(pk=report.pk)
    return report.assigned_to_id, report.respond_by, report.merged_into_id, report.timeline.count()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_an_assignee_of_another_region_is_refused_in_the_moderators_language(
    client, reports, make_user, language
):
    report = reports[0]
    elsewhere = make_user(role=Role.LAWYER, regions=[region("KZ-75")])
    client.force_login(make_user(role=Role.MODERATOR))
    before = _unchanged(report)

    response = _post(client, report, language, action="assign", assignee=elsewhere.pk)

    assert response.status_code == 200
    assert REGION_RESPONDER[language] in response.content.decode()
    assert _unchanged(report) == before


@pytest.mark.parametrize("assignee", [HUGE, "-1", "1.5", "abc", ""])
def test_a_bad_assignee_number_is_refused_not_a_server_error(client, reports, make_user, assignee):
    client.force_login(make_user(role=Role.MODERATOR))
    before = _unchanged(reports[0])

    response = _post(client, reports[0], action="assign", assignee=assignee)

    assert response.status_code == 200
    assert REGION_RESPONDER["en"] in response.content.decode()
    assert _unchanged(reports[0]) == before


def test_an_inactive_lawyer_of_the_region_is_not_offered_nor_accepted(client, reports, make_user):
    report = reports[0]
    gone = make_user(role=Role.LAWYER, regions=[region("KZ-71")], is_active=False)
    present = make_user(role=Role.LAWYER, regions=[region("KZ-71")])
    client.force_login(make_user(role=Role.MODERATOR))

    page = client.get(f"/en/incidents/moderation/{report.pk}/")
    refused = _post(client, report, action="assign", assignee=gone.pk)

    assert list(page.context["responders"]) == [present]
    assert REGION_RESPONDER["en"] in refused.content.decode()
    assert Report.objects.get(pk=report.pk).assigned_to is None


def test_the_service_itself_refuses_an_assignee_outside_the_region(reports, make_user):
    report = reports[0]
    elsewhere = make_user(role=Role.COORDINATOR, regions=[region("KZ-75")])
    observer = make_user(role=Role.OBSERVER, regions=[region("KZ-71")])
    moderator = make_user(role=Role.MODERATOR)
    before = _unchanged(report)

    for assignee in (elsewhere, observer):
        with pytest.raises(ModerationError):
            case_response.report_assign(report=report, assignee=assignee, actor=moderator)

    assert _unchanged(report) == before
    assert not AuditEntry.objects.filter(action="incidents.assigned").exists()


def test_an_assignment_that_fails_half_way_leaves_nothing_behind(reports, make_user, monkeypatch):
    report = reports[0]
    lawyer = make_user(role=Role.LAWYER, regions=[region("KZ-71")])
    before = _unchanged(report)

    def audit_down(**_kwargs):
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(case_response, "audit_record", audit_down)
    with pytest.raises(RuntimeError):
        case_response.report_assign(report=report, assignee=lawyer, actor=lawyer)

    assert _unchanged(report) == before  # neither the assignee nor the history line stayed


@pytest.mark.parametrize("duplicate", [HUGE, "abc", "-3"])
def test_a_bad_duplicate_number_is_refused_not_a_server_error(
    client, reports, make_user, duplicate
):
    client.force_login(make_user(role=Role.MODERATOR))
    before = _unchanged(reports[1])

    response = _post(client, reports[0], "ru", action="merge", duplicate=duplicate)

    assert response.status_code == 200
    assert "Выберите из перечисленных здесь сообщений об этом же событии." in (
        response.content.decode()
    )
    assert _unchanged(reports[1]) == before


def test_a_coordinator_cannot_merge_a_report_of_another_region(client, reports, make_user):
    astana, duplicate, almaty = reports
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]))

    refused = _post(client, astana, "kk", action="merge", duplicate=[duplicate.pk, almaty.pk])
    merged = _post(client, astana, "kk", action="merge", duplicate=[duplicate.pk])

    assert "Осында көрсетілген сол оқиға туралы хабарламалардың ішінен таңдаңыз." in (
        refused.content.decode()
    )
    assert merged.status_code == 302
    assert Report.objects.get(pk=almaty.pk).merged_into_id is None
    assert Report.objects.get(pk=duplicate.pk).merged_into_id == astana.pk


def test_an_answer_to_another_reports_complaint_is_refused(client, reports, make_user):
    astana, other, _almaty = reports
    moderator = make_user(role=Role.MODERATOR)
    foreign = case_response.referral_create(report=other, actor=moderator)
    client.force_login(moderator)

    for referral in (foreign.pk, HUGE, "x"):
        response = _post(client, astana, "ru", action="answer", referral=referral,
                         answer="Проверка начата", outcome="partly")  # fmt: skip
        assert response.status_code == 200
        assert "Выберите одну из жалоб по этому сообщению." in response.content.decode()

    foreign.refresh_from_db()
    assert (foreign.answer, foreign.outcome) == ("", Referral.Outcome.PENDING)


def test_redacting_another_reports_file_is_refused(client, reports, make_user):
    astana, other, _almaty = reports
    foreign = Evidence.objects.create(report=other, kind="photo", content_type="image/jpeg",
                                      size=10, sha256="ab" * 32, original="x.jpg",
                                      public_copy="copy.jpg")  # fmt: skip
    client.force_login(make_user(role=Role.MODERATOR))

    for evidence in (foreign.pk, HUGE):
        response = _post(client, astana, "kk", action="redact", evidence=evidence,
                         x0=0, y0=0, x1=50, y1=50, mode="blur")  # fmt: skip
        assert response.status_code == 200
        assert "Осы хабарламаның файлдарының бірін таңдаңыз." in response.content.decode()

    assert Evidence.objects.get(pk=foreign.pk).public_copy == "copy.jpg"
    assert not AuditEntry.objects.filter(action="incidents.evidence_redacted").exists()
