"""The voter-list audit (NDI and IFES's method): a project per election, the stations drawn
with probability proportional to their voters, each station's list extract (personal data,
deleted on the project's purge date), the names drawn from it, and the field's outcomes of
the two tests, list-to-people and people-to-list, which are never added up."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NameOutcome(models.TextChoices):
    """List-to-people: what the field team found of a name drawn from the list."""

    FOUND = "found", _("Found at the address")
    MOVED = "moved", _("Moved away")
    DECEASED = "deceased", _("Deceased")
    DATA_ERROR = "data_error", _("Error in the entry")
    UNKNOWN = "unknown", _("Not known at the address")


class PersonOutcome(models.TextChoices):
    """People-to-list: what the list says of an eligible person met in the field."""

    REGISTERED = "registered", _("Registered correctly")
    REGISTERED_WITH_ERROR = "registered_with_error", _("Registered with an error")
    NOT_FOUND = "not_found", _("Not in the list")


class AuditProject(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing the sample")
        FIELDWORK = "fieldwork", _("Fieldwork")
        CLOSED = "closed", _("Closed")

    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="list_audits"
    )
    name = models.CharField(_("name"), max_length=200)
    if TYPE_CHECKING:  # added by modeltranslation (translation.py)
        name_kk: str | None
        name_ru: str | None
        name_en: str | None
    region = models.ForeignKey(
        "geography.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Leave empty for a nationwide audit."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PREPARING
    )
    stations_wanted = models.PositiveIntegerField(_("stations to draw"), default=20)
    names_per_station = models.PositiveIntegerField(_("names per station"), default=20)
    seed = models.PositiveIntegerField(_("random seed"), default=1)
    purge_on = models.DateField(
        _("delete the list extracts on"),
        help_text=_("On this day every uploaded extract is deleted; the outcomes stay."),
    )
    purged_at = models.DateTimeField(_("extracts deleted"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("voter-list audit")
        verbose_name_plural = _("voter-list audits")

    def __str__(self) -> str:
        return self.name


class AuditStation(models.Model):
    """A station drawn for the audit, numbered within it (the 12 of L-0012-07), with its
    list extract once a coordinator uploads it."""

    project = models.ForeignKey(AuditProject, on_delete=models.CASCADE, related_name="stations")
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    extract_size = models.PositiveIntegerField(_("names in the extract"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="audit_station_number"),
            models.UniqueConstraint(fields=["project", "station"], name="audit_station_once"),
        ]

    def __str__(self) -> str:
        return f"{self.number:04d}"


class ExtractEntry(models.Model):
    """One line of a station's list extract: personal data, for the region's audit team
    only, deleted on the project's purge date."""

    audit_station = models.ForeignKey(
        AuditStation, on_delete=models.CASCADE, related_name="entries"
    )
    position = models.PositiveIntegerField()
    full_name = models.CharField(_("name"), max_length=200)
    birth_date = models.DateField(_("date of birth"), null=True)
    address = models.CharField(_("address"), max_length=300)

    class Meta:
        ordering = ["audit_station", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit_station", "position"], name="extract_entry_position"
            )
        ]

    def __str__(self) -> str:  # never the name: this string can reach logs
        return f"{self.audit_station_id}/{self.position}"


class SampledName(models.Model):
    """A name drawn from an extract, known in the field by its code; after the purge only
    the code remains (the entry is gone)."""

    audit_station = models.ForeignKey(AuditStation, on_delete=models.CASCADE, related_name="names")
    code = models.CharField(_("code"), max_length=12)
    entry = models.ForeignKey(
        ExtractEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["audit_station", "code"], name="sampled_name_code")
        ]

    def __str__(self) -> str:
        return self.code


class ListOutcome(models.Model):
    """A list-to-people report: one per name per submission; the newest report of a name is
    its current outcome, earlier ones stay as history. A code matching no drawn name is kept
    unmatched (`name` empty) instead of refusing the observer's report."""

    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    name = models.ForeignKey(
        SampledName, null=True, blank=True, on_delete=models.CASCADE, related_name="outcomes"
    )
    code = models.CharField(_("code"), max_length=40)
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=NameOutcome.choices)
    submission_id = models.PositiveBigIntegerField(unique=True)
    is_current = models.BooleanField(default=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["name", "is_current"], name="list_outcome_current")]

    def __str__(self) -> str:
        return f"{self.code}: {self.outcome}"


class PeopleCheck(models.Model):
    """A people-to-list report: an eligible person met in the field looked up in the list
    of the station the observer reports from. Nothing about the person is kept."""

    project = models.ForeignKey(
        AuditProject, null=True, blank=True, on_delete=models.CASCADE, related_name="checks"
    )
    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey("geography.Region", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=24, choices=PersonOutcome.choices)
    submission_id = models.PositiveBigIntegerField(unique=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.station_id}: {self.outcome}"
