"""Appeals of citizens to state bodies (akimats, maslikhats, ministries, election commissions):
from a mandate, a promise or directly, with the legal basis, the filing date, the due date in
working days, an extension and the answer that came (or did not)."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import Mandate, Promise, Topic

__all__ = ["Appeal", "StateBody"]


class StateBody(models.Model):
    """A body citizens write to; admins keep the list (names in Kazakh and Russian, since the
    document goes out in one of the two)."""

    class Kind(models.TextChoices):
        AKIMAT = "akimat", _("Akimat")
        MASLIKHAT = "maslikhat", _("Maslikhat")
        MINISTRY = "ministry", _("Ministry")
        ELECTION_COMMISSION = "election_commission", _("Election commission")
        OTHER = "other", _("Other state body")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "geography.Region", null=True, blank=True, on_delete=models.PROTECT,
        related_name="state_bodies", verbose_name=_("region"),
        help_text=_("Empty for a national body (a ministry, the Central Election Commission)."),
    )  # fmt: skip
    name_kk = models.CharField(_("name in Kazakh"), max_length=300)
    name_ru = models.CharField(_("name in Russian"), max_length=300)
    address = models.CharField(_("address"), max_length=300, blank=True)
    is_active = models.BooleanField(_("listed"), default=True)

    class Meta:
        ordering = ["kind", "name_ru"]
        verbose_name = _("state body")
        verbose_name_plural = _("state bodies")

    def __str__(self) -> str:
        return self.name_in(translation.get_language() or "ru")

    def name_in(self, language: str) -> str:
        return self.name_kk if language == "kk" else self.name_ru


class Appeal(models.Model):
    """One citizen's appeal. Written first (a draft with its document), then filed: the citizen
    says when and how, and the due date follows from the legal basis (services_appeals)."""

    class Basis(models.TextChoices):
        ADMINISTRATIVE = "administrative", _("Administrative Procedural Code: 15 working days")
        ELECTIONS = "elections", _("Constitutional Law on Elections: 5 days")

    class Via(models.TextChoices):
        E_OTINISH = "e_otinish", _("e-Otinish (online)")
        IN_PERSON = "in_person", _("In person, at the reception office")
        POST = "post", _("By post")

    class Outcome(models.TextChoices):
        REAL = "real", _("A real answer on the substance")
        FORMAL = "formal", _("A formal reply that does not answer")
        NONE = "none", _("No answer came")

    class Language(models.TextChoices):
        KK = "kk", _("Kazakh")
        RU = "ru", _("Russian")

    client_id = models.UUIDField(_("client id"), default=uuid.uuid4, unique=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals",
        verbose_name=_("author"),
    )  # fmt: skip
    body = models.ForeignKey(
        StateBody, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("state body")
    )
    mandate = models.ForeignKey(
        Mandate, null=True, blank=True, on_delete=models.SET_NULL, related_name="appeals",
        verbose_name=_("mandate"),
    )  # fmt: skip
    promise = models.ForeignKey(
        Promise, null=True, blank=True, on_delete=models.SET_NULL, related_name="appeals",
        verbose_name=_("promise"),
    )  # fmt: skip
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text"), max_length=5000)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    basis = models.CharField(_("legal basis"), max_length=20, choices=Basis.choices)
    # The citizen's own details, printed in the document and shown to nobody else.
    applicant_name = models.CharField(_("full name"), max_length=200)
    # The Code (art. 63) asks a written appeal for the postal address; the IIN is printed as
    # a blank line to fill in by hand, never stored here.
    applicant_contact = models.CharField(_("postal address"), max_length=300)
    applicant_phone = models.CharField(_("phone"), max_length=30, blank=True)
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    filed_via = models.CharField(_("filed via"), max_length=20, choices=Via.choices, blank=True)
    # The term runs from the body's receipt (Code art. 76): the filing day online or in person;
    # by post, the day the citizen learns from the delivery notice (unknown: no due date yet).
    received_on = models.DateField(_("received by the body on"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    due_on = models.DateField(_("answer due by"), null=True, blank=True)
    extended_to = models.DateField(_("extended to"), null=True, blank=True)
    extension_notice_on = models.DateField(_("extension notice dated"), null=True, blank=True)
    outcome = models.CharField(_("answer"), max_length=10, choices=Outcome.choices, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    asked_at = models.DateTimeField(_("asked about the answer at"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("appeal to a state body")
        verbose_name_plural = _("appeals to state bodies")
        indexes = [models.Index(fields=["body", "filed_on"], name="appeal_body_filed")]

    def __str__(self) -> str:
        # The number only: the heading is the citizen's words, shown to nobody else (admin,
        # audit log).
        return f"№ {self.pk}"

    @property
    def due_by(self) -> date | None:
        """The due date in force: the extended one if the body extended the term."""
        return self.extended_to or self.due_on

    @property
    def answered(self) -> bool:
        return self.outcome in (self.Outcome.REAL, self.Outcome.FORMAL)

    def days_overdue(self, today: date) -> int:
        due = self.due_by
        if due is None or self.answered or today <= due:
            return 0
        return (today - due).days
