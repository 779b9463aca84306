from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.elections.models import Candidate, Election, Party

from .models import Appearance, FundDeclaration, Genre, Item, MonitoringPeriod, Outlet
from .reports import candidates_running


def _choices(form: forms.BaseForm, name: str) -> "forms.ModelChoiceField[Any]":
    """A choice field of the form, whose choices are narrowed to what the user may pick."""
    return cast("forms.ModelChoiceField[Any]", form.fields[name])


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["period", "outlet", "date", "title"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, election: Election | None, **kwargs):
        super().__init__(*args, **kwargs)
        _choices(self, "period").queryset = MonitoringPeriod.objects.filter(election=election)
        _choices(self, "outlet").queryset = Outlet.objects.order_by("name")
        self.fields["outlet"].widget.attrs["translate"] = "no"  # outlets' own names


class GenreForm(forms.Form):
    genre = forms.ChoiceField(label=_("Genre"), choices=Genre.choices)


class AppearanceForm(forms.Form):
    subject_kind = forms.ChoiceField(
        label=_("Monitored subject"), choices=Appearance.SubjectKind.choices, initial="candidate"
    )
    candidate = forms.ModelChoiceField(label=_("Candidate"), queryset=Candidate.objects.none(),
                                       required=False)  # fmt: skip
    party = forms.ModelChoiceField(label=_("Party"), queryset=Party.objects.none(), required=False)
    official = forms.CharField(label=_("Official (post)"), max_length=200, required=False)
    voice = forms.ChoiceField(label=_("Speaks or spoken about"), choices=Appearance.Voice.choices,
                              widget=forms.RadioSelect, initial="speaks")  # fmt: skip
    role = forms.ChoiceField(label=_("Incumbent"), choices=Appearance.Role.choices,
                             initial="none")  # fmt: skip
    topic = forms.CharField(label=_("Topic"), max_length=100, required=False)
    amount = forms.IntegerField(label=_("Time (s), space (cm²) or characters"), min_value=0,
                                max_value=10_000_000)  # fmt: skip
    tone = forms.TypedChoiceField(label=_("Tone"), choices=Appearance.Tone.choices, coerce=int,
                                  widget=forms.RadioSelect, initial=0)  # fmt: skip

    # The usual appearance (a candidate) is coded top to bottom; a party or an official below.
    field_order = ["candidate", "amount", "tone", "voice", "role", "topic", "subject_kind",
                   "party", "official"]  # fmt: skip

    def __init__(self, *args, election: Election | None, **kwargs):
        super().__init__(*args, **kwargs)
        running = candidates_running(election)
        _choices(self, "candidate").queryset = Candidate.objects.filter(
            pk__in=[c.pk for c in running]
        ).order_by("full_name")
        _choices(self, "party").queryset = Party.objects.order_by("name")
        # Keys for a monitor who codes without the mouse (Alt+key, or Alt+Shift+key).
        for name, key in (("subject_kind", "j"), ("candidate", "c"), ("amount", "a"),
                          ("topic", "p")):  # fmt: skip
            self.fields[name].widget.attrs["accesskey"] = key
        self.fields["candidate"].widget.attrs["autofocus"] = True

    def clean(self):
        data = super().clean()
        kind = data.get("subject_kind")
        needed = {"candidate": "candidate", "party": "party", "official": "official"}.get(kind)
        if needed and not data.get(needed):
            self.add_error(needed, _("Name the subject of this appearance."))
        if "official" in data:
            data["official"] = data["official"].replace("\x00", "").strip()
            data["topic"] = data.get("topic", "").replace("\x00", "").strip()
        return data


class AssignForm(forms.Form):
    period: "forms.ModelChoiceField[MonitoringPeriod]" = forms.ModelChoiceField(
        label=_("Monitoring period"), queryset=MonitoringPeriod.objects.none()
    )
    share = forms.IntegerField(label=_("Share of coded items to code twice, %"), min_value=1,
                               max_value=100, initial=10)  # fmt: skip

    def __init__(self, *args, election: Election | None, **kwargs):
        super().__init__(*args, **kwargs)
        _choices(self, "period").queryset = MonitoringPeriod.objects.filter(election=election)


class FundForm(forms.ModelForm):
    class Meta:
        model = FundDeclaration
        fields = ["candidate", "amount", "declared_on", "source"]
        widgets = {"declared_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, election: Election | None, **kwargs):
        super().__init__(*args, **kwargs)
        running = [c.pk for c in candidates_running(election)]
        _choices(self, "candidate").queryset = Candidate.objects.filter(pk__in=running)
        self.fields["amount"].validators.append(_not_negative)


def _not_negative(value):
    if value < 0:
        raise forms.ValidationError(_("The amount cannot be negative."))
