from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.elections.models import Contest, Election
from amanat.geography.models import District, Region

from .models import Answer, Mandate, Topic
from .selectors import election_default, elections_not_over


class ContestChoice(forms.ModelChoiceField):
    """A district's contest with its election: "District no. 7" alone is ambiguous."""

    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.election.name}"


class MandateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, min_length=5)
    text = forms.CharField(
        label=_("What should be done, and why"), max_length=5000, min_length=20,
        widget=forms.Textarea(attrs={"rows": 6}),
    )  # fmt: skip
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    election = forms.ModelChoiceField(
        label=_("Election"), queryset=Election.objects.none(), required=False,
        help_text=_("The candidates of this election receive the mandate."),
    )  # fmt: skip
    contest = ContestChoice(
        label=_("Only the candidates of one district (optional)"),
        queryset=Contest.objects.none(), required=False,
        help_text=_("Empty: addressed to every candidate of the election."),
    )  # fmt: skip
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all())
    district = forms.ModelChoiceField(
        label=_("District (optional)"), queryset=District.objects.select_related("region"),
        required=False,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Mandates go to elections not over yet; the next one is chosen unless changed.
        elections = elections_not_over()
        election = cast(forms.ModelChoiceField, self.fields["election"])
        election.queryset = elections
        election.initial = election_default()
        contest = cast(forms.ModelChoiceField, self.fields["contest"])
        contest.queryset = Contest.objects.filter(election__in=elections).select_related("election")

    def clean(self):
        data = super().clean()
        district, region = data.get("district"), data.get("region")
        if district is not None and region is not None and district.region_id != region.pk:
            self.add_error("district", _("This district is not in the chosen region."))
        contest = data.get("contest")
        if data.get("election") is None:
            data["election"] = contest.election if contest else election_default()
        if contest is not None and contest.election_id != data["election"].pk:
            self.add_error("contest", _("This district's contest is not in the chosen election."))
        return data


class MergeForm(forms.Form):
    keeper = forms.ModelChoiceField(
        label=_("Merge into"), queryset=Mandate.objects.open(),
        widget=forms.NumberInput, help_text=_("The number of the mandate that stays."),
    )  # fmt: skip


class AnswerForm(forms.Form):
    position = forms.ChoiceField(label=_("Position"), choices=Answer.Position.choices)
    text = forms.CharField(
        label=_("Answer"), min_length=10, max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    commitment = forms.CharField(
        label=_("Commitment (optional)"), required=False, max_length=1000,
        help_text=_("What the candidate undertakes to do if elected: it becomes a promise."),
    )  # fmt: skip
