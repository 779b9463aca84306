"""Pages of online events: lists, the event page, registration, questions, likes, moderation,
the hall's screen, statistics, iCalendar, the embed allow-list and the content policy."""

from datetime import UTC, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from amanat.accounts.roles import Role
from amanat.dialogue import services_events as services
from amanat.dialogue.models import Event, LiveQuestion, Registration

from .factories_events import EventFactory, LiveQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_list_upcoming_and_past_search_and_empty_states(client):
    soon = EventFactory(title_en="Count briefing")
    EventFactory(title_en="Lawyers answer")
    old = EventFactory(
        title_en="Training recap", starts_at=timezone.now() - timedelta(days=3), capacity=5
    )
    page = client.get(reverse("dialogue:events")).content.decode()
    assert "Count briefing" in page
    assert "Lawyers answer" in page
    assert "Training recap" not in page
    past = client.get(reverse("dialogue:events") + "?when=past").content.decode()
    assert "Training recap" in past
    assert "Count briefing" not in past
    found = client.get(reverse("dialogue:events") + "?q=count").content.decode()
    assert "Count briefing" in found
    assert "Lawyers answer" not in found
    none = client.get(reverse("dialogue:events") + "?q=zzz").content.decode()
    assert "No event matches" in none
    Event.objects.filter(pk__in=[soon.pk, old.pk]).delete()
    assert "Lawyers answer" in client.get(reverse("dialogue:events")).content.decode()
    Event.objects.all().delete()
    assert "No event is planned" in client.get(reverse("dialogue:events")).content.decode()


def test_list_paginates(client):
    for _ in range(12):
        EventFactory()
    first = client.get(reverse("dialogue:events")).content.decode()
    assert first.count('class="card event-card"') == 10
    second = client.get(reverse("dialogue:events") + "?page=2").content.decode()
    assert second.count('class="card event-card"') == 2


def test_register_then_cancel_with_confirmations(client, make_user):
    event = EventFactory(capacity=1, online_url="https://meet.example/room")
    client.force_login(make_user())
    page = client.get(reverse("dialogue:event", args=[event.pk])).content.decode()
    assert "https://meet.example/room" not in page  # the link is for the registered
    response = client.post(reverse("dialogue:event_register", args=[event.pk]), follow=True)
    page = response.content.decode()
    assert "You are registered. The link to join is on this page." in page
    assert "https://meet.example/room" in page
    client.force_login(make_user())
    response = client.post(reverse("dialogue:event_register", args=[event.pk]), follow=True)
    assert "you are on the waiting list" in response.content.decode()
    response = client.post(reverse("dialogue:event_cancel", args=[event.pk]), follow=True)
    assert "Your registration is cancelled." in response.content.decode()
    assert list(Registration.objects.order_by("pk").values_list("status", flat=True)) == [
        "registered", "cancelled",
    ]  # fmt: skip


def test_ask_like_and_order(client, make_user):
    event = EventFactory()
    older = LiveQuestionFactory(event=event, text="Older question?", likes=3)
    client.force_login(make_user(role=Role.EXPERT))
    response = client.post(
        reverse("dialogue:question_ask", args=[event.pk]),
        {"text": "<script>alert(1)</script> Newer question?"}, follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "Thank you: your question is in the list." in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    newer = LiveQuestion.objects.exclude(pk=older.pk).get()
    assert newer.audience == "expert"
    by_likes = client.get(reverse("dialogue:event_questions", args=[event.pk])).content.decode()
    assert by_likes.index("Older question?") < by_likes.index("Newer question?")
    url = reverse("dialogue:event_questions", args=[event.pk]) + "?order=new"
    by_time = client.get(url).content.decode()
    assert by_time.index("Newer question?") < by_time.index("Older question?")
    like = reverse("dialogue:question_like", args=[newer.pk])
    for _ in range(2):
        response = client.post(like, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()
    newer.refresh_from_db()
    assert newer.likes == 1


def test_only_moderators_mark_and_the_live_question_leads(client, make_user):
    event = EventFactory()
    first, second = LiveQuestionFactory(event=event, likes=5), LiveQuestionFactory(event=event)
    client.force_login(make_user())
    mark = reverse("dialogue:question_mark", args=[second.pk])
    assert client.post(mark, {"state": "live"}).status_code == 403
    second.refresh_from_db()
    assert second.state == "new"
    client.force_login(make_user(role=Role.MODERATOR))
    response = client.post(mark, {"state": "live"}, follow=True)
    assert "The question&#x27;s state is changed." in response.content.decode()
    page = client.get(reverse("dialogue:event_questions", args=[event.pk])).content.decode()
    assert page.index(second.text) < page.index(first.text)
    response = client.post(mark, {"state": "nonsense"}, follow=True)
    assert "Choose a state for the question." in response.content.decode()


def test_hidden_questions_are_for_moderators_only(client, make_user):
    event = EventFactory()
    LiveQuestionFactory(event=event, text="Spam question here", state="hidden")
    url = reverse("dialogue:event_questions", args=[event.pk])
    assert "Spam question here" not in client.get(url).content.decode()
    client.force_login(make_user(role=Role.MODERATOR))
    assert "Spam question here" in client.get(url).content.decode()


def test_anonymous_askers_name_is_on_no_page(client, make_user):
    event = EventFactory()
    asker = make_user(first_name="Жасырынбек", last_name="Тайныбаев", username="hidden_one")
    question = services.question_ask(
        event=event, user=asker, text="Who pays for the ballots?", anonymous=True, language="en"
    )
    services.question_mark(
        question=question, state="live", moderator=make_user(role=Role.MODERATOR)
    )
    urls = [
        reverse("dialogue:event", args=[event.pk]),
        reverse("dialogue:event_questions", args=[event.pk]),
        reverse("dialogue:event_screen", args=[event.pk]),
    ]
    viewers = [None, make_user(), make_user(role=Role.MODERATOR), make_user(role=Role.ADMIN)]
    for viewer in viewers:
        client.logout()
        if viewer:
            client.force_login(viewer)
        for url in urls:
            page = client.get(url).content.decode()
            assert "Who pays for the ballots?" in page
            assert "Anonymous" in page
            for secret in ("Жасырынбек", "Тайныбаев", "hidden_one"):
                assert secret not in page, (viewer, url)


def test_screen_shows_the_live_and_the_shortlisted_without_controls(client):
    event = EventFactory()
    LiveQuestionFactory(event=event, text="Live one?", state="live")
    LiveQuestionFactory(event=event, text="Next one?", state="shortlisted")
    LiveQuestionFactory(event=event, text="Fresh one?", state="new")
    page = client.get(reverse("dialogue:event_screen", args=[event.pk])).content.decode()
    assert "Live one?" in page
    assert "Next one?" in page
    assert "Fresh one?" not in page
    assert "<form" not in page
    assert "<button" not in page
    assert 'hx-trigger="every 4s"' in page
    part = client.get(reverse("dialogue:event_screen", args=[event.pk]), HTTP_HX_REQUEST="true")
    assert part.content.decode().lstrip().startswith("<main")


def test_statistics_count_questions_and_likes_by_audience_group(make_user):
    from amanat.dialogue.selectors_events import audience_stats

    event = EventFactory()
    journalist, expert = make_user(role=Role.JOURNALIST), make_user(role=Role.EXPERT)
    citizens = [make_user() for _ in range(3)]
    asked = [
        services.question_ask(
            event=event, user=u, text=f"Question {i}?", anonymous=False, language="ru"
        )  # fmt: skip
        for i, u in enumerate([journalist, journalist, expert])
    ]
    hidden = services.question_ask(
        event=event, user=citizens[0], text="Hidden one?", anonymous=False, language="ru"
    )
    for person in citizens:
        services.question_like(question=asked[0], user=person)
    services.question_like(question=asked[2], user=journalist)
    services.question_like(question=hidden, user=expert)
    services.question_mark(question=hidden, state="hidden", moderator=make_user(role="moderator"))
    rows = {r.group: (r.questions, r.likes_received, r.likes_given) for r in audience_stats(event)}
    assert rows == {"Journalist": (2, 3, 1), "Expert": (1, 1, 0), "Citizen": (0, 0, 3)}


def test_ical_has_utc_times_uid_and_escaped_text(client):
    starts = timezone.now().replace(microsecond=0, second=0) + timedelta(days=2)
    event = EventFactory(
        title_en="Count; watch, and ask\\why", description_en="Line one\nLine two, more",
        starts_at=starts, online_url="https://meet.example/room",
    )  # fmt: skip
    response = client.get(reverse("dialogue:event_ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    raw = response.content.decode()
    assert f"DTSTART:{starts.astimezone(UTC):%Y%m%dT%H%M%S}Z" in raw
    assert f"DTEND:{(starts + timedelta(hours=2)).astimezone(UTC):%Y%m%dT%H%M%S}Z" in raw
    assert "SUMMARY:Count\\; watch\\, and ask\\\\why" in raw
    assert "Line one\\nLine two\\, more" in raw
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    item = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(item["uid"]) == f"dialogue-event-{event.pk}@127.0.0.1"
    assert str(item["summary"]) == "Count; watch, and ask\\why"
    assert item["dtstart"].dt == starts


def test_allowed_video_is_embedded_and_framed_by_policy(client):
    event = EventFactory(video_url="https://www.youtube-nocookie.com/embed/abc")
    response = client.get(reverse("dialogue:event", args=[event.pk]))
    assert '<iframe src="https://www.youtube-nocookie.com/embed/abc"' in response.content.decode()
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]


def test_evil_video_host_is_a_plain_link_and_never_framed(client):
    evil = "https://www.youtube-nocookie.com.evil.example/embed/abc"
    event = EventFactory(video_url=evil)
    response = client.get(reverse("dialogue:event", args=[event.pk]))
    page = response.content.decode()
    assert "<iframe" not in page
    assert f'<a href="{evil}"' in page
    assert "frame-src" not in response["Content-Security-Policy"]


def test_past_event_shows_recording_link_and_summary(client):
    event = EventFactory(
        starts_at=timezone.now() - timedelta(days=2),
        recording_url="https://video.example/rec", summary_en="We covered the SOS button.",
    )  # fmt: skip
    page = client.get(reverse("dialogue:event", args=[event.pk])).content.decode()
    assert '<a href="https://video.example/rec"' in page
    assert "We covered the SOS button." in page
    assert "registration is closed" in page


def test_staff_create_an_event_with_an_agenda(client, make_user):
    url = reverse("dialogue:event_new")
    client.force_login(make_user())
    assert client.get(url).status_code == 403
    client.force_login(make_user(role=Role.ANALYST))
    data = {
        "title_ru": "Брифинг", "title_kk": "Брифинг", "starts_at": "2030-03-10T10:00",
        "ends_at": "2030-03-10T12:00", "capacity": "50",
        "agenda_ru": "10:00 Открытие\n10:30 Вопросы", "agenda_kk": "10:00 Ашылу",
    }  # fmt: skip
    bad = client.post(url, data | {"agenda_ru": "Открытие без времени"})
    assert bad.status_code == 400
    assert not Event.objects.exists()
    response = client.post(url, data, follow=True)
    assert "The event is saved." in response.content.decode()
    event = Event.objects.get()
    assert timezone.localtime(event.starts_at).hour == 10
    assert [(f"{a.time:%H:%M}", a.title_ru, a.title_kk) for a in event.agenda.all()] == [
        ("10:00", "Открытие", "Ашылу"), ("10:30", "Вопросы", None),
    ]  # fmt: skip


def test_event_page_queries_do_not_grow_with_the_questions(client, make_user):
    event = EventFactory()
    client.force_login(make_user(role=Role.MODERATOR))
    url = reverse("dialogue:event", args=[event.pk])

    def queries_for(questions: int) -> int:
        for _ in range(questions):
            LiveQuestionFactory(event=event, author=make_user())
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries_for(3) == queries_for(12)


def test_screen_shows_volunteers_translations_in_the_readers_language(make_user):
    from django.test import Client

    from amanat.dialogue import services_moderation

    event = EventFactory()
    live = LiveQuestionFactory(event=event, text="Кто считает голоса?", language="ru", state="live")
    coming = LiveQuestionFactory(
        event=event, text="Когда объявят итоги?", language="ru", state="shortlisted"
    )
    for question, text in ((live, "Дауыстарды кім санайды?"), (coming, "Қорытынды қашан?")):
        services_moderation.translation_add(
            post=question, translator=make_user(), language="kk", text=text
        )
    with translation.override("kk"):
        url = reverse("dialogue:event_screen", args=[event.pk])
    page = Client().get(url).content.decode()
    assert "Дауыстарды кім санайды?" in page
    assert "Қорытынды қашан?" in page
    assert page.count("post-translation") == 2  # labelled as volunteers' translations


def test_a_reported_question_stays_reported_after_the_list_refreshes(make_user, client):
    from django.contrib.contenttypes.models import ContentType

    event = EventFactory()
    reported = LiveQuestionFactory(event=event, text="Rude one?")
    other = LiveQuestionFactory(event=event, text="Fine one?")
    client.force_login(make_user())
    ct = ContentType.objects.get_for_model(LiveQuestion).pk
    with translation.override("en"):
        report_url = reverse("dialogue:post_report", kwargs={"ct": ct, "pk": reported.pk})
        list_url = reverse("dialogue:event_questions", args=[event.pk])
        page_url = reverse("dialogue:event", args=[event.pk])
    response = client.post(report_url, {"reason": "abuse", "text": ""}, HTTP_HX_REQUEST="true")
    assert "Thank you" in response.content.decode()
    part = client.get(list_url, HTTP_HX_REQUEST="true").content.decode()
    # The poll shows "already reported" for that question and the form only for the other.
    mine = part.split(f'id="question-{reported.pk}"')[1].split("</li>")[0]
    theirs = part.split(f'id="question-{other.pk}"')[1].split("</li>")[0]
    assert "You have already reported this post" in mine
    assert "post-report" not in mine
    assert "post-report" in theirs
    # The page loads the script that holds the poll while a report form is open.
    page = client.get(page_url).content.decode()
    assert "amanat/js/questions.js" in page
    assert 'hx-trigger="every 5s"' in page
