"""Moderation of any post of the dialogue: readers' reports, the moderators' actions (the
public log counts them), warnings and volunteers' translations. Reports and translations point
at their post through its content type and id, so every kind of post has them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .posts import Post


class Reason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Insults or harassment")
    HATE = "hate", _("Hatred against a group")
    FALSE = "false", _("Deliberately false information")
    PRIVACY = "privacy", _("Someone's personal data")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Other")


class PostRef(models.Model):
    """The post something is about, of any kind."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    post = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class Report(PostRef):
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dialogue_reports"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    text = models.TextField(_("what is wrong"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a moderator decided on the post: the report leaves the queue.
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"], name="dialogue_one_report"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "reviewed_at"])]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id}: {self.reason}"


class ModerationAction(models.Model):
    """What moderation did, for the public log (counts by kind and reason, never who or what)."""

    class Kind(models.TextChoices):
        HIDDEN = "hidden", _("Hidden after reports")
        RESTORED = "restored", _("Restored")
        REMOVED = "removed", _("Removed")
        WARNED = "warned", _("Warning")
        BANNED = "banned", _("Ban")
        LIFTED = "lifted", _("Ban lifted")

    kind = models.CharField(_("action"), max_length=10, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.reason}"


class Warning(models.Model):  # noqa: A001 - the domain's word
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dialogue_warnings"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    text = models.TextField(_("message to the author"), max_length=1000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("warning")
        verbose_name_plural = _("warnings")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.reason}"


class PostTranslation(Post, PostRef):
    """A volunteer's translation of a post into another language, itself a post: reportable
    and moderated like one. `author` is the volunteer, `language` the translation's."""

    text = models.TextField(_("translation"), max_length=4000)

    TEXT_FIELD = "text"

    class Meta:
        ordering = ["pk"]
        verbose_name = _("volunteer translation")
        verbose_name_plural = _("volunteer translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="dialogue_one_translation"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_public(self) -> bool:
        # A translation of a post the public may not read would show that post's text.
        original = self.post
        return self.is_shown and original is not None and original.is_public
