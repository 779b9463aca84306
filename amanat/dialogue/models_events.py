"""Online events: an agenda, registration with a waiting list, live questions from the
audience with one like per participant, and after the event a recording and a summary."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .posts import Post

__all__ = ["AgendaItem", "Event", "LiveQuestion", "QuestionLike", "Registration"]


class Event(models.Model):
    election = models.ForeignKey(
        "elections.Election",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("election"),
    )
    region = models.ForeignKey(
        "geography.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("region"),
    )
    title = models.CharField(_("title"), max_length=200)  # kk/ru/en: translation.py
    description = models.TextField(_("description"), blank=True, max_length=5000)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("places"), default=100)
    online_url = models.URLField(_("link to join online"), blank=True, max_length=500)
    # Embedded only when its host is in settings.AMANAT_VIDEO_EMBED_HOSTS, else a plain link.
    video_url = models.URLField(_("video stream"), blank=True, max_length=500)
    recording_url = models.URLField(_("recording"), blank=True, max_length=500)
    summary = models.TextField(_("summary after the event"), blank=True, max_length=10000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="dialogue_event_ends"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def is_running(self) -> bool:
        return self.starts_at <= timezone.now() < self.ends_at


class AgendaItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    time = models.TimeField(_("time"))  # Asia/Almaty, on the event's day
    title = models.CharField(_("item"), max_length=300)  # kk/ru/en: translation.py

    class Meta:
        ordering = ["time", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")

    def __str__(self) -> str:
        return f"{self.time:%H:%M} {self.title}"


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # The waiting list's order: when the person (last) asked for a place.
    queued_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="dialogue_one_registration")
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.event_id}/{self.user_id}: {self.status}"


class LiveQuestion(Post):
    """A question from the audience. `audience` is the asker's role when they asked: the
    statistics by audience group count it, so they do not change when a role does."""

    class State(models.TextChoices):
        NEW = "new", pgettext_lazy("live question", "New")
        SHORTLISTED = "shortlisted", pgettext_lazy("live question", "Shortlisted")
        LIVE = "live", pgettext_lazy("live question", "Live now")
        ANSWERED = "answered", pgettext_lazy("live question", "Answered")
        HIDDEN = "hidden", pgettext_lazy("live question", "Hidden")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"), max_length=500)
    # The name is never shown, to anyone (the byline tag's anonymous=True), moderators included.
    anonymous = models.BooleanField(_("ask anonymously"), default=False)
    audience = models.CharField(_("audience group"), max_length=32)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.NEW)
    likes = models.PositiveIntegerField(_("likes"), default=0)  # kept equal to the likes' rows
    state_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-likes", "-created_at", "-pk"]
        verbose_name = _("live question")
        verbose_name_plural = _("live questions")
        indexes = [models.Index(fields=["event", "state"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_public(self) -> bool:
        # A moderator's "hidden" state hides it as reports do.
        return self.is_shown and self.state != self.State.HIDDEN


class QuestionLike(models.Model):
    question = models.ForeignKey(LiveQuestion, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=32)  # the liker's role when they liked
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="dialogue_one_like")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ♥ {self.question_id}"
