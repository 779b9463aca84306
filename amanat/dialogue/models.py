"""Opinion maps: a conversation, its statements, the participants' votes, the latest analysis."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .posts import Post


class Conversation(models.Model):
    election = models.ForeignKey(
        "elections.Election",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("election"),
    )
    title = models.CharField(_("title"), max_length=200)  # kk/ru/en: translation.py
    description = models.TextField(_("description"), blank=True)
    is_open = models.BooleanField(_("open for votes"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Statement(Post):
    """A post (author, language, visibility after reports) with its own moderation status:
    only accepted statements are voted on; `visibility` hides one reported by readers."""

    TEXT_FIELD = "text"

    class Origin(models.TextChoices):
        SEED = "seed", _("Seed statement")
        PARTICIPANT = "participant", _("Added by a participant")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Moderated out")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.TextField(_("statement"), max_length=400)
    origin = models.CharField(_("origin"), max_length=12, choices=Origin.choices)
    status = models.CharField(
        _("moderation"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["conversation", "status"])]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_public(self) -> bool:
        # Pending and moderated-out statements are the moderators' business only.
        return self.is_shown and self.status == self.Status.ACCEPTED


class Vote(models.Model):
    """One row per participant and statement: a new vote replaces the old (the last counts)."""

    class Value(models.IntegerChoices):
        AGREE = 1, _("Agree")
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass / unsure")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    value = models.SmallIntegerField(_("vote"), choices=Value.choices)
    voted_at = models.DateTimeField(_("voted"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "participant"], name="dialogue_one_vote")
        ]
        indexes = [models.Index(fields=["conversation", "participant"])]

    def __str__(self) -> str:
        return f"{self.participant_id} → {self.statement_id}: {self.value}"


class Analysis(models.Model):
    """The latest opinion map of a conversation (amanat.dialogue.opinion's result)."""

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, related_name="analysis"
    )
    result = models.JSONField(default=dict)
    version = models.PositiveIntegerField(default=0)  # how many times it was computed
    computed_at = models.DateTimeField(null=True, blank=True)
    # Set when a recomputation is queued, cleared when it starts: one at a time (throttle).
    requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "analyses"

    def __str__(self) -> str:
        return f"{self.conversation_id} v{self.version}"


class Ban(models.Model):
    """A participant barred from posting in the dialogue, with the reason they are told.
    `until` empty: until a moderator lifts it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dialogue_bans"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ban")
        verbose_name_plural = _("bans")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.reason[:40]}"


from .models_debates import *  # noqa
from .models_events import *  # noqa: E402, F403
from .models_moderation import *  # noqa: E402, F403
from .models_voices import *  # noqa: E402, F403
