"""Where elections happen: country, region, district, settlement, polling station, commission.

Names and addresses are content in three languages: django-modeltranslation adds name_kk,
name_ru and name_en (see translation.py).
"""

from typing import TYPE_CHECKING

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # modeltranslation gives each model of translation.py its MultilingualManager at start-up;
    # with this import django-stubs can resolve `objects` and the reverse managers to it.
    import modeltranslation.manager  # noqa: F401


class Country(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True, help_text="ISO 3166-1 alpha-2")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """First-level unit: a region (oblys) or a city of republican significance."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        CITY = "city", _("City of republican significance")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="regions")
    code = models.CharField(_("code"), max_length=10, unique=True, help_text="ISO 3166-2")
    kato = models.CharField(_("KATO code"), max_length=9, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    center = models.CharField(_("administrative centre"), max_length=100, blank=True)
    aliases = models.JSONField(
        _("other names"), default=list, blank=True, help_text=_("Accepted on import.")
    )

    if TYPE_CHECKING:  # added by modeltranslation (translation.py)
        name_kk: str | None
        name_ru: str | None
        name_en: str | None

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField(_("name"), max_length=150)
    kato = models.CharField(_("KATO code"), max_length=9, blank=True)

    if TYPE_CHECKING:  # added by modeltranslation (translation.py)
        name_kk: str | None
        name_ru: str | None
        name_en: str | None

    class Meta:
        ordering = ["region", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="district_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Settlement(models.Model):
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="settlements")
    name = models.CharField(_("name"), max_length=150)

    if TYPE_CHECKING:  # added by modeltranslation (translation.py)
        name_kk: str | None
        name_ru: str | None
        name_en: str | None

    class Meta:
        ordering = ["district", "name"]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="settlement_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ElectionCommission(models.Model):
    """Central, territorial, district or precinct election commission."""

    class Level(models.TextChoices):
        CENTRAL = "central", _("Central election commission")
        TERRITORIAL = "territorial", _("Territorial election commission")
        DISTRICT = "district", _("District election commission")
        PRECINCT = "precinct", _("Precinct election commission")

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="commissions")
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="commissions"
    )
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.PROTECT, related_name="commissions"
    )

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("election commission")
        verbose_name_plural = _("election commissions")
        constraints = [
            models.UniqueConstraint(fields=["country", "level", "code"], name="commission_code")
        ]

    def __str__(self) -> str:
        return self.name


class PollingStation(models.Model):
    """A polling station (election precinct): the unit of observation."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="stations")
    number = models.CharField(_("number"), max_length=20)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="stations")
    settlement = models.ForeignKey(
        Settlement, null=True, blank=True, on_delete=models.PROTECT, related_name="stations"
    )
    commission = models.OneToOneField(
        ElectionCommission,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="station",
        limit_choices_to={"level": ElectionCommission.Level.PRECINCT},
    )
    name = models.CharField(_("premises"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    registered_voters = models.PositiveIntegerField(_("registered voters"), default=0)
    is_abroad = models.BooleanField(_("abroad"), default=False)
    is_synthetic = models.BooleanField(
        _("synthetic"), default=False, help_text=_("Generated demo data, not a real station.")
    )
    # Number, addresses and place names in all languages, case-folded: SQLite's LIKE folds
    # only ASCII, so "алматы" would not find "Алматы" without it.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["number"]
        verbose_name = _("polling station")
        verbose_name_plural = _("polling stations")
        constraints = [
            models.UniqueConstraint(fields=["country", "number"], name="station_unique_number")
        ]
        # Every channel finds a station by its number alone (SMS, API, ODK).
        indexes = [models.Index(fields=["number"], name="station_number")]

    def __str__(self) -> str:
        return f"№{self.number}"

    @property
    def region_id(self) -> int:
        return self.district.region_id
