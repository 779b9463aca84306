"""Citizens' self-checks of the voter list, pre-election monitoring visits to commissions, and
the register of candidates' refusals and de-registrations.

A self-check holds no personal data: the station, what the citizen found and optional words;
the name that signs the challenge is typed into the document and never stored."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SelfCheck(models.Model):
    class Outcome(models.TextChoices):
        CORRECT = "correct", _("My entry is correct")
        ERROR = "error", _("My entry has an error")
        MISSING = "missing", _("I am missing from the list")
        STRANGERS = "strangers", _("Strangers are registered at my address")

    FINDINGS = (Outcome.ERROR, Outcome.MISSING, Outcome.STRANGERS)

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    election = models.ForeignKey(
        "elections.Election", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("what you found"), max_length=12, choices=Outcome.choices)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("checked"), default=timezone.now)

    class Meta:
        verbose_name = _("voter-list self-check")
        verbose_name_plural = _("voter-list self-checks")
        indexes = [models.Index(fields=["region", "outcome"], name="selfcheck_region_outcome")]

    def __str__(self) -> str:
        return f"{self.station} · {self.get_outcome_display()}"

    @property
    def is_finding(self) -> bool:
        return self.outcome in self.FINDINGS


class MonitoringVisit(models.Model):
    """A long-term observer's visit to a commission, to answer one pre-election form by a day.
    Done when a report of that form arrives from the observer at a station within the
    commission's reach (monitoring.visit_match)."""

    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    commission = models.ForeignKey(
        "geography.ElectionCommission", on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    form_code = models.CharField(_("checklist"), max_length=8)
    observer = models.ForeignKey("observers.Observer", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    submission_id = models.BigIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("monitoring visit")
        verbose_name_plural = _("monitoring visits")
        indexes = [models.Index(fields=["election", "region", "due_on"], name="visit_region_due")]

    def __str__(self) -> str:
        return f"{self.commission} · {self.form_code} · {self.due_on.isoformat()}"

    @property
    def status(self) -> str:
        if self.done_at is not None:
            return "done"
        return "overdue" if self.due_on < timezone.localdate() else "scheduled"


class Refusal(models.Model):
    """A decision refusing to nominate or register a candidate, or cancelling a registration,
    and what became of it on appeal."""

    class Kind(models.TextChoices):
        NOMINATION = "nomination", _("Refusal to nominate")
        REGISTRATION = "registration", _("Refusal to register")
        DEREGISTRATION = "deregistration", _("De-registration")

    class Court(models.TextChoices):
        NONE = "none", _("Not taken to court")
        PENDING = "pending", _("Pending in court")
        UPHELD = "upheld", _("Court upheld the decision")
        OVERTURNED = "overturned", _("Court overturned the decision")

    class Kept(models.TextChoices):
        UNKNOWN = "unknown", _("Not known")
        KEPT = "kept", _("Deadline kept")
        MISSED = "missed", _("Deadline missed")

    class KeptBasis(models.TextChoices):
        WORKING_DAYS = "working_days", _("the legal term in working days from the submission")
        REGISTRATION = "registration", _("the end of the registration period")
        RECORDED = "recorded", _("as recorded by the lawyer")

    class Language(models.TextChoices):
        KK = "kk", _("Kazakh")
        RU = "ru", _("Russian")
        EN = "en", _("English")

    election = models.ForeignKey(
        "elections.Election", verbose_name=_("election"), on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    region = models.ForeignKey(
        "geography.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    candidate = models.ForeignKey(
        "elections.Candidate", verbose_name=_("candidate"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    # The language the lawyer wrote the entry's texts in (body, ground, appeal, note): pages
    # in another language mark them as such.
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.RU
    )
    candidate_name = models.CharField(_("candidate's name"), max_length=200, blank=True)
    kind = models.CharField(_("decision"), max_length=16, choices=Kind.choices)
    decided_on = models.DateField(_("decision date"))
    body = models.CharField(_("body that decided"), max_length=200)
    ground = models.TextField(_("legal ground cited"), max_length=2000)
    submitted_on = models.DateField(_("documents submitted on"), null=True, blank=True)
    term_working_days = models.PositiveSmallIntegerField(
        _("legal term, working days"), null=True, blank=True
    )
    kept_recorded = models.CharField(
        _("deadline (recorded)"), max_length=8, choices=Kept.choices, default=Kept.UNKNOWN
    )
    # Computed on each save (refusals.deadline_check): the day the decision was due, whether
    # it was kept, and how that was known.
    due_on = models.DateField(_("decision due"), null=True, blank=True)
    kept = models.CharField(_("deadline"), max_length=8, choices=Kept.choices, default=Kept.UNKNOWN)
    kept_basis = models.CharField(max_length=20, choices=KeptBasis.choices, default="recorded")
    appeal_on = models.DateField(_("appeal filed on"), null=True, blank=True)
    appeal_body = models.CharField(_("appeal to"), max_length=200, blank=True)
    court = models.CharField(
        _("court outcome"), max_length=12, choices=Court.choices, default=Court.NONE
    )
    court_on = models.DateField(_("court decision date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("refusal or de-registration")
        verbose_name_plural = _("refusals and de-registrations")

    def __str__(self) -> str:
        return f"{self.name} · {self.get_kind_display()} · {self.decided_on.isoformat()}"

    @property
    def name(self) -> str:
        return self.candidate.full_name if self.candidate is not None else self.candidate_name
