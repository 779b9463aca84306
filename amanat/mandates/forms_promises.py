"""Staff forms of promises: who is elected, a promise entered with its source, a rating."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amanat.core.widgets import DATE
from amanat.elections.models import Candidate, Contest

from .models import Mandate
from .services_promises import MIN_EVIDENCE, RATED

OUTCOMES_HELP = _(
    "Rate outcomes, not intentions: what was actually done by the date of the evidence, "
    "not what was announced, planned or budgeted."
)


class RatingForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[(s.value, s.label) for s in RATED], help_text=OUTCOMES_HELP
    )
    evidence_date = forms.DateField(label=_("Date of the evidence"), widget=DATE)
    evidence = forms.CharField(
        label=_("Evidence: what happened"), min_length=MIN_EVIDENCE, max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    source_url = forms.URLField(
        label=_("Source of the evidence (link)"), max_length=200, assume_scheme="https"
    )

    def clean_evidence_date(self):
        day = self.cleaned_data["evidence_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The evidence cannot be dated in the future."))
        return day


class PromiseForm(forms.Form):
    title = forms.CharField(label=_("Title"), min_length=5, max_length=200)
    text = forms.CharField(
        label=_("What was promised, in the candidate's words"), min_length=10, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    source_url = forms.URLField(
        label=_("Where it was promised (link)"), max_length=200, assume_scheme="https"
    )
    mandate = forms.ModelChoiceField(
        label=_("Number of the mandate it answers (optional)"), queryset=Mandate.objects.open(),
        required=False, widget=forms.NumberInput,
    )  # fmt: skip


class ContestChoice(forms.ModelChoiceField):
    """A contest with its election: "District no. 7" alone is ambiguous across elections."""

    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.election.name} ({obj.election.election_day:%Y})"


class ElectedForm(forms.Form):
    candidate = forms.ModelChoiceField(
        label=_("Candidate"),
        queryset=Candidate.objects.filter(ballotoption__isnull=False).distinct(),
    )
    contest = ContestChoice(label=_("Contest"), queryset=Contest.objects.select_related("election"))
    declared_on = forms.DateField(label=_("Declared elected on"), widget=DATE)
    source = forms.CharField(label=_("Decision that declared the result"), max_length=300)
    source_url = forms.URLField(
        label=_("Link to the decision (optional)"), required=False, max_length=200,
        assume_scheme="https",
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        candidate, contest = data.get("candidate"), data.get("contest")
        if candidate and contest and not contest.options.filter(candidate=candidate).exists():
            self.add_error("candidate", _("This candidate did not run in this contest."))
        day = data.get("declared_on")
        if contest and day and day < contest.election.election_day:
            self.add_error("declared_on", _("A result is declared on or after election day."))
        return data
