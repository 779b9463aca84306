"""Results protocols: which checklist form carries a contest's protocol, independent entries
of protocol photos, and the PVT sample. The official results as published belong to the
contest (elections.OfficialResult), since forensics analyses them too."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProtocolForm(models.Model):
    """The checklist form through which observers send their copy of a contest's protocol, so
    that every rapid-reporting channel carries it and checks its control relations."""

    contest = models.OneToOneField(
        "elections.Contest", on_delete=models.CASCADE, related_name="protocol_form"
    )
    form = models.OneToOneField(
        "checklists.ChecklistForm", on_delete=models.CASCADE, related_name="protocol"
    )
    # question code → protocol line ("voters", …, "option:3")
    lines = models.JSONField(_("lines"))

    class Meta:
        verbose_name = _("protocol form")
        verbose_name_plural = _("protocol forms")

    def __str__(self) -> str:
        return f"{self.form.code}: {self.contest}"


class ProtocolPhoto(models.Model):
    """A photo of the protocol copy. The original is kept privately, named by its SHA-256
    (AMANAT_PRIVATE_DIR/protocols), and shown only to the people who type it in."""

    contest = models.ForeignKey("elections.Contest", on_delete=models.CASCADE, related_name="+")
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="protocol_photos"
    )
    observer = models.ForeignKey(
        "observers.Observer", on_delete=models.PROTECT, related_name="protocol_photos"
    )
    client_id = models.UUIDField(unique=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content_type = models.CharField(_("type"), max_length=40)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("protocol photo")
        verbose_name_plural = _("protocol photos")

    def __str__(self) -> str:
        return f"{self.station_id} {self.sha256[:12]}"


class ProtocolEntry(models.Model):
    """Figures typed from a protocol photo by one person; two entries of one photo by two
    people are compared line by line."""

    photo = models.ForeignKey(ProtocolPhoto, on_delete=models.CASCADE, related_name="entries")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    figures = models.JSONField(_("figures"))
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        ordering = ["entered_at"]
        verbose_name = _("protocol entry")
        verbose_name_plural = _("protocol entries")
        constraints = [
            models.UniqueConstraint(fields=["photo", "entered_by"], name="entry_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.photo} by {self.entered_by_id}"


class PvtSample(models.Model):
    """The contest's parallel vote tabulation sample: stations drawn at random by region. Who
    is in it stays with headquarters and analysts, so nobody can avoid the sampled stations."""

    contest = models.OneToOneField(
        "elections.Contest", on_delete=models.CASCADE, related_name="pvt_sample"
    )
    size = models.PositiveIntegerField(_("size"))
    seed = models.BigIntegerField(_("seed"))
    station_ids = models.JSONField(_("stations"))
    created_at = models.DateTimeField(_("drawn"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("PVT sample")
        verbose_name_plural = _("PVT samples")

    def __str__(self) -> str:
        return f"{self.contest}: {self.size} (seed {self.seed})"
