"""Every moderator's action says what it did, in the moderator's language; the follow-up
page opens empty (no "required field" before anything is typed) and looks up ?code=."""

import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.formats import date_format

from amanat.accounts.roles import Role
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents.models import Report
from amanat.incidents.services import ReportInput, categories_load, report_submit
from amanat.incidents.tests.factories import photo_with_gps
from amanat.observers.tests.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(settings, tmp_path):
    """A report with a photo, and its follow-up code."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    categories_load()
    PollingStationFactory(district=DistrictFactory(region=region("KZ-71")), number="71")
    return report_submit(data=ReportInput(
        client_id=uuid.uuid4(), source="citizen", station_number="71",
        description="Вброс бюллетеней в урну у окна", category_code="stuffing",
        occurred_at=timezone.now() - timedelta(hours=1),
        files=[("a.jpg", photo_with_gps())],
    ))  # fmt: skip


def messages_on(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_each_moderation_action_confirms_itself_in_russian(client, reported, make_user):
    report, _code = reported
    lawyer = make_user(role=Role.LAWYER, regions=[region("KZ-71")], first_name="Асель",
                       last_name="Нурова")  # fmt: skip
    client.force_login(make_user(role=Role.MODERATOR))
    page = f"/ru/incidents/moderation/{report.pk}/"

    def act(**data):
        response = client.post(page, data, follow=True)
        assert response.status_code == 200
        return messages_on(response)

    assert act(action="triage", status="verified", credibility="documented", note="") == [
        "Сохранено: Подтверждено, Подтверждено доказательствами."
    ]
    assert act(action="redact", evidence=report.evidence.get().pk, x0=0, y0=0, x1=50, y1=50,
               mode="blur") == [
        "Область размыта: проверьте фотографию ниже перед публикацией."]  # fmt: skip
    assert act(action="publish", summary="Вброс бюллетеней на участке 71.") == [
        "Опубликовано: сообщение в общем списке."
    ]
    assigned = act(action="assign", assignee=lawyer.pk)
    report.refresh_from_db()
    with translation.override("ru"):
        when = date_format(timezone.localtime(report.respond_by), "j E H:i")
    assert assigned == [f"Назначено: Асель Нурова, ответить до {when}."]
    refer = act(action="refer", body="", language="ru")
    referral = report.referrals.get()
    body = referral.get_body_display()
    assert refer == [f"Жалоба подготовлена, адресат: {body}. Скачайте её ниже."]
    assert act(action="answer", referral=referral.pk, answer="Проверка назначена",
               outcome="pending") == [
        f"Ответ сохранён ({body})."]  # fmt: skip


def test_a_second_approval_is_asked_for_in_kazakh(client, reported, make_user):
    report, _code = reported
    Report.objects.filter(pk=report.pk).update(status="verified", is_sensitive=True)
    client.force_login(make_user(role=Role.MODERATOR))

    response = client.post(f"/kk/incidents/moderation/{report.pk}/",
                           {"action": "publish", "summary": "Бюллетеньдер салынды."},
                           follow=True)  # fmt: skip

    assert messages_on(response) == [
        "Сіздің мақұлдауыңыз жазылды: жариялау үшін екінші модератор мақұлдауы керек."
    ]


def test_a_hand_made_action_is_refused_with_a_message_not_stored(client, reported, make_user):
    report, _code = reported
    client.force_login(make_user(role=Role.MODERATOR))

    page = f"/en/incidents/moderation/{report.pk}/"
    evidence = report.evidence.get().pk
    response = client.post(page, {"action": "triage", "status": "deleted", "credibility": "x"})
    redact = client.post(page, {"action": "redact", "evidence": evidence, "x0": "a"})
    elsewhere = make_user(role=Role.LAWYER, regions=[region("KZ-75")])
    assign = client.post(page, {"action": "assign", "assignee": elsewhere.pk})
    typo = client.post(page, {"action": "assign", "assignee": "abc"})

    assert "Select a valid choice. deleted is not one of the available choices." in (
        response.content.decode()
    )
    assert redact.status_code == 200
    assert "Enter a number." in redact.content.decode()
    assert assign.status_code == typo.status_code == 200
    for refused in (assign, typo):
        assert "Choose a lawyer or coordinator of the report&#x27;s region." in (
            refused.content.decode()
        )
    report = Report.objects.get(pk=report.pk)
    assert (report.status, report.assigned_to) == ("new", None)


def test_the_follow_up_form_opens_without_errors(client):
    page = client.get("/ru/incidents/follow-up/").content.decode()

    assert "Обязательное поле." not in page
    assert 'class="field invalid"' not in page
    assert 'name="code"' in page


def test_a_code_in_the_address_is_filled_in_and_looked_up(client, reported):
    report, code = reported

    found = client.get("/ru/incidents/follow-up/", {"code": code})
    unknown = client.get("/ru/incidents/follow-up/", {"code": "AAAA-BBBB-CCCC"})

    assert found.status_code == 200
    assert found.context["report"] == report
    assert 'id="report-status">Новое<' in found.content.decode()
    assert unknown.status_code == 400
    assert 'value="AAAA-BBBB-CCCC"' in unknown.content.decode()
    assert "Сообщения с таким кодом нет." in unknown.content.decode()


def test_added_information_is_confirmed(client, reported):
    report, code = reported
    client.get("/ru/incidents/follow-up/", {"code": code})

    added = client.post("/ru/incidents/follow-up/", {
        "action": "add", "text": "Номер машины записан",
        "evidence": SimpleUploadedFile("b.jpg", photo_with_gps(), "image/jpeg"),
    }, follow=True)  # fmt: skip

    assert messages_on(added) == ["Спасибо: ваши сведения добавлены к сообщению."]
    assert added.context["report"] == report
