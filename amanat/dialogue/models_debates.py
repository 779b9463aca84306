"""Debates: a question opened by staff or a participant, arguments for and against, threaded
comments whose top level takes a stance, endorsements, and a written conclusion on closing.
The debate, its arguments and its comments are posts (amanat.dialogue.posts.Post)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .posts import Post

__all__ = ["Argument", "Comment", "Debate", "Endorsement", "Side", "Stance", "Topic"]


class Topic(models.TextChoices):
    OBSERVATION = "observation", _("Observation and transparency")
    VOTING = "voting", _("How people vote")
    COUNTING = "counting", _("Counting and results")
    CAMPAIGN = "campaign", _("Campaign and media")
    LAW = "law", _("Electoral law")
    OTHER = "other", _("Other questions")


class Side(models.TextChoices):
    FOR = "for", pgettext_lazy("debate", "For")
    AGAINST = "against", pgettext_lazy("debate", "Against")


class Stance(models.TextChoices):
    FOR = "for", pgettext_lazy("debate", "For")
    NEUTRAL = "neutral", pgettext_lazy("debate", "Neutral")
    AGAINST = "against", pgettext_lazy("debate", "Against")


def _once_per_author(model: str) -> models.UniqueConstraint:
    """A form sent twice (a double click, a retried request) carries the same token: the
    second sending finds the first post instead of writing another."""
    return models.UniqueConstraint(
        fields=["author", "client_token"],
        condition=Q(client_token__isnull=False),
        name=f"dialogue_{model}_once",
    )


class Debate(Post):
    title = models.CharField(_("question"), max_length=160)
    text = models.TextField(_("introduction"), max_length=4000)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
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
    # Only staff may mark a debate official (the organisation's own question).
    is_official = models.BooleanField(_("official"), default=False)
    # The time of the latest argument or comment: the list ranks by it.
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    conclusion = models.TextField(_("conclusion"), blank=True, max_length=4000)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    client_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("debate")
        verbose_name_plural = _("debates")
        constraints = [_once_per_author("debate")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Argument(Post):
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="arguments")
    side = models.CharField(_("side"), max_length=7, choices=Side.choices)
    title = models.CharField(_("argument in short"), max_length=120)
    text = models.TextField(_("argument"), max_length=2000)
    client_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("argument")
        verbose_name_plural = _("arguments")
        constraints = [_once_per_author("argument")]
        indexes = [models.Index(fields=["debate", "side"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        # An argument of a debate hidden by reports or removed is hidden with it.
        return self.is_shown and self.debate.is_shown


class Comment(Post):
    """A top-level comment takes a stance; replies (up to MAX_DEPTH levels) do not."""

    MAX_DEPTH = 3  # a comment, a reply, a reply to the reply

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=0)  # 0: top level
    stance = models.CharField(_("stance"), max_length=7, choices=Stance.choices, blank=True)
    text = models.TextField(_("comment"), max_length=2000)
    client_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            _once_per_author("comment"),
            # The stance belongs to the top level only (the service says so in words first).
            models.CheckConstraint(
                condition=Q(parent__isnull=True, stance__in=Stance.values)
                | Q(parent__isnull=False, stance=""),
                name="dialogue_comment_stance_top_level",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_public(self) -> bool:
        return self.is_shown and self.debate.is_shown


class Endorsement(models.Model):
    """A participant's support of a debate (argument empty) or of one of its arguments; once
    each, by the constraints."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="endorsements")
    argument = models.ForeignKey(
        Argument, null=True, blank=True, on_delete=models.CASCADE, related_name="endorsements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["debate", "user"],
                condition=Q(argument__isnull=True),
                name="dialogue_endorse_debate_once",
            ),
            models.UniqueConstraint(
                fields=["argument", "user"],
                condition=Q(argument__isnull=False),
                name="dialogue_endorse_argument_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.debate_id}/{self.argument_id or '-'}"
