"""Media monitoring: outlets, monitoring periods, coded items, double coding and reliability,
and campaign finance set against the paid coverage observed.

An item is coded by its monitor (`coder`); an analyst may give it to a second, different
monitor (`second_coder`). Each monitor's coding of the item is a `Coding` of its own, with its
appearances numbered in the order they occur, so reliability compares the two codings value by
value. Reports read the first monitor's codings only: a double-coded item counts once.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Outlet(models.Model):
    class Kind(models.TextChoices):
        TV = "tv", _("Television")
        RADIO = "radio", _("Radio")
        PRINT = "print", _("Print")
        ONLINE = "online", _("Online")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    audience = models.PositiveIntegerField(_("audience"), null=True, blank=True)
    rate = models.DecimalField(
        _("rate card price, tenge"),
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        help_text=_(
            "Published advertising price: per second (TV, radio), per cm² (print), "
            "per 1,000 characters (online)."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self) -> str:
        return self.name

    @property
    def is_broadcast(self) -> bool:
        return self.kind in (self.Kind.TV, self.Kind.RADIO)

    def price(self, amount: int) -> Decimal:
        """The rate-card price of `amount` seconds, cm² or characters in this outlet."""
        if self.kind == self.Kind.ONLINE:
            return self.rate * Decimal(amount) / Decimal(1000)
        return self.rate * Decimal(amount)


class MonitoringPeriod(models.Model):
    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.CASCADE,
        related_name="media_periods",
        verbose_name=_("election"),
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("monitoring period")
        verbose_name_plural = _("monitoring periods")

    def __str__(self) -> str:
        return self.name


class Genre(models.TextChoices):
    NEWS = "news", _("News")
    CURRENT_AFFAIRS = "current_affairs", _("Current affairs")
    DEBATE = "debate", _("Debate")
    PAID = "paid", _("Paid advertising")
    FREE = "free", _("Free airtime")
    VOTER_EDUCATION = "voter_education", _("Voter education")


class Item(models.Model):
    """One programme, article or post of an outlet in a monitoring period."""

    period = models.ForeignKey(
        MonitoringPeriod,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("monitoring period"),
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="items", verbose_name=_("outlet")
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title or programme"), max_length=300)
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="media_items",
        verbose_name=_("monitor"),
    )
    second_coder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="media_second_items",
        verbose_name=_("second monitor"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(second_coder=models.F("coder")), name="media_two_coders"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Coding(models.Model):
    """One monitor's coding of one item."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="codings")
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="media_codings"
    )
    genre = models.CharField(_("genre"), max_length=20, choices=Genre.choices)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("coding")
        verbose_name_plural = _("codings")
        constraints = [
            models.UniqueConstraint(fields=["item", "coder"], name="media_one_coding_per_coder")
        ]

    def __str__(self) -> str:
        return f"{self.item} · {self.get_genre_display()}"


class Appearance(models.Model):
    """One appearance of a monitored subject in an item, as one monitor coded it."""

    class SubjectKind(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        PARTY = "party", _("Party")
        OFFICIAL = "official", _("Official acting as such")

    class Voice(models.TextChoices):
        SPEAKS = "speaks", _("Speaks")
        SPOKEN_ABOUT = "spoken_about", _("Spoken about")

    class Role(models.TextChoices):
        NONE = "none", _("Not an incumbent")
        OFFICIAL = "official", _("Incumbent in the official role")
        CANDIDATE = "candidate", _("Incumbent as a candidate")

    class Tone(models.IntegerChoices):
        NEGATIVE = -1, _("Negative")
        NEUTRAL = 0, _("Neutral")
        POSITIVE = 1, _("Positive")

    coding = models.ForeignKey(Coding, on_delete=models.CASCADE, related_name="appearances")
    position = models.PositiveSmallIntegerField(_("number in the item"))
    subject_kind = models.CharField(
        _("monitored subject"), max_length=10, choices=SubjectKind.choices
    )
    candidate = models.ForeignKey(
        "elections.Candidate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("candidate"),
    )
    party = models.ForeignKey(
        "elections.Party",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("party"),
    )
    official = models.CharField(_("official (post)"), max_length=200, blank=True)
    voice = models.CharField(_("speaks or spoken about"), max_length=15, choices=Voice.choices)
    role = models.CharField(_("incumbent"), max_length=10, choices=Role.choices, default="none")
    topic = models.CharField(_("topic"), max_length=100, blank=True)
    amount = models.PositiveIntegerField(_("time (s), space (cm²) or characters"))
    tone = models.SmallIntegerField(_("tone"), choices=Tone.choices, default=0)

    class Meta:
        ordering = ["coding", "position"]
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        constraints = [
            models.UniqueConstraint(fields=["coding", "position"], name="media_appearance_order")
        ]

    def __str__(self) -> str:
        return self.subject_label

    @property
    def subject_key(self) -> str:
        """The subject as one value of a nominal variable, the same for every coder."""
        if self.subject_kind == self.SubjectKind.CANDIDATE:
            return f"candidate:{self.candidate_id}"
        if self.subject_kind == self.SubjectKind.PARTY:
            return f"party:{self.party_id}"
        return f"official:{self.official.strip().casefold()}"

    @property
    def subject_label(self) -> str:
        if self.candidate is not None:
            return str(self.candidate)
        if self.party is not None:
            return str(self.party)
        return self.official


class FundDeclaration(models.Model):
    """A candidate's declared election fund (or a part of it), as the candidate reported it."""

    election = models.ForeignKey(
        "elections.Election", on_delete=models.CASCADE, related_name="+", verbose_name=_("election")
    )
    candidate = models.ForeignKey(
        "elections.Candidate",
        on_delete=models.PROTECT,
        related_name="fund_declarations",
        verbose_name=_("candidate"),
    )
    amount = models.DecimalField(_("amount, tenge"), max_digits=14, decimal_places=2)
    declared_on = models.DateField(_("declared on"))
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["candidate", "declared_on"]
        verbose_name = _("election fund declaration")
        verbose_name_plural = _("election fund declarations")

    def __str__(self) -> str:
        return f"{self.candidate} · {self.amount}"
