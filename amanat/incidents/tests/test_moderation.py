import csv
import io
import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.geography.tests.factories import PollingStationFactory
from amanat.incidents.moderation import (
    ModerationError,
    report_approve_publication,
    report_reveal_identity,
    report_triage,
)
from amanat.incidents.services import ReportInput, report_submit
from amanat.incidents.tests.factories import NAME, PHONE, WORDS
from amanat.observers.tests.factories import region

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    """A page's bytes, or a file's (the open data is served from its file, streamed)."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_only_verified_reports_are_published(report, make_user):
    moderator = make_user(role=Role.MODERATOR)
    with pytest.raises(ModerationError):
        report_approve_publication(report=report, actor=moderator, public_summary="Вброс.")
    report_triage(report=report, actor=moderator, status="verified", credibility="documented")
    published = report_approve_publication(report=report, actor=moderator, public_summary="Вброс.")
    assert published.is_published
    assert published.timeline.filter(kind="published").exists()


def test_a_sensitive_report_needs_two_different_people(report, make_user):
    first, second = make_user(role=Role.MODERATOR), make_user(role=Role.ADMIN)
    report.is_sensitive = True
    report.save()
    report_triage(report=report, actor=first, status="verified", credibility="observer")
    assert not report_approve_publication(
        report=report, actor=first, public_summary="x"
    ).is_published
    with pytest.raises(ModerationError):
        report_approve_publication(report=report, actor=first, public_summary="x")
    assert report_approve_publication(report=report, actor=second, public_summary="x").is_published


def test_revealing_the_reporter_is_admin_only_and_audited(report, make_user):
    with pytest.raises(ModerationError):
        report_reveal_identity(report=report, actor=make_user(role=Role.MODERATOR))
    admin = make_user(role=Role.ADMIN)
    assert report_reveal_identity(report=report, actor=admin)["contact"] == f"{NAME} {PHONE}"
    assert AuditEntry.objects.filter(action="incidents.identity_revealed", actor=admin).count() == 1


def test_no_public_page_export_or_api_answer_carries_personal_data(client, report, make_user):
    moderator = make_user(role=Role.MODERATOR)
    report_triage(report=report, actor=moderator, status="verified", credibility="documented",
                  note=f"Звонили {NAME}")  # fmt: skip
    report_approve_publication(report=report, actor=moderator, public_summary="Вброс на участке.")

    pages = [
        "/ru/incidents/", f"/ru/incidents/{report.pk}/", "/ru/incidents/export.csv",
        "/ru/incidents/export.geojson", "/api/v1/incidents", "/ru/observers/network/",
    ]  # fmt: skip
    for path in pages:
        text = body(client.get(path)).decode()
        for secret in (NAME, "Секретова", "999 88 77", WORDS):
            assert secret not in text, f"{secret} leaked on {path}"
    listing = client.get("/ru/incidents/").content.decode()
    assert 'href="?region=KZ-71"><rect' in listing
    assert 'class="heat-3"' in listing  # the only region with a published report
    geo = json.loads(body(client.get("/ru/incidents/export.geojson")))
    assert geo["features"][0]["geometry"]["coordinates"] == [71.4, 51.1]
    assert geo["features"][0]["properties"]["station"] == "71"
    assert "Вброс на участке." in body(client.get("/ru/incidents/export.csv")).decode()


def test_coordinators_moderate_their_regions_only(client, report, make_user):
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-75")]))
    assert client.get(f"/ru/incidents/moderation/{report.pk}/").status_code == 404
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]))
    page = client.get(f"/ru/incidents/moderation/{report.pk}/").content.decode()
    assert WORDS in page
    assert "Показать, кто сообщил" not in page  # only admins may see who reported


def test_reports_of_one_event_are_proposed_and_merged(report, make_user):
    from amanat.incidents.duplicates import duplicate_candidates, reports_merge
    from amanat.incidents.models import Report

    def another(text, station="71", hours=1, category="stuffing"):
        return report_submit(data=ReportInput(
            client_id=uuid.uuid4(), source="sms", station_number=station, description=text,
            category_code=category, occurred_at=timezone.now() - timedelta(hours=hours),
        ))[0]  # fmt: skip

    same = another("Видели вброс бюллетеней в урну на участке")
    far_in_time = another("Вброс бюллетеней на участке", hours=20)
    other_station = PollingStationFactory(district=report.station.district, number="72")
    elsewhere = another("Вброс бюллетеней на участке", station=other_station.number)
    unrelated = another("Очередь на входе, все спокойно", category="")

    proposed = [candidate for candidate, _score in duplicate_candidates(report)]
    assert proposed == [same]
    assert far_in_time not in proposed
    assert elsewhere not in proposed
    assert unrelated not in proposed

    incident = reports_merge(primary=report, others=[same], actor=make_user(role=Role.MODERATOR))
    assert list(incident.merged.all()) == [same]
    assert Report.objects.get(pk=same.pk).description.startswith("Видели")  # kept as it was
    assert incident.credibility == "corroborated"
    assert duplicate_candidates(report) == []


def test_the_moderation_page_proposes_and_merges(client, report, make_user):
    from amanat.incidents.models import Report

    same = report_submit(data=ReportInput(
        client_id=uuid.uuid4(), source="telegram", station_number="71",
        description="Вброс бюллетеней в урну, видели двое", category_code="stuffing",
        occurred_at=timezone.now() - timedelta(minutes=30),
    ))[0]  # fmt: skip
    client.force_login(make_user(role=Role.MODERATOR))
    page = client.get(f"/ru/incidents/moderation/{report.pk}/").content.decode()
    assert f'name="duplicate" value="{same.pk}"' in page
    client.post(f"/ru/incidents/moderation/{report.pk}/", {"action": "merge", "duplicate": same.pk})
    assert Report.objects.get(pk=same.pk).merged_into_id == report.pk


def test_assignment_referral_document_answer_and_overdue(client, report, make_user):
    import io

    from docx import Document as Docx

    from amanat.incidents import case_response
    from amanat.incidents.models import Report

    lawyer = make_user(role=Role.LAWYER, regions=[region("KZ-71")])
    moderator = make_user(role=Role.MODERATOR)
    assigned = case_response.report_assign(report=report, assignee=lawyer, actor=moderator)
    assert assigned.respond_by - timezone.now() > timedelta(hours=23)
    Report.objects.filter(pk=report.pk).update(respond_by=timezone.now() - timedelta(minutes=1))
    assert list(case_response.reports_overdue()) == [Report.objects.get(pk=report.pk)]

    referral = case_response.referral_create(report=report, actor=moderator)
    assert referral.body == "prosecutor"  # ballot stuffing: the rules send it there
    assert referral.deadline == referral.filed_on + timedelta(days=5)
    client.force_login(moderator)
    docx = client.get(f"/ru/incidents/moderation/{report.pk}/referral/{referral.pk}.docx")
    text = "\n".join(p.text for p in Docx(io.BytesIO(docx.content)).paragraphs)
    assert "Прокуратура: город Астана" in text
    assert "избирательный участок №71" in text
    assert "От: Сеть наблюдателей «Аманат»" in text
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert (
        client.get(f"/ru/incidents/moderation/{report.pk}/referral/{referral.pk}.pdf")[
            "Content-Type"
        ]
        == "application/pdf"
    )

    case_response.referral_answer(referral=referral, actor=moderator, answer="Проверка начата",
                             outcome="partly")  # fmt: skip
    kinds = list(report.timeline.values_list("kind", flat=True))
    assert kinds[-2:] == ["referred", "answer"]
    assert not case_response.referrals_overdue().exists()


def test_a_summary_typed_as_a_formula_is_exported_as_text(client, report, make_user):
    moderator = make_user(role=Role.MODERATOR)
    report_triage(report=report, actor=moderator, status="verified", credibility="documented")
    hostile = '=HYPERLINK("http://x","y")'
    report_approve_publication(report=report, actor=moderator, public_summary=hostile)

    text = body(client.get("/ru/incidents/export.csv")).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text)))
    cells = dict(zip(header, row, strict=True))
    assert cells["summary"] == "'" + hostile
    assert (cells["latitude"], cells["longitude"]) == ("51.1", "71.4")  # numbers as they were
