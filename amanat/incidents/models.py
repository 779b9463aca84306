"""Reports of violations from citizens, observers, hotlines and channels, with evidence."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amanat.legal.complaints import Body


class Phase(models.TextChoices):
    PRE_ELECTION = "pre_election", _("Before voting day")
    VOTING_DAY = "voting_day", _("Voting day")
    COUNTING = "counting", _("Counting and tabulation")
    SAFETY = "safety", _("Personal safety")


class Category(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices)
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["position"]
        verbose_name = _("violation category")
        verbose_name_plural = _("violation categories")

    def __str__(self) -> str:
        return self.name


class Report(models.Model):
    class Source(models.TextChoices):
        CITIZEN = "citizen", _("Citizen")
        OBSERVER = "observer", _("Observer")
        HOTLINE = "hotline", _("Hotline")
        SMS = "sms", "SMS"
        TELEGRAM = "telegram", "Telegram"
        API = "api", "API"

    class Status(models.TextChoices):
        NEW = "new", _("New")
        TRIAGE = "triage", _("Being checked")
        VERIFIED = "verified", _("Verified")
        UNCONFIRMED = "unconfirmed", _("Unconfirmed")
        REJECTED = "rejected", _("Rejected")

    client_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    follow_up_hash = models.CharField(max_length=64, editable=False)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact = models.CharField(_("contact (private)"), max_length=200, blank=True)
    description = models.TextField(_("what happened"))
    occurred_at = models.DateTimeField(_("when"))
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    station = models.ForeignKey(
        "geography.PollingStation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    place = models.CharField(_("place"), max_length=300, blank=True)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )

    class Credibility(models.TextChoices):
        SINGLE = "single", _("Single unverified source")
        CORROBORATED = "corroborated", _("Corroborated by independent sources")
        OBSERVER = "observer", _("Confirmed by an accredited observer")
        DOCUMENTED = "documented", _("Documented by evidence")

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default="new")
    credibility = models.CharField(
        _("credibility"), max_length=14, choices=Credibility.choices, default="single"
    )
    is_sensitive = models.BooleanField(
        _("sensitive"), default=False, help_text=_("Publication needs a second person's approval.")
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    public_summary = models.TextField(_("public text (no personal data)"), blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("assigned to"),
    )  # fmt: skip
    respond_by = models.DateTimeField(_("respond by"), null=True, blank=True)
    # A report about an event already reported points to that one; it keeps its own text,
    # evidence and timeline, and the incident is the report it was merged into.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged",
        verbose_name=_("merged into"),
    )  # fmt: skip

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"#{self.pk}"


class Evidence(models.Model):
    """A file sent with a report. The original stays private with its SHA-256; only a copy
    stripped of EXIF, GPS and other metadata can ever be shown."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        VIDEO = "video", _("Video")
        DOCUMENT = "document", _("Document")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    content_type = models.CharField(_("type"), max_length=60)
    size = models.PositiveBigIntegerField(_("size, bytes"))
    sha256 = models.CharField(_("SHA-256 of the original"), max_length=64)
    original = models.CharField(max_length=200, editable=False)  # path in private storage
    public_copy = models.CharField(max_length=200, blank=True, editable=False)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["received_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return f"{self.kind} {self.sha256[:12]}"

    @property
    def copy_url(self) -> str:
        """The shown copy's address, which changes with each redaction (see views.py)."""
        from amanat.evidence.services import copy_version

        url = reverse("evidence_copy", kwargs={"public_id": self.public_id})
        return f"{url}?v={copy_version(self.public_copy)}"


class TimelineEvent(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=30)
    # The codes the sentence needs ({"status": "verified"}); the sentence is made in the
    # reader's language (timeline.py). Null: an old row whose text could not be converted.
    params = models.JSONField(null=True, blank=True)
    text = models.TextField(blank=True)  # only what a person typed (a note)
    is_public = models.BooleanField(default=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.kind}"

    @property
    def message(self) -> str:
        from .timeline import event_message

        return event_message(self.kind, self.params, self.text)


class PublicationApproval(models.Model):
    """One person's approval to publish; a sensitive report needs two different people."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="approvals")
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")  # fmt: skip
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "approver"], name="one_approval_each")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} ✓ {self.approver_id}"


class Referral(models.Model):
    """The incident taken to an outside body: the complaint filed, the legal deadline for the
    answer, the answer received and how it ended."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting for the answer")
        UPHELD = "upheld", _("Complaint upheld")
        PARTLY = "partly", _("Partly upheld")
        REJECTED = "rejected", _("Complaint rejected")
        NO_ANSWER = "no_answer", _("No answer in time")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="referrals")
    body = models.CharField(_("addressed to"), max_length=20, choices=Body.choices)
    language = models.CharField(_("language"), max_length=2, default="ru")
    filed_on = models.DateField(_("filed on"))
    deadline = models.DateField(_("answer due by law"))
    answer = models.TextField(_("answer received"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices,
                               default=Outcome.PENDING)  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")  # fmt: skip

    class Meta:
        ordering = ["filed_on"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.report_id} → {self.body}"


class OpenDataVersion(models.Model):
    """The version of the published incidents (one row), new at every change. The open data
    files are named by it (incidents-<version>.csv): a change writes a new version in the
    transaction that publishes or withdraws, so once it commits the files of the version before
    are no longer served. Random rather than counted, so that a database restored from a backup
    never meets files named like its own version."""

    version = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("open data version")

    def __str__(self) -> str:
        return str(self.version)
