"""Voter information: guides, reminders of the calendar, candidates' programmes by topic."""

import uuid
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

# On SQLite, an FTS5 table of each guide's search text (rowid = the guide's id), written by
# services.guide_save and made by migration 0002; PostgreSQL searches the columns themselves.
GUIDE_FTS_TABLE = "voterinfo_guide_fts"


class Guide(models.Model):
    class Category(models.TextChoices):
        VOTING = "voting", _("Voting")
        RIGHTS = "rights", _("Voters' rights")
        CANDIDATES = "candidates", _("Supporting a candidate")
        OBSERVING = "observing", _("Observing")
        COMPLAINTS = "complaints", _("Complaints")

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text (Markdown)"))
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Titles and texts in all three languages, folded (core.textsearch.fold), for search.
    search_text = models.TextField(editable=False, default="")

    if TYPE_CHECKING:  # added by modeltranslation (translation.py)
        title_kk: str | None
        title_ru: str | None
        title_en: str | None

    class Meta:
        ordering = ["category", "position"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def __str__(self) -> str:
        return self.title


class ReminderSubscription(models.Model):
    """Someone who asked to be reminded of the stages of an election by e-mail."""

    email = models.EmailField(_("e-mail"))
    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=2, default="ru")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder subscription")
        verbose_name_plural = _("reminder subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["email", "election"], name="one_subscription")
        ]

    def __str__(self) -> str:
        return f"{self.election_id}: {self.pk}"


class ReminderSent(models.Model):
    subscription = models.ForeignKey(ReminderSubscription, on_delete=models.CASCADE)
    stage = models.ForeignKey("elections.ElectionStage", on_delete=models.CASCADE)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "stage"], name="reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id} → {self.stage_id}"


class Topic(models.TextChoices):
    ECONOMY = "economy", _("Economy and jobs")
    SOCIAL = "social", _("Pensions and social support")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health care")
    CORRUPTION = "corruption", _("Fighting corruption")
    GOVERNANCE = "governance", _("Political reform and local government")
    ENVIRONMENT = "environment", _("Environment and water")


class ProgrammePosition(models.Model):
    """What a candidate (or party) promises on one topic, for the side-by-side comparison."""

    option = models.ForeignKey(
        "elections.BallotOption", on_delete=models.CASCADE, related_name="positions"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    text = models.TextField(_("position"))

    class Meta:
        verbose_name = _("programme position")
        verbose_name_plural = _("programme positions")
        constraints = [
            models.UniqueConstraint(fields=["option", "topic"], name="one_position_per_topic")
        ]

    def __str__(self) -> str:
        return f"{self.option}: {self.get_topic_display()}"
