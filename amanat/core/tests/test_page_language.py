"""Every role's pages, rendered in kk, ru and en, hold only strings of that language and no raw
codes (language_check.py). The data: the demo loader on a slice of its stations, plus one of
each thing a page lists (a moderated report, FAQ answers, an application, a critical alert,
an SOS), so that each page shows what a user would meet."""

import datetime
import uuid
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone, translation

from amanat.accounts.models import User
from amanat.core.tests.language_check import strings_not_in_language

from .language_check import visible_strings

LANGUAGES = ("kk", "ru", "en")
PUBLIC = [
    "/", "/calendar/", "/guides/", "/candidates/", "/complaint/", "/legal-help/ask/",
    "/legal-help/faq/", "/training/first-time-voters/", "/incidents/report/",
    "/incidents/follow-up/", "/incidents/", "/stations/", "/observers/apply/", "/search/?q=нельзя",
    "/observers/network/", "/checklists/summary/", "/accounts/login/",
]  # fmt: skip
PAGES = {
    "observer": ["/training/", "/observers/my-station/", "/checklists/", "/checklists/VT/",
                 "/observers/inbox/", "/results/protocol-photo/"],
    "moderator": ["/incidents/moderation/", "/incidents/moderation/{report}/",
                  "/incidents/overdue/"],
    "lawyer": ["/legal-help/queue/", "/legal-help/queue/{question}/"],
    "coordinator": ["/checklists/dashboard/", "/checklists/quality/VT/",
                    "/checklists/station/1/", "/observers/coverage/",
                    "/observers/coverage/KZ-71/", "/observers/applications/",
                    "/observers/applications/{application}/", "/observers/people/",
                    "/observers/people/{observer}/", "/observers/not-checked-in/",
                    "/observers/sos/", "/observers/sos/{sos}/", "/observers/broadcast/",
                    "/observers/deployments/propose/", "/observers/deployments/csv/"],
    "analyst": ["/results/reconciliation/", "/results/pvt/", "/results/entry/", "/forensics/"],
    "admin": ["/checklists/dashboard/", "/observers/coverage/", "/observers/applications/"],
    "citizen": PUBLIC,
}  # fmt: skip


def _slice_of_stations() -> str:
    """Every 10th demo station (station 1 in Astana among them): all regions, a fraction of
    the time."""
    import csv
    import io

    from amanat.demo.stations import COLUMNS, synthetic_station_rows

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(r for r in synthetic_station_rows() if int(r["number"]) % 10 == 1)
    return buffer.getvalue()


def _things_to_list() -> dict[str, int]:
    from amanat.checklists.models import CriticalAlert, FormVersion, Submission
    from amanat.elections.selectors import election_current
    from amanat.geography.models import PollingStation, Region
    from amanat.incidents.models import Category, Report
    from amanat.incidents.moderation import report_triage
    from amanat.incidents.timeline import event_add
    from amanat.legalhelp.models import FaqEntry, Question
    from amanat.observers.models import Application, Observer, SosAlert

    now, astana = timezone.now(), Region.objects.get(code="KZ-71")
    station = PollingStation.objects.get(number="1", district__region=astana)
    moderator = User.objects.get(username="moderator")
    report = Report.objects.create(
        source="web", description="Урну вынесли из зала.", occurred_at=now, region=astana,
        station=station, category=Category.objects.first(), follow_up_hash="x" * 64,
    )  # fmt: skip
    event_add(report, "received")
    with translation.override("ru"):  # the moderator works in Russian
        report_triage(report=report, actor=moderator, status="verified", credibility="single")
    question = Question.objects.create(
        region=astana, topic=FaqEntry._meta.get_field("topic").choices[0][0],
        text="Можно ли фотографировать бюллетень?", language="ru", follow_up_hash="y" * 64,
        due_at=now + datetime.timedelta(days=1), is_public=True,
    )  # fmt: skip
    for language, text in (("ru", "Нет, нельзя."), ("kk", "Жоқ, болмайды.")):
        FaqEntry.objects.create(question=text, answer=text, topic=question.topic,
                                language=language)  # fmt: skip
    application = Application.objects.create(
        full_name="Aigerim Saparova", phone="+77010000099", region=astana,
        languages=["kk", "ru"], availability=["election_day", "counting"], consent_at=now,
        pledge_version="1", pledge_accepted_at=now, follow_up_hash="z" * 64,
    )  # fmt: skip
    observer = Observer.objects.get(user__username="observer")
    version = FormVersion.objects.filter(form__code="VT").order_by("-number").first()
    submission = Submission.objects.create(
        client_id=uuid.uuid4(), version=version, election=election_current(), station=station,
        observer=observer, channel="sms", observed_at=now, raw={}, answers={"E": True, "F": 4},
    )  # fmt: skip
    CriticalAlert.objects.create(submission=submission, question_code="F")
    sos = SosAlert.objects.create(
        client_id=uuid.uuid4(), observer=observer, region=astana, station=station,
        raised_at=now, election=election_current(),
    )  # fmt: skip
    return {"report": report.pk, "question": question.pk, "application": application.pk,
            "observer": observer.pk, "sos": sos.pk}  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo on a slice of its stations, rolled back after the module."""
    from amanat.demo.services import demo_load

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            # After the count, so that the results pages (forensics, PVT) have figures.
            with mock.patch("amanat.demo.services.synthetic_station_csv", _slice_of_stations):
                demo_load(polls_closed=True)
            yield _things_to_list()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", list(PAGES))
def test_every_page_of_every_role_is_in_its_language(client, demo, role, lang):
    client.force_login(User.objects.get(username=role))
    problems = {}
    for path in PAGES[role]:
        url = f"/{lang}{path.format(**demo)}"
        response = client.get(url)
        assert response.status_code == 200, url
        if found := strings_not_in_language(response.content.decode(), lang):
            problems[url] = found
    assert problems == {}


@pytest.mark.django_db
def test_moderation_history_is_worded_in_the_readers_language(client, demo):
    """The moderator acted in Russian; the Kazakh page still reads Kazakh."""
    client.force_login(User.objects.get(username="moderator"))
    html = client.get(f"/kk/incidents/moderation/{demo['report']}/").content.decode()
    texts = visible_strings(html, "kk")

    assert any(text.endswith(" — Мәртебесі: Расталған") for text in texts), texts
    assert not [text for text in texts if "Статус" in text]


@pytest.mark.django_db
def test_alerts_name_the_form_question_and_answer(client, demo):
    client.force_login(User.objects.get(username="coordinator"))
    html = client.get("/ru/checklists/dashboard/").content.decode()

    assert "Голосование: Общая оценка голосования — Очень плохо" in html
    assert "VT F" not in html


@pytest.mark.django_db
def test_choice_answers_and_languages_are_shown_by_name(client, demo):
    client.force_login(User.objects.get(username="coordinator"))
    station = client.get("/ru/checklists/station/1/").content.decode()
    application = client.get(f"/ru/observers/applications/{demo['application']}/")

    assert "<td>Очень плохо</td>" in station
    assert "SMS · " in station
    texts = visible_strings(application.content.decode(), "ru")
    assert "Казахский, Русский" in texts
    assert "День голосования, весь день, Подсчёт (вечер и ночь)" in texts


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_forensics_names_regions_in_the_readers_language(client, demo, lang):
    client.force_login(User.objects.get(username="analyst"))
    response = client.post(f"/{lang}/forensics/", {"official-option": "1"})
    html = response.content.decode()

    assert response.status_code == 200
    assert {"kk": "Абай облысы", "ru": "область Абай", "en": "Abai Region"}[lang] in html
    assert strings_not_in_language(html, lang) == []


@pytest.mark.django_db
def test_faq_answers_of_another_language_are_labelled(client, demo):
    html = client.get("/kk/legal-help/faq/").content.decode()

    assert html.index("Жоқ, болмайды.") < html.index("Басқа тілдердегі жауаптар")
    assert '<div lang="ru"><h3>Нет, нельзя.</h3>' in html


@pytest.mark.parametrize(
    ("format_string", "expected"),
    [("j E Y", "5 желтоқсан 2026"), ("F", "желтоқсан"), ("N", "жел."), ("l", "сенбі")],
)
def test_kazakh_months_and_weekdays_are_lower_case(format_string, expected):
    from django.utils import dateformat

    with translation.override("kk"):
        assert dateformat.format(datetime.date(2026, 12, 5), format_string) == expected


@pytest.mark.parametrize(
    ("html", "lang", "expected"),
    [
        ("<p>Decision</p>", "ru", ["English msgid: Decision"]),
        ("<h2>Status</h2>", "kk", ["English msgid: Status"]),
        (
            "<td>counting, election_day</td>",
            "kk",
            [
                "raw code: counting, election_day",
                "English words counting, election, day: counting, election_day",
            ],
        ),
        ("<td>KZ-10</td>", "ru", ["region code: KZ-10"]),
        ("<dd>kk, ru</dd>", "en", ["raw code: kk, ru"]),
        ("<p>область Жетісу</p>", "ru", ["Kazakh letters on a Russian page: область Жетісу"]),
        ("<p>Голосование</p>", "en", ["Cyrillic on an English page: Голосование"]),
        ("<p>1200 voters</p>", "kk", ["English words voters: 1200 voters"]),
        ('<a lang="kk">Қазақша</a><code>media_monitor</code><p>a@b.kz</p>', "ru", []),
        ("<script>var election_day = 1;</script><p>Дауыс беру</p>", "kk", []),
        (
            '<html lang="en"><h1>Not Found</h1></html>',
            "kk",
            ["page language: en", "English words Not, Found: Not Found"],
        ),
    ],
)
def test_the_checker_flags_what_a_reader_would_not_understand(html, lang, expected):
    assert strings_not_in_language(html, lang) == expected
