"""Questions to the network's volunteer lawyers, their answers, and the public FAQ."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalTopic(models.TextChoices):
    VOTER_LISTS = "voter_lists", _("Voter lists and the right to vote")
    CAMPAIGN = "campaign", _("Campaigning and the media")
    PRESSURE = "pressure", _("Pressure at work or school, vote buying")
    OBSERVERS = "observers", _("Observers and their rights")
    COMPLAINTS = "complaints", _("Complaints and courts")
    OTHER = "other", _("Something else")


class Question(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a lawyer")
        ANSWERED = "answered", _("Answered")

    client_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(_("topic"), max_length=20, choices=LegalTopic.choices)
    text = models.TextField(_("question"))
    is_public = models.BooleanField(
        _("may be published"),
        default=False,
        help_text=_("A good answer may be published in the FAQ without personal details."),
    )
    language = models.CharField(_("language"), max_length=2, default="ru")
    notify_email = models.EmailField(_("e-mail for the answer (optional)"), blank=True)
    follow_up_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    due_at = models.DateTimeField(_("answer due"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("legal question")
        verbose_name_plural = _("legal questions")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_topic_display()}"


class FaqEntry(models.Model):
    """A question and answer for everyone, with personal details removed by a lawyer."""

    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))
    topic = models.CharField(_("topic"), max_length=20, choices=LegalTopic.choices)
    language = models.CharField(_("language"), max_length=2)
    source = models.OneToOneField(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="faq_entry"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ")

    def __str__(self) -> str:
        return self.question[:80]
