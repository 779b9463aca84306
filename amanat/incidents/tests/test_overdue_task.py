"""The overdue check on beat's schedule: the assignee and the region's coordinators hear of a
missed response time once, and of a complaint whose legal deadline passed without an answer."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents import case_response
from amanat.incidents.models import Referral, Report
from amanat.incidents.services import ReportInput, categories_load, report_submit
from amanat.incidents.tasks import overdue_check
from amanat.notifications.models import Delivery, Notification
from amanat.observers.tests.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(settings, tmp_path, make_user):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    categories_load()
    station = PollingStationFactory(district=DistrictFactory(region=region("KZ-71")))
    report, _code = report_submit(data=ReportInput(
        client_id=uuid.uuid4(), source="citizen", station_number=station.number,
        description="Вброс бюллетеней в урну на участке, видели двое наблюдателей",
        category_code="stuffing", occurred_at=timezone.now() - timedelta(hours=1),
    ))  # fmt: skip
    lawyer = make_user(role=Role.LAWYER, regions=[region("KZ-71")], preferred_language="kk")
    moderator = make_user(role=Role.MODERATOR)
    return case_response.report_assign(report=report, assignee=lawyer, actor=moderator), moderator


def test_nothing_is_said_before_the_time(assigned, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_check.delay().get() == 0
    assert not Delivery.objects.exists()


def test_an_overdue_report_reaches_the_assignee_and_coordinators_once(
    assigned, make_user, django_capture_on_commit_callbacks
):
    report, _moderator = assigned
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71")])
    make_user(role=Role.COORDINATOR, regions=[region("KZ-75")])  # another region: not told
    Report.objects.filter(pk=report.pk).update(respond_by=timezone.now() - timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        overdue_check.delay()
        overdue_check.delay()  # beat runs again: nobody is told twice
    told = Notification.objects.filter(kind="incident_overdue")
    assert sorted(told.values_list("user_id", flat=True)) == sorted(
        [report.assigned_to_id, coordinator.pk]
    )
    lawyers = told.get(user=report.assigned_to)  # in the lawyer's own language, Kazakh
    assert (lawyers.language, lawyers.title) == ("kk", f"№{report.pk} хабарлама мерзімінен кешікті")
    assert lawyers.url.endswith(f"/incidents/moderation/{report.pk}/")
    # A new deadline is a new occasion.
    Report.objects.filter(pk=report.pk).update(respond_by=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        overdue_check.delay()
    assert Notification.objects.filter(kind="incident_overdue").count() == 4


def test_a_complaint_past_its_legal_deadline_is_raised(
    assigned, django_capture_on_commit_callbacks
):
    report, moderator = assigned
    referral = case_response.referral_create(report=report, actor=moderator)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.VERIFIED)
    Referral.objects.filter(pk=referral.pk).update(
        deadline=timezone.localdate() - timedelta(days=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        overdue_check.delay()
    told = Notification.objects.get(kind="referral_overdue", user=report.assigned_to)
    assert told.title == f"№{report.pk} хабарлама бойынша шағымға жауап жоқ"
    assert "Прокуратура" in told.body or "прокуратура" in told.body.lower()


def test_the_responsible_people_of_many_overdue_reports_are_found_in_one_query(
    assigned, make_user, monkeypatch, django_assert_num_queries
):
    """Overdue reports in three regions: one query for the reports, one for the complaints,
    one for every region's coordinators (not one per report)."""
    from amanat.incidents import tasks

    report, _moderator = assigned
    told: dict[int, set[int]] = {}

    def recorded(*, users, message, key, **_):
        told[int(key.split(":")[2])] = {user.pk for user in users}
        return []

    monkeypatch.setattr(tasks, "message_send", recorded)
    coordinators, reports = {}, [report]
    for code in ("KZ-71", "KZ-75", "KZ-35"):
        coordinators[code] = make_user(role=Role.COORDINATOR, regions=[region(code)])
    for code in ("KZ-75", "KZ-35"):
        station = PollingStationFactory(district=DistrictFactory(region=region(code)))
        reports.append(report_submit(data=ReportInput(
            client_id=uuid.uuid4(), source="citizen", station_number=station.number,
            description=f"Карусель на участке в регионе {code}, автобусы у входа",
            category_code="stuffing", occurred_at=timezone.now() - timedelta(hours=1),
        ))[0])  # fmt: skip
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(
        respond_by=timezone.now() - timedelta(minutes=5)
    )
    with django_assert_num_queries(3):
        tasks.overdue_check()
    assert told == {
        reports[0].pk: {coordinators["KZ-71"].pk, report.assigned_to_id},
        reports[1].pk: {coordinators["KZ-75"].pk},
        reports[2].pk: {coordinators["KZ-35"].pk},
    }
