"""Checklist forms (versioned), their questions, and submissions from every channel."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # modeltranslation gives each model of translation.py its MultilingualManager at start-up;
    # with this import django-stubs can resolve `objects` and the reverse managers to it.
    import modeltranslation.manager  # noqa: F401


# How a submission came in, as a reader says it (the stored code is what the channel sends).
CHANNELS = {
    "web": _("website"),
    "api": _("mobile app"),
    "sms": "SMS",
    "telegram": "Telegram",
    "odk": "ODK Collect",
}


class Phase(models.TextChoices):
    PRE_ELECTION = "pre_election", _("Before election day")
    OPENING = "opening", _("Opening")
    VOTING = "voting", _("Voting")
    CLOSING = "closing", _("Closing")
    COUNTING = "counting", _("Counting")


class ChecklistForm(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("e.g. OP"))
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices)
    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)

    if TYPE_CHECKING:  # added by modeltranslation (translation.py)
        name_kk: str | None
        name_ru: str | None
        name_en: str | None

    class Meta:
        ordering = ["code"]
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class FormVersion(models.Model):
    """A frozen set of questions. A new version never changes what old submissions mean."""

    form = models.ForeignKey(ChecklistForm, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Control relations between numeric answers (see relations.py), frozen with the questions.
    relations = models.JSONField(_("control relations"), default=list, blank=True)

    class Meta:
        ordering = ["form", "-number"]
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        constraints = [
            models.UniqueConstraint(fields=["form", "number"], name="form_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.form.code} v{self.number}"


class Question(models.Model):
    class Kind(models.TextChoices):
        YES_NO = "yes_no", _("Yes or no")
        INTEGER = "integer", _("Whole number")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        TEXT = "text", _("Text")
        TIME = "time", _("Time")
        PHOTO = "photo", _("Photo")

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(_("code"), max_length=4, help_text=_("Short code for SMS"))
    position = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    minimum = models.IntegerField(_("minimum"), null=True, blank=True)
    maximum = models.IntegerField(_("maximum"), null=True, blank=True)
    # [{"value": 1, "label": {"kk": ..., "ru": ..., "en": ...}}, ...]
    choices = models.JSONField(_("choices"), default=list, blank=True)
    # Asked only when another answer has a value: {"question": "A", "equals": true}
    relevant_if = models.JSONField(_("asked only if"), default=dict, blank=True)
    # Answers that raise an alert at once: {"equals": false} or {"in": [3, 4]}
    critical_if = models.JSONField(_("critical if"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("checklist question")
        verbose_name_plural = _("checklist questions")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="question_code_in_version")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text}"

    def choice_label(self, value) -> str:
        """A choice's label in the current language (the value itself if it is no choice)."""
        lang = (get_language() or "ru")[:2]
        for choice in self.choices:
            if choice["value"] == value:
                label = choice["label"]
                return label.get(lang) or label.get("ru") or str(value)
        return str(value)

    def answer_display(self, value):
        """An answer as a reader sees it: choices by their label, other answers as they are."""
        if self.kind == self.Kind.SINGLE:
            return self.choice_label(value)
        if self.kind == self.Kind.MULTIPLE and isinstance(value, list):
            return ", ".join(self.choice_label(item) for item in value)
        return value


class Submission(models.Model):
    """One observer's answers to one form at one station, from any channel, stored once."""

    client_id = models.UUIDField(unique=True)
    version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="+")
    # No index of its own: the (election, station, version) index below begins with it, and
    # every index is one more write for each election-day report.
    election = models.ForeignKey(
        "elections.Election", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.PROTECT, related_name="submissions"
    )
    observer = models.ForeignKey(
        "observers.Observer", on_delete=models.PROTECT, related_name="submissions"
    )
    channel = models.CharField(_("channel"), max_length=12)
    observed_at = models.DateTimeField(_("observed"))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    raw = models.JSONField(_("input as received"))
    answers = models.JSONField(_("answers"))
    # Folded into the live counts yet (counting.py)? A database default too, so that any
    # INSERT that leaves the column out stores a report still to be counted.
    counted = models.BooleanField(default=False, db_default=False, editable=False)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [
            models.Index(fields=["election", "station", "version"]),
            # Only the reports still to count: a few seconds' worth, not the day's.
            models.Index(
                fields=["id"], name="submission_not_counted", condition=models.Q(counted=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version} @ {self.station_id}"

    @property
    def channel_label(self) -> str:
        return str(CHANNELS.get(self.channel, self.channel))


class CriticalAlert(models.Model):
    """A critical answer (ballot stuffing seen, observer removed) for the alert feed."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="alerts")
    question_code = models.CharField(max_length=4)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        # The alert feed reads the newest few; without it, every alert of the day is sorted.
        indexes = [models.Index(fields=["created_at"], name="critical_alert_created")]

    def __str__(self) -> str:
        return f"{self.submission} {self.question_code}"


class ChecklistPhoto(models.Model):
    """A photo answer, kept privately and named by its SHA-256; an answer holds the hash. The
    same picture sent twice by one observer (a resend, another channel) is one photo."""

    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content_type = models.CharField(_("type"), max_length=40)
    observer = models.ForeignKey(
        "observers.Observer", on_delete=models.PROTECT, related_name="checklist_photos"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("checklist photo")
        verbose_name_plural = _("checklist photos")
        constraints = [
            models.UniqueConstraint(fields=["sha256", "observer"], name="photo_once_per_observer")
        ]

    def __str__(self) -> str:
        return self.sha256[:12]


class CountingSubmission(models.Model):
    """Which submission of an observer at a station counts for a form now: the one received
    last (then the higher id). Kept by counting.py as reports are folded in, in any order."""

    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    form = models.ForeignKey(ChecklistForm, on_delete=models.CASCADE, related_name="+")
    station = models.ForeignKey(
        "geography.PollingStation", on_delete=models.CASCADE, related_name="+"
    )
    observer = models.ForeignKey("observers.Observer", on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["election", "form", "station", "observer"], name="one_counting_submission"
            )
        ]

    def __str__(self) -> str:
        return f"{self.form_id} @ {self.station_id}: {self.submission_id}"


class AnswerCount(models.Model):
    """Live counts of the counting submissions, per form and region: for each question `code`
    the reports that answer it (`value` ""; `total` the sum of whole-number answers) and, for
    yes/no and choice questions, the reports per answer (`value` the answer as JSON). The
    line with `code` "" counts the reports themselves."""

    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    form = models.ForeignKey(ChecklistForm, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("geography.Region", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=4, blank=True)
    value = models.CharField(max_length=64, blank=True)
    count = models.BigIntegerField(default=0)
    total = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["election", "form", "region", "code", "value"], name="one_answer_count"
            )
        ]

    def __str__(self) -> str:
        return f"{self.form_id} {self.region_id} {self.code}={self.value}: {self.count}"


class PublicFigures(models.Model):
    """The counts of every region together, as they stood at `taken_at`: what the public
    summary shows once they are AMANAT_PUBLIC_DELAY_MINUTES old. {form id: {code: {value:
    [count, total]}}}, in AnswerCount's terms."""

    election = models.ForeignKey("elections.Election", on_delete=models.CASCADE, related_name="+")
    taken_at = models.DateTimeField()
    figures = models.JSONField()

    class Meta:
        indexes = [models.Index(fields=["election", "taken_at"], name="public_figures_taken")]

    def __str__(self) -> str:
        return f"{self.election_id} @ {self.taken_at:%H:%M}"
