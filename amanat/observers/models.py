"""The observer network: applications, observers, accreditation, deployment, check-in, SOS."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    # Named in the reader's language: a coordinator reads "Kazakh, Russian", not "kk, ru".
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")


class Availability(models.TextChoices):
    PRE_ELECTION = "pre_election", _("Before election day")
    ELECTION_DAY = "election_day", _("Election day, full day")
    COUNTING = "counting", _("The count (evening and night)")
    MOBILE = "mobile", _("Mobile team, with own transport")


def choice_labels(choices: type[models.TextChoices], codes: list[str]) -> str:
    """Stored codes (a JSON list) as their labels in the current language, comma-separated."""
    return ", ".join(str(choices(code).label) if code in choices.values else code for code in codes)


class Application(models.Model):
    """A volunteer's application to observe. Holds personal data: staff-side only."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        NEEDS_INFO = "needs_info", _("More information requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    client_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone number"), max_length=20)
    email = models.EmailField(_("e-mail"), blank=True)
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "geography.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    languages = models.JSONField(_("languages"), default=list)
    availability = models.JSONField(_("availability"), default=list)
    experience = models.TextField(_("experience"), blank=True)
    has_conflict = models.BooleanField(_("declares a conflict of interest"), default=False)
    conflict_details = models.TextField(_("conflict of interest"), blank=True)
    consent_at = models.DateTimeField(_("consent to personal-data processing"))
    pledge_version = models.CharField(_("pledge version"), max_length=20)
    pledge_accepted_at = models.DateTimeField(_("pledge accepted"))
    follow_up_hash = models.CharField(max_length=64, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    decision_note = models.TextField(_("note to the applicant"), blank=True)
    applicant_reply = models.TextField(_("applicant's reply"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="observer_application",
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_status_display()}"

    def get_languages_display(self) -> str:
        return choice_labels(Language, self.languages)

    def get_availability_display(self) -> str:
        return choice_labels(Availability, self.availability)


class Observer(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observer"
    )
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "geography.District", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    languages = models.JSONField(_("languages"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("observer")
        verbose_name_plural = _("observers")

    def __str__(self) -> str:
        return f"{_('Observer')} #{self.pk}"

    def get_languages_display(self) -> str:
        return choice_labels(Language, self.languages)


class Accreditation(models.Model):
    observer = models.ForeignKey(Observer, on_delete=models.CASCADE, related_name="accreditations")
    organisation = models.CharField(_("sending organisation"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=60)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="accreditation_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.document_number}"


class Deployment(models.Model):
    """An observer's assignment for one election: one station, or several for a mobile team."""

    class Kind(models.TextChoices):
        STATIONARY = "stationary", _("Stationary")
        MOBILE = "mobile", _("Mobile team")

    class Shift(models.TextChoices):
        FULL_DAY = "full_day", _("Full day, opening to protocol")
        MORNING = "morning", _("Opening and morning")
        AFTERNOON = "afternoon", _("Afternoon")
        COUNTING = "counting", _("Evening and the count")

    election = models.ForeignKey(
        "elections.Election", on_delete=models.CASCADE, related_name="deployments"
    )
    observer = models.ForeignKey(Observer, on_delete=models.CASCADE, related_name="deployments")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    shift = models.CharField(
        _("shift"), max_length=12, choices=Shift.choices, default=Shift.FULL_DAY
    )
    stations = models.ManyToManyField(
        "geography.PollingStation", through="DeploymentStation", related_name="deployments"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("deployment")
        verbose_name_plural = _("deployments")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "observer", "shift"], name="one_deployment_per_shift"
            )
        ]

    def __str__(self) -> str:
        return f"{self.observer} · {self.get_kind_display()}"


class DeploymentStation(models.Model):
    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="links")
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="deployment_links"
    )
    # Copied from the deployment so that coverage counts need no join (one index scan).
    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["deployment", "station"], name="deployment_station")
        ]
        indexes = [models.Index(fields=["election", "station"])]

    def __str__(self) -> str:
        return f"{self.deployment} @ {self.station}"


class CheckIn(models.Model):
    client_id = models.UUIDField(unique=True)
    observer = models.ForeignKey(Observer, on_delete=models.CASCADE, related_name="checkins")
    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="+"
    )
    checked_in_at = models.DateTimeField(_("checked in"))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=20, default="web")

    class Meta:
        ordering = ["-checked_in_at"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.observer} @ {self.station}"


class SosAlert(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACKNOWLEDGED = "acknowledged", _("Someone is on it")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        EXPELLED = "expelled", _("Expelled from the station")
        DETAINED = "detained", _("Detained")
        THREATENED = "threatened", _("Threatened")
        RESOLVED = "resolved", _("Resolved")
        FALSE_ALARM = "false_alarm", _("False alarm")

    client_id = models.UUIDField(unique=True)
    observer = models.ForeignKey(Observer, on_delete=models.CASCADE, related_name="sos_alerts")
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    election = models.ForeignKey(
        "elections.Election", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    station = models.ForeignKey(
        "geography.PollingStation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    raised_at = models.DateTimeField(_("raised"))
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    note = models.TextField(_("what is happening"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default="open")
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)

    class Meta:
        ordering = ["-raised_at"]
        verbose_name = _("SOS alert")
        verbose_name_plural = _("SOS alerts")

    def __str__(self) -> str:
        return f"SOS #{self.pk}"


class Broadcast(models.Model):
    """A message from coordinators to a filtered group of observers."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    filters = models.JSONField(_("recipients"), default=dict)
    channels = models.JSONField(_("channels"), default=list)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("broadcast")
        verbose_name_plural = _("broadcasts")

    def __str__(self) -> str:
        return self.subject
