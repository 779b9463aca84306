"""Services of online events: registration and the waiting list, reminders, likes, the
moderators' state machine, and the embed allow-list."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.dialogue import services_events as services
from amanat.dialogue.models import Ban, LiveQuestion, QuestionLike, Registration
from amanat.dialogue.tasks_events import event_reminders_task

from .factories_events import EventFactory, LiveQuestionFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status
State = LiveQuestion.State


def statuses(event):
    return dict(Registration.objects.filter(event=event).values_list("user__username", "status"))


def test_places_then_waiting_list_in_order(make_user):
    event = EventFactory(capacity=2)
    people = [make_user(username=f"p{i}") for i in range(4)]
    got = [services.registration_create(event=event, user=p).status for p in people]
    assert got == [Status.REGISTERED, Status.REGISTERED, Status.WAITING, Status.WAITING]


def test_registering_twice_changes_nothing(make_user):
    event = EventFactory(capacity=1)
    person = make_user()
    first = services.registration_create(event=event, user=person)
    again = services.registration_create(event=event, user=person)
    assert again.pk == first.pk
    assert Registration.objects.filter(event=event).count() == 1
    assert again.status == Status.REGISTERED


def test_cancel_promotes_the_first_waiting_and_tells_them(
    make_user, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    holder, first, second = (make_user(username=n) for n in ("holder", "first", "second"))
    for person in (holder, first, second):
        services.registration_create(event=event, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(event=event, user=holder)
    assert statuses(event) == {
        "holder": Status.CANCELLED, "first": Status.REGISTERED, "second": Status.WAITING,
    }  # fmt: skip
    assert [m.to for m in mail.outbox] == [["first@example.org"]]
    assert event.title_ru in mail.outbox[0].subject
    # Cancelling again frees nothing more and tells nobody.
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(event=event, user=holder)
    assert statuses(event)["second"] == Status.WAITING
    assert len(mail.outbox) == 1


def test_cancelling_a_waiting_place_promotes_nobody(make_user):
    event = EventFactory(capacity=1)
    holder, waiting = make_user(), make_user()
    services.registration_create(event=event, user=holder)
    services.registration_create(event=event, user=waiting)
    services.registration_cancel(event=event, user=waiting)
    assert Registration.objects.get(user=holder).status == Status.REGISTERED
    assert Registration.objects.get(user=waiting).status == Status.CANCELLED


def test_registering_after_cancelling_goes_to_the_end_of_the_queue(make_user):
    event = EventFactory(capacity=1)
    holder, a, b = make_user(), make_user(), make_user()
    for person in (holder, a, b):
        services.registration_create(event=event, user=person)
    services.registration_cancel(event=event, user=a)
    services.registration_create(event=event, user=a)
    services.registration_cancel(event=event, user=holder)
    assert Registration.objects.get(user=b).status == Status.REGISTERED
    assert Registration.objects.get(user=a).status == Status.WAITING


def test_a_past_event_takes_no_registration(make_user):
    event = EventFactory(starts_at=timezone.now() - timedelta(hours=3))
    with pytest.raises(services.EventError):
        services.registration_create(event=event, user=make_user())
    assert not Registration.objects.exists()


def test_reminder_sent_once_to_the_registered_only(make_user, django_capture_on_commit_callbacks):
    soon = EventFactory(capacity=1, starts_at=timezone.now() + timedelta(hours=3))
    later = EventFactory(capacity=5, starts_at=timezone.now() + timedelta(days=3))
    registered, waiting, other = make_user(), make_user(), make_user()
    services.registration_create(event=soon, user=registered)
    services.registration_create(event=soon, user=waiting)
    services.registration_create(event=later, user=other)
    with django_capture_on_commit_callbacks(execute=True):
        assert event_reminders_task.delay().get() == 2  # inbox and e-mail
    with django_capture_on_commit_callbacks(execute=True):
        assert event_reminders_task.delay().get() == 0
    assert [m.to for m in mail.outbox] == [[registered.email]]
    assert soon.title_ru in mail.outbox[0].subject
    assert Registration.objects.get(user=registered).reminded_at is not None


def test_ask_records_the_askers_group_and_refuses_the_banned(make_user):
    event = EventFactory()
    journalist = make_user(role=Role.JOURNALIST)
    question = services.question_ask(
        event=event, user=journalist, text="  Когда  итоги? ", anonymous=True, language="kk"
    )
    assert (question.text, question.audience, question.language, question.state) == (
        "Когда итоги?", "journalist", "kk", State.NEW,
    )  # fmt: skip
    again = services.question_ask(
        event=event, user=journalist, text="Когда итоги?", anonymous=True, language="kk"
    )
    assert again.pk == question.pk
    banned = make_user()
    Ban.objects.create(user=banned, reason="Оскорбления")
    with pytest.raises(services.EventError, match="Оскорбления"):
        services.question_ask(event=event, user=banned, text="Вопрос?", anonymous=False,
                              language="ru")  # fmt: skip
    assert LiveQuestion.objects.count() == 1


def test_one_like_per_participant(make_user):
    question = LiveQuestionFactory()
    first, second = make_user(role=Role.EXPERT), make_user()
    assert services.question_like(question=question, user=first) is True
    assert services.question_like(question=question, user=first) is False
    assert services.question_like(question=question, user=second) is True
    question.refresh_from_db()
    assert question.likes == 2
    assert QuestionLike.objects.filter(question=question).count() == 2


def test_a_hidden_question_cannot_be_liked(make_user):
    question = LiveQuestionFactory(state=State.HIDDEN)
    with pytest.raises(services.EventError):
        services.question_like(question=question, user=make_user())
    question.refresh_from_db()
    assert question.likes == 0


def test_state_machine_and_one_live_question_audited(make_user):
    moderator = make_user(role=Role.MODERATOR)
    event = EventFactory()
    first, second = LiveQuestionFactory(event=event), LiveQuestionFactory(event=event)
    services.question_mark(question=first, state=State.SHORTLISTED, moderator=moderator)
    services.question_mark(question=first, state=State.LIVE, moderator=moderator)
    services.question_mark(question=second, state=State.LIVE, moderator=moderator)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (State.ANSWERED, State.LIVE)
    services.question_mark(question=second, state=State.HIDDEN, moderator=moderator)
    with pytest.raises(services.EventError):  # hidden goes back to new only
        services.question_mark(question=second, state=State.LIVE, moderator=moderator)
    second.refresh_from_db()
    assert second.state == State.HIDDEN
    marks = AuditEntry.objects.filter(action="dialogue.question_marked").order_by("pk")
    assert [(e.data["from"], e.data["to"]) for e in marks] == [
        ("new", "shortlisted"), ("shortlisted", "live"), ("live", "answered"),
        ("new", "live"), ("live", "hidden"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("url", "embedded"),
    [
        ("https://www.youtube-nocookie.com/embed/abc", True),
        ("https://player.vimeo.com/video/1", True),
        ("https://evil.example/embed/abc", False),
        ("https://www.youtube-nocookie.com.evil.example/embed/abc", False),
        ("https://www.youtube-nocookie.com@evil.example/embed/abc", False),
        ("http://www.youtube-nocookie.com/embed/abc", False),
        ("https://www.youtube-nocookie.com:8443/embed/abc", False),
        ("javascript:alert(1)//www.youtube-nocookie.com", False),
        ("https://evil.example/?u=https://player.vimeo.com/", False),
    ],
)
def test_embed_allow_list(url, embedded):
    assert (services.video_embeddable(url) is not None) is embedded
