"""Voters' mandates (nakaz) to candidates: written by confirmed citizens, supported once per
person, merged by moderators without inflating supports, answered by candidates' teams."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    ROADS = "roads", _("Roads and transport")
    WATER = "water", _("Water, heating and utilities")
    HOUSING = "housing", _("Housing")
    SCHOOLS = "schools", _("Schools and kindergartens")
    HEALTH = "health", _("Health care")
    ENVIRONMENT = "environment", _("Environment")
    SAFETY = "safety", _("Public safety")
    JOBS = "jobs", _("Jobs and prices")
    GOVERNANCE = "governance", _("Local government")
    OTHER = "other", _("Other")


class Confirmation(models.Model):
    """A person's phone number or e-mail address, confirmed: only confirmed people write and
    support mandates, so that one person is one support. (Accounts made by the signup form
    are confirmed by their audit row; see selectors.person_confirmed.)"""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail address")
        PHONE = "phone", _("Phone number")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="confirmations"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # The confirmed phone number (E.164) or address: one number confirms one person only, so
    # a phone cannot make several accounts into several supporters. Empty for older rows.
    address = models.CharField(_("confirmed address"), max_length=254, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")
        constraints = [
            models.UniqueConstraint(fields=["user", "channel"], name="confirmation_unique"),
            models.UniqueConstraint(
                fields=["channel", "address"],
                condition=~models.Q(address=""),
                name="confirmation_address_once",
            ),  # fmt: skip
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.channel}"


class MandateQuerySet(models.QuerySet["Mandate"]):
    def open(self) -> "MandateQuerySet":
        """Not merged into another one."""
        return self.filter(merged_into__isnull=True)


class Mandate(models.Model):
    """A demand of voters to the candidates: of the whole election, or of one district's
    contest (`contest`)."""

    client_id = models.UUIDField(_("client id"), default=uuid.uuid4, unique=True)
    election = models.ForeignKey(
        "elections.Election", null=True, blank=True, on_delete=models.PROTECT,
        related_name="mandates", verbose_name=_("election"),
    )  # fmt: skip
    contest = models.ForeignKey(
        "elections.Contest", null=True, blank=True, on_delete=models.PROTECT,
        related_name="mandates", verbose_name=_("district's contest"),
        help_text=_("Empty: addressed to every candidate of the election."),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=5000)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    region = models.ForeignKey(
        "geography.Region", on_delete=models.PROTECT, related_name="mandates",
        verbose_name=_("region"),
    )  # fmt: skip
    district = models.ForeignKey(
        "geography.District", null=True, blank=True, on_delete=models.PROTECT,
        related_name="mandates", verbose_name=_("district"),
    )  # fmt: skip
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="mandates_written", verbose_name=_("authors")
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged",
        verbose_name=_("merged into"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        indexes = [models.Index(fields=["region", "merged_into"], name="mandate_region")]

    def __str__(self) -> str:
        return self.title


class Support(models.Model):
    """One person supports one mandate once (the constraint, not a check, makes it so)."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mandate_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["mandate", "user"], name="support_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.mandate_id}"


class Sighting(models.Model):
    """A confirmed person saw the mandate (opened it, or supported it): the denominator of the
    ranking's lower bound (selectors.pressing_in_region)."""

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="sightings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mandate_sightings"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mandate", "user"], name="sighting_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} saw {self.mandate_id}"


class TeamMember(models.Model):
    """A user of the `candidate_team` role works for one candidate (accounts has no such link)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidate_team"
    )
    candidate = models.ForeignKey(
        "elections.Candidate", on_delete=models.CASCADE, related_name="team",
        verbose_name=_("candidate"),
    )  # fmt: skip
    # When the last digest of unanswered mandates went out (reminders.py): once a week at most.
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("candidate's team member")
        verbose_name_plural = _("candidate's team members")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.candidate_id}"


class Answer(models.Model):
    """A candidate's official answer to a mandate. A new answer replaces the current one,
    which stays as history (`is_current` False); a copy-paste of the candidate's answer to
    another mandate is marked and does not count in the answer rate."""

    class Position(models.TextChoices):
        SUPPORT = "support", _("Supports")
        PARTLY = "partly", _("Supports in part")
        AGAINST = "against", _("Against")

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="answers")
    candidate = models.ForeignKey(
        "elections.Candidate", on_delete=models.CASCADE, related_name="mandate_answers",
        verbose_name=_("candidate"),
    )  # fmt: skip
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.CharField(_("position"), max_length=10, choices=Position.choices)
    text = models.TextField(_("answer"), max_length=5000)
    commitment = models.TextField(_("commitment"), max_length=1000, blank=True)
    is_current = models.BooleanField(default=True)
    is_copy = models.BooleanField(_("copy of another answer"), default=False)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["mandate", "candidate"],
                condition=models.Q(is_current=True),
                name="answer_one_current",
            )  # fmt: skip
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} → {self.mandate_id}: {self.position}"


class Promise(models.Model):
    """An elected candidate's commitment, tracked after the election and rated on outcomes,
    not intentions. Made from an answer's commitment (`answer`) or entered by a moderator."""

    class Status(models.TextChoices):
        NOT_RATED = "not_rated", _("Not yet rated")
        IN_THE_WORKS = "in_the_works", _("In the works")
        STALLED = "stalled", _("Stalled")
        KEPT = "kept", _("Kept")
        COMPROMISE = "compromise", _("Compromise")
        BROKEN = "broken", _("Broken")

    candidate = models.ForeignKey(
        "elections.Candidate", on_delete=models.PROTECT, related_name="promises",
        verbose_name=_("elected candidate"),
    )  # fmt: skip
    mandate = models.ForeignKey(
        Mandate, null=True, blank=True, on_delete=models.SET_NULL, related_name="promises",
        verbose_name=_("mandate"),
    )  # fmt: skip
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.SET_NULL, related_name="promises",
        verbose_name=_("answer"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("commitment"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NOT_RATED
    )
    source_url = models.URLField(
        _("where it was promised"), blank=True,
        help_text=_("A link to where the candidate made the promise (empty: from an answer)."),
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["candidate", "pk"]
        verbose_name = _("promise")
        verbose_name_plural = _("promises")

    def __str__(self) -> str:
        return self.title


class PromiseUpdate(models.Model):
    """A change of a promise's status, with the dated evidence it rests on."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=15, choices=Promise.Status.choices)
    evidence = models.TextField(_("evidence"), max_length=3000)
    source_url = models.URLField(_("source"), blank=True)
    evidence_date = models.DateField(_("date of the evidence"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-evidence_date", "-pk"]
        verbose_name = _("promise's status change")
        verbose_name_plural = _("promise's status changes")

    def __str__(self) -> str:
        return f"{self.promise_id}: {self.status}"


class Elected(models.Model):
    """A candidate declared elected in a contest, entered by staff from the official result
    (the election commission's decision: `source`). Only an elected candidate's commitments
    become tracked promises; the results app counts votes but declares nobody elected."""

    candidate = models.ForeignKey(
        "elections.Candidate", on_delete=models.PROTECT, related_name="elected",
        verbose_name=_("candidate"),
    )  # fmt: skip
    contest = models.ForeignKey(
        "elections.Contest", on_delete=models.PROTECT, related_name="elected",
        verbose_name=_("contest"),
    )  # fmt: skip
    declared_on = models.DateField(_("declared elected on"))
    source = models.CharField(
        _("source"), max_length=300,
        help_text=_("The decision that declared the result, e.g. the commission's resolution."),
    )  # fmt: skip
    source_url = models.URLField(_("link to the source"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-declared_on", "pk"]
        verbose_name = _("elected candidate")
        verbose_name_plural = _("elected candidates")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "contest"], name="elected_once")
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} in {self.contest_id}"


class PhoneCode(models.Model):
    """A six-digit code sent by SMS to confirm a phone number (phone.py). Only its keyed hash
    is kept; it expires, and a few wrong tries spend it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="phone_codes"
    )
    phone = models.CharField(_("phone number"), max_length=20)
    code_hash = models.CharField(max_length=64, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["phone", "created_at"], name="phone_code_sends")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.phone}"


from .models_appeals import *  # noqa
