from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.elections.models import Contest

MAX_UPLOAD = 100 * 2**20


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class TableAnalysisForm(forms.Form):
    """Column names are given whole, one per line: official column names contain commas."""

    file = forms.FileField(label=_("Station-level results (CSV, .zip or .gz)"))
    voters = forms.CharField(label=_("Column of registered voters"), max_length=300)
    turnout = forms.CharField(
        label=_("Columns of ballots issued (one per line; added up)"), widget=forms.Textarea(
            attrs={"rows": 3}), max_length=2000,
    )  # fmt: skip
    ballots = forms.CharField(
        label=_("Columns of ballots cast (one per line; added up)"),
        widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
    )  # fmt: skip
    votes = forms.CharField(label=_("Column of the candidate's votes"), max_length=300)
    region = forms.CharField(label=_("Column of the region (optional)"), max_length=300,
                             required=False)  # fmt: skip
    min_voters = forms.IntegerField(label=_("Smallest station (voters)"), initial=100,
                                    min_value=0)  # fmt: skip

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 100 MB."))
        if not upload.name.lower().endswith((".csv", ".zip", ".gz")):
            raise forms.ValidationError(_("Bring a CSV file, optionally as .zip or .gz."))
        return upload

    def clean_turnout(self):
        return _lines(self.cleaned_data["turnout"])

    def clean_ballots(self):
        return _lines(self.cleaned_data["ballots"])


class OfficialAnalysisForm(forms.Form):
    option = forms.ChoiceField(label=_("Candidate or list"))

    def __init__(self, *args: Any, contest: Contest | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = contest.options.order_by("position") if contest else []
        self.labels: dict[int, str] = {o.position: str(o) for o in options}
        option = cast(forms.ChoiceField, self.fields["option"])  # declared above
        option.choices = list(self.labels.items())
