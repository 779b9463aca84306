"""Verified voices: experts, journalists, scientists and candidates' teams who showed who they
are. An approved application puts a badge with the verified capacity on every post of its
author; a moderator may revoke it later, with a reason the applicant reads."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Capacity(models.TextChoices):
    EXPERT = "expert", _("Expert")
    JOURNALIST = "journalist", _("Journalist")
    SCIENTIST = "scientist", _("Scientist")
    CANDIDATE_TEAM = "candidate_team", _("Candidate's team")


class VoiceApplication(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Verified")
        REJECTED = "rejected", _("Not verified")
        REVOKED = "revoked", _("Verification revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="voice_applications"
    )
    capacity = models.CharField(_("capacity"), max_length=20, choices=Capacity.choices)
    organisation = models.CharField(_("organisation"), max_length=200)
    statement = models.TextField(_("who you are and why you speak"), max_length=2000)
    links = models.TextField(_("links that show it"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # Why it was rejected or revoked: the applicant reads it.
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("voice application")
        verbose_name_plural = _("voice applications")
        constraints = [
            # One application in review or in force per person: the badge has one capacity.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status__in=["pending", "approved"]),
                name="dialogue_one_open_voice",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.capacity} ({self.status})"
