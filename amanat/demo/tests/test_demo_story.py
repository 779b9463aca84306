"""Guard: the loaded demo tells one story, the election being held today as the demo is seen,
and every list a visitor or a demo login opens has examples in it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.models import Certificate, Program, User
from amanat.checklists.models import CriticalAlert, Submission
from amanat.elections.models import BallotOption, OfficialResult
from amanat.elections.selectors import election_current
from amanat.geography.models import Region
from amanat.incidents.models import Evidence, Report
from amanat.legalhelp.models import FaqEntry, Question
from amanat.observers.models import CheckIn, SosAlert
from amanat.observers.selectors import coverage_by_region
from amanat.training.models import Attempt, Course
from amanat.voterinfo.models import Guide

pytestmark = pytest.mark.django_db
LANGS = ("kk", "ru", "en")


def _on(day, moments) -> bool:
    """Every moment on the demo's day, none in the future."""
    now = timezone.now()
    return all(timezone.localdate(m) == day and m <= now for m in moments)


def test_opening_and_voting_reports_came_in_today_from_every_region(demo, demo_day):
    for code, at_least in (("OP", 300), ("VT", 200)):
        reports = Submission.objects.filter(version__form__code=code, election=election_current())
        assert reports.count() >= at_least, code
        assert _on(demo_day, reports.values_list("observed_at", flat=True)), code
        regions = set(reports.values_list("station__district__region__code", flat=True))
        assert regions == set(Region.objects.values_list("code", flat=True)), code
    alerts = CriticalAlert.objects.select_related("submission")
    assert 0 < alerts.count() < 0.2 * Submission.objects.count()
    assert all(a.created_at == a.submission.observed_at for a in alerts)  # raised on receipt


def test_observers_checked_in_before_their_reports_and_the_demo_observer_at_station_1(
    demo, demo_day
):
    checkins = CheckIn.objects.filter(election=election_current())
    assert checkins.count() >= 300
    assert _on(demo_day, checkins.values_list("checked_in_at", flat=True))
    mine = checkins.get(observer__user__username="observer")
    assert mine.station.number == "1"
    opening = Submission.objects.get(observer__user__username="observer")
    assert (opening.version.form.code, opening.station.number) == ("OP", "1")
    assert mine.checked_in_at <= opening.observed_at


def test_no_official_results_while_the_polls_are_open(demo):
    """The demo is election day as it goes: results come after 20:00 (--polls-closed)."""
    assert not OfficialResult.objects.exists()
    assert not Submission.objects.filter(version__form__code__in=["CL", "PR"]).exists()


def test_incidents_published_with_clean_photos_and_others_being_checked(demo, demo_day):
    published = Report.objects.filter(is_published=True)
    assert published.count() == 7
    assert all(r.public_summary and r.status == "verified" for r in published)
    assert _on(demo_day, Report.objects.values_list("occurred_at", flat=True))
    assert _on(demo_day, Report.objects.values_list("received_at", flat=True))
    assert all(r.occurred_at <= r.received_at <= r.published_at for r in published)
    photos = Evidence.objects.filter(report__is_published=True, kind="photo")
    assert photos.count() == 2
    assert all(p.public_copy for p in photos)
    statuses = set(Report.objects.filter(is_published=False).values_list("status", flat=True))
    assert statuses == {"new", "triage", "verified", "rejected", "unconfirmed"}
    waiting = Report.objects.get(is_published=False, status="verified")
    assert waiting.is_sensitive
    assert waiting.approvals.count() == 1


def test_published_photo_has_no_camera_metadata(demo, client):
    import io

    from PIL import Image

    evidence = Evidence.objects.filter(report__is_published=True, kind="photo").first()
    response = client.get(f"/evidence/{evidence.public_id}.jpg")
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)
                                  if response.streaming else response.content))  # fmt: skip
    assert dict(image.getexif()) == {}


def test_faq_answers_in_each_language_and_questions_waiting_for_the_lawyer(demo, client):
    assert sorted(FaqEntry.objects.values_list("language", flat=True)) == sorted(LANGS * 4)
    assert Question.objects.filter(status="open").count() == 3
    for lang in LANGS:
        page = client.get(f"/{lang}/legal-help/faq/").content.decode()
        entry = FaqEntry.objects.filter(language=lang).first()
        assert entry.question[:40] in page, lang


def test_guides_and_candidates_programmes_are_published(demo, client):
    assert Guide.objects.count() > 0
    compared = BallotOption.objects.filter(positions__isnull=False).distinct()
    assert compared.count() == 3
    for option in compared:
        candidate = option.candidate
        for lang in LANGS:
            assert getattr(candidate, f"programme_{lang}"), (candidate, lang)
            page = client.get(f"/{lang}/candidate/{candidate.pk}/").content.decode()
            position = option.positions.first()
            assert getattr(position, f"text_{lang}") in page, (candidate, lang)
            assert "has not been published" not in page


def test_coverage_over_all_twenty_regions(demo):
    rows = coverage_by_region(election=election_current(), regions=Region.objects.all())
    assert len(rows) == 20
    assert all(row.covered > 0 for row in rows), [r.key.code for r in rows if not r.covered]


def test_the_observers_certificate_matches_the_courses_passed(demo):
    user = User.objects.get(username="observer")
    certificate = Certificate.objects.get(user=user, program=Program.OBSERVER)
    required = Course.objects.filter(program=Program.OBSERVER, required=True, is_published=True)
    passed = Attempt.objects.filter(user=user, passed=True)
    assert set(passed.values_list("quiz__course__slug", flat=True)) == set(
        required.values_list("slug", flat=True)
    )
    assert len(required) == 3
    last = max(passed.values_list("finished_at", flat=True))
    assert certificate.issued_at >= last
    assert certificate.issued_at < timezone.now() - timedelta(days=7)  # trained before the day


def test_sos_alerts_in_astana_for_the_coordinator_and_lawyer(demo, demo_day):
    alerts = SosAlert.objects.filter(region__code="KZ-71")
    assert sorted(alerts.values_list("status", flat=True)) == ["acknowledged", "closed"]
    assert SosAlert.objects.filter(status="open").count() == 1
    assert _on(demo_day, SosAlert.objects.values_list("raised_at", flat=True))


def test_applications_wait_for_the_astana_coordinator(demo, client, demo_day):
    from amanat.observers.models import Application

    waiting = Application.objects.filter(region__code="KZ-71", status="submitted")
    assert waiting.count() == 3
    assert all(timezone.localdate(a.submitted_at) < demo_day for a in waiting)
    client.force_login(User.objects.get(username="coordinator"))
    page = client.get("/ru/observers/applications/").content.decode()
    for application in waiting:
        assert f'href="/ru/observers/applications/{application.pk}/"' in page
