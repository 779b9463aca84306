"""Writes of online events: registration with a waiting list, live questions, likes and the
moderators' states of a question. Every check that depends on other rows runs under the
event's row lock, so two people taking the last place at once get one place and one wait."""

from datetime import datetime, time, timedelta
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send

from .models_events import AgendaItem, Event, LiveQuestion, QuestionLike, Registration
from .models_moderation import ModerationAction
from .moderation import posting_refused

Status = Registration.Status
State = LiveQuestion.State

# Which state a moderator may move a question to from each state. One question is live at a
# time: marking another live moves the current one to answered.
TRANSITIONS: dict[str, frozenset[str]] = {
    State.NEW: frozenset({State.SHORTLISTED, State.LIVE, State.ANSWERED, State.HIDDEN}),
    State.SHORTLISTED: frozenset({State.NEW, State.LIVE, State.ANSWERED, State.HIDDEN}),
    State.LIVE: frozenset({State.SHORTLISTED, State.ANSWERED, State.HIDDEN}),
    State.ANSWERED: frozenset({State.LIVE, State.HIDDEN}),
    State.HIDDEN: frozenset({State.NEW}),
}


class EventError(Exception):
    """A refusal the user is told about; `message` is already in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def video_embeddable(url: str) -> str | None:
    """The address to put in an iframe, or None when `url` must stay a plain link: only https
    on the default port, and only a host in settings.AMANAT_VIDEO_EMBED_HOSTS exactly (no
    suffix match, so youtube-nocookie.com.evil.example is not one of them)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    allowed = {h.strip().lower() for h in settings.AMANAT_VIDEO_EMBED_HOSTS if h.strip()}
    if parts.scheme != "https" or port not in (None, 443) or parts.username or host not in allowed:
        return None
    return parts.geturl()


def event_save(*, event: Event, agenda: list[tuple[time, dict[str, str]]], actor: User) -> Event:
    """Create or change an event and replace its agenda ((time, {language: title}) pairs)."""
    created = event.pk is None
    with transaction.atomic():
        if created:
            event.created_by = actor
        event.save()
        AgendaItem.objects.filter(event=event).delete()
        for at, titles in agenda:
            AgendaItem.objects.create(
                event=event, time=at, **{f"title_{code}": text for code, text in titles.items()}
            )
        audit_record(
            actor=actor, action="dialogue.event_created" if created else "dialogue.event_changed",
            obj=event, data={"title": event.title[:100]},
        )  # fmt: skip
    return event


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _registered(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Status.REGISTERED).count()


def registration_create(*, event: Event, user: User) -> Registration:
    """A place if one is free, else the end of the waiting list. Registering again while
    registered or waiting changes nothing (idempotent)."""
    if event.is_past:
        raise EventError(_("This event is over: registration is closed."))
    with transaction.atomic():
        event = _locked(event)
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration and registration.status != Status.CANCELLED:
            return registration
        status = Status.REGISTERED if _registered(event) < event.capacity else Status.WAITING
        if registration is None:
            registration = Registration.objects.create(event=event, user=user, status=status)
        else:
            registration.status, registration.queued_at = status, timezone.now()
            registration.promoted_at = registration.reminded_at = None
            registration.save(update_fields=["status", "queued_at", "promoted_at", "reminded_at"])
    return registration


def registration_cancel(*, event: Event, user: User) -> Registration | None:
    """Give up a place or leave the waiting list; a freed place goes to the first waiting
    person, who is told by e-mail. Cancelling twice changes nothing."""
    with transaction.atomic():
        event = _locked(event)
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is None or registration.status == Status.CANCELLED:
            return registration
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status"])
        if not event.is_past:
            waiting_promote(event=event)
    return registration


def waiting_promote(*, event: Event) -> list[Registration]:
    """Fill free places from the waiting list, first come first served. The caller holds the
    event's lock."""
    free = event.capacity - _registered(event)
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.filter(event=event, status=Status.WAITING)
        .select_related("user")
        .order_by("queued_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status, registration.promoted_at = Status.REGISTERED, now
        registration.save(update_fields=["status", "promoted_at"])
        message_send(
            users=[registration.user],
            message=partial(_promoted_message, event),
            key=f"event-promoted:{registration.pk}:{now.timestamp():.0f}",
        )
    return promoted


def _when(event: Event) -> str:
    return formats.date_format(timezone.localtime(event.starts_at), "DATETIME_FORMAT")


def _promoted_message(event: Event) -> Message:
    return Message(
        kind="event_place",
        subject=_("A place is free for you: %(title)s") % {"title": event.title},
        body=_(
            "Someone cancelled, and you move up from the waiting list: you are registered for "
            "“%(title)s” on %(time)s. If you cannot come, please cancel so the next person can."
        )
        % {"title": event.title, "time": _when(event)},
        url=reverse("dialogue:event", args=[event.pk]),
    )


def _reminder_message(event: Event) -> Message:
    return Message(
        kind="event_reminder",
        subject=_("Reminder: %(title)s") % {"title": event.title},
        body=_("“%(title)s” starts on %(time)s (Astana time). The link to join is on its page.")
        % {"title": event.title, "time": _when(event)},
        url=reverse("dialogue:event", args=[event.pk]),
    )


def reminders_send(*, now: datetime | None = None) -> int:
    """Remind each registered person once of an event starting within the reminder window.
    The delivery's key makes a second run (or a task run twice) plan nothing new."""
    now = now or timezone.now()
    window = now + timedelta(hours=settings.AMANAT_EVENT_REMINDER_HOURS)
    planned = 0
    for event in Event.objects.filter(starts_at__gt=now, starts_at__lte=window):
        due = Registration.objects.filter(
            event=event, status=Status.REGISTERED, reminded_at__isnull=True
        ).select_related("user")
        with transaction.atomic():
            registrations = list(due.select_for_update(of=("self",)))
            planned += len(
                message_send(
                    users=[r.user for r in registrations],
                    message=partial(_reminder_message, event),
                    key=f"event-reminder:{event.pk}",
                )
            )
            Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
                reminded_at=now
            )
    return planned


def question_ask(
    *, event: Event, user: User, text: str, anonymous: bool, language: str
) -> LiveQuestion:
    """A signed-in person's question, shown at once as new (moderators may hide it)."""
    ban = posting_refused(user)
    if ban is not None:
        raise EventError(_("You may not post in the dialogue: %(reason)s") % {"reason": ban.reason})
    if event.is_past:
        raise EventError(_("This event is over: it takes no more questions."))
    text = " ".join(text.replace("\x00", "").split())[:500]
    if len(text) < 5:
        raise EventError(_("Write your question first."))
    with transaction.atomic():
        earlier = LiveQuestion.objects.filter(event=event, author=user, text=text).first()
        if earlier is not None:  # the same question sent twice (a double click)
            return earlier
        return LiveQuestion.objects.create(
            event=event, author=user, text=text, anonymous=anonymous,
            language=language[:2] if language[:2] in ("kk", "ru", "en") else "ru",
            audience=user.role,
        )  # fmt: skip


def question_like(*, question: LiveQuestion, user: User) -> bool:
    """One like per participant and question; returns whether this call added it."""
    if question.state == State.HIDDEN or not question.is_shown:
        raise EventError(_("This question cannot be liked."))
    try:
        with transaction.atomic():
            QuestionLike.objects.create(question=question, user=user, audience=user.role)
            LiveQuestion.objects.filter(pk=question.pk).update(likes=F("likes") + 1)
    except IntegrityError:
        return False  # liked before: the constraint keeps it to one
    return True


def question_mark(*, question: LiveQuestion, state: str, moderator: User) -> LiveQuestion:
    """Move a question to `state` if the state machine allows it; audit-logged."""
    with transaction.atomic():
        question = LiveQuestion.objects.select_for_update().get(pk=question.pk)
        before = question.state
        if state == before:
            return question
        if state not in TRANSITIONS.get(before, frozenset()):
            raise EventError(_("This question cannot be moved to that state."))
        if state == State.LIVE:
            current = LiveQuestion.objects.filter(event_id=question.event_id, state=State.LIVE)
            for other in current.select_for_update():
                _set_state(other, State.ANSWERED, moderator)
        _set_state(question, state, moderator)
    return question


def _set_state(question: LiveQuestion, state: str, moderator: User) -> None:
    before = question.state
    question.state, question.state_changed_at = state, timezone.now()
    question.save(update_fields=["state", "state_changed_at"])
    audit_record(
        actor=moderator,
        action="dialogue.question_marked",
        obj=question,
        data={"event": question.event_id, "from": before, "to": state},
    )
    if state == State.HIDDEN and before != State.HIDDEN:
        # Hiding a question is moderation the public log counts, like a removed post.
        ModerationAction.objects.create(kind=ModerationAction.Kind.REMOVED, moderator=moderator)
