"""An entry of the refusals register, with its choices limited to the lawyer's regions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.core.widgets import DATE
from amanat.elections.models import Candidate, Election
from amanat.geography.models import Region

from .models_conditions import Refusal


class RefusalForm(forms.ModelForm):
    class Meta:
        model = Refusal
        fields = [
            "election", "region", "candidate", "candidate_name", "language", "kind", "decided_on",
            "body",
            "ground", "submitted_on", "term_working_days", "kept_recorded", "appeal_on",
            "appeal_body", "court", "court_on", "note", "is_published",
        ]  # fmt: skip
        widgets = {
            "decided_on": DATE, "submitted_on": DATE, "appeal_on": DATE, "court_on": DATE,
            "ground": forms.Textarea(attrs={"rows": 3}), "note": forms.Textarea(attrs={"rows": 3}),
        }  # fmt: skip
        help_texts = {
            "candidate_name": _("When the candidate is not in the system."),
            "term_working_days": _(
                "With the submission date, the decision's due day is computed in working days."
            ),
            "kept_recorded": _("Used only when the due day cannot be computed."),
            "is_published": _("Published entries appear on the public register."),
            "language": _("The language the texts of this entry are written in."),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = Region.objects.order_by("code")
        if user.is_region_scoped:
            regions = regions.filter(pk__in=user.regions.all())
        fields: Any = self.fields
        fields["region"].queryset = regions
        fields["election"].queryset = Election.objects.order_by("-election_day")
        fields["candidate"].queryset = Candidate.objects.order_by("pk")
        fields["candidate"].required = False
        if self.instance.pk:  # its texts are in the language the lawyer wrote them in
            for name in ("candidate_name", "body", "ground", "appeal_body", "note"):
                fields[name].widget.attrs["lang"] = self.instance.language

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("candidate") and not (data.get("candidate_name") or "").strip():
            self.add_error("candidate_name", _("Choose the candidate or write their name."))
        decided = data.get("decided_on")
        for name in ("appeal_on", "court_on"):
            later = data.get(name)
            if decided and later and later < decided:
                self.add_error(name, _("This date cannot be before the decision."))
        return data
