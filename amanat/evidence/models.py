"""Files that staff ask the system to prepare (exports): built by a task, kept privately under
their SHA-256, downloaded only by the person who asked (and administrators), deleted after the
retention period."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Export(models.Model):
    """One export asked for by one person: what to build (a builder's name and its
    parameters), how far it is, and the file once built.

    While one is being built, asking again for the same thing finds it (one pending export per
    person, builder and parameters, held by a unique constraint)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Could not be prepared")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    builder = models.CharField(_("kind"), max_length=60)
    params = models.JSONField(default=dict)
    # The parameters written in one way (sorted keys), to compare exports by.
    params_key = models.CharField(max_length=200, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports"
    )
    # The language of the page it was asked from: headings of the file are written in it.
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # The file: private (AMANAT_PRIVATE_DIR/exports), named by the export's public id.
    stored_name = models.CharField(max_length=80, blank=True, editable=False)
    file_name = models.CharField(_("file name"), max_length=120, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("asked for"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["requested_by", "builder", "params_key"],
                condition=models.Q(status="pending"),
                name="export_one_pending_per_request",
            )
        ]
        indexes = [models.Index(fields=["status", "finished_at"], name="export_status_finished")]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.builder} {self.params_key} ({self.status})"
