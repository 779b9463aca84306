"""Elections, contests, parties, candidates and ballot options, the legal stages, and each
contest's official results as the election commission published them.

Names, programmes and legal texts are content in three languages (translation.py).
"""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # modeltranslation gives each model of translation.py its MultilingualManager at start-up;
    # with this import django-stubs can resolve `objects` and the reverse managers to it.
    import modeltranslation.manager  # noqa: F401


class Election(models.Model):
    class Type(models.TextChoices):
        PRESIDENTIAL = "presidential", _("Presidential election")
        MAZHILIS = "mazhilis", _("Election to the Mazhilis")
        MASLIKHAT = "maslikhat", _("Election to maslikhats")
        REFERENDUM = "referendum", _("Referendum")

    country = models.ForeignKey(
        "geography.Country", on_delete=models.PROTECT, related_name="elections"
    )
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    name = models.CharField(_("name"), max_length=200)
    election_day = models.DateField(_("election day"))
    timezone = models.CharField(_("time zone"), max_length=50, default="Asia/Almaty")
    is_early = models.BooleanField(_("early election"), default=False)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["-election_day"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self) -> str:
        return self.name


class Contest(models.Model):
    """One race on the ballot: the presidency, the party list, one single-member district."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("Nationwide, one winner")
        PARTY_LIST = "party_list", _("Party lists, proportional")
        SINGLE_MEMBER = "single_member", _("Single-member district")
        QUESTION = "question", _("Referendum question")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="contests")
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    threshold_percent = models.DecimalField(
        _("threshold, %"), max_digits=4, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["election", "code"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="contest_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class Party(models.Model):
    country = models.ForeignKey("geography.Country", on_delete=models.PROTECT)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    programme = models.TextField(_("programme (Markdown)"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.name


class Candidate(models.Model):
    full_name = models.CharField(_("full name"), max_length=200)
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.SET_NULL, related_name="candidates"
    )
    biography = models.TextField(_("biography"), blank=True)
    programme = models.TextField(_("programme (Markdown)"), blank=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self) -> str:
        return self.full_name


class BallotOption(models.Model):
    """A line on the ballot: a candidate, a party list, "against all", or a referendum answer."""

    class Kind(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        PARTY = "party", _("Party")
        AGAINST_ALL = "against_all", _("Against all")
        ANSWER = "answer", _("Answer")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(_("position on the ballot"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    candidate = models.ForeignKey(Candidate, null=True, blank=True, on_delete=models.PROTECT)
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.PROTECT)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        ordering = ["contest", "position"]
        verbose_name = _("ballot option")
        verbose_name_plural = _("ballot options")
        constraints = [
            models.UniqueConstraint(fields=["contest", "position"], name="option_position"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="candidate", candidate__isnull=False)
                    | models.Q(kind="party", party__isnull=False)
                    | models.Q(kind__in=["against_all", "answer"])
                ),
                name="option_kind_has_subject",
            ),
        ]

    def __str__(self) -> str:
        if self.candidate_id:
            return str(self.candidate)
        if self.party_id:
            return str(self.party)
        return self.label or self.get_kind_display()


def option_key(position: int) -> str:
    """The protocol line of the votes for the ballot option at this position ("option:3"),
    beside the standard lines ("voters", "issued", "found", "valid", …)."""
    return f"option:{position}"


class OfficialResult(models.Model):
    """One station's figures as the election commission published them: protocol line →
    number. Results reconciles them with observers' copies; forensics analyses them."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="official_results")
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="official_results"
    )
    figures = models.JSONField(_("figures"))  # protocol line → number
    source = models.CharField(_("source"), max_length=300)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        db_table = "results_officialresult"  # made by results, moved here with its rows
        verbose_name = _("official result")
        verbose_name_plural = _("official results")
        constraints = [
            models.UniqueConstraint(fields=["contest", "station"], name="official_result_once")
        ]

    def __str__(self) -> str:
        return f"{self.contest} @ {self.station_id}"


class ElectionStage(models.Model):
    """A legal stage or deadline of one election (nomination, campaign, silence day, ...)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="stages")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)

    class Meta:
        ordering = ["election", "starts"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["election", "code"], name="stage_unique_code"),
            models.CheckConstraint(
                condition=models.Q(ends__gte=models.F("starts")), name="stage_order"
            ),
        ]

    def __str__(self) -> str:
        return self.name
