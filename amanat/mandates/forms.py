from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.geography.models import District, Region

from .models import Answer, Mandate, Topic


class MandateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, min_length=5)
    text = forms.CharField(
        label=_("What should be done, and why"), max_length=5000, min_length=20,
        widget=forms.Textarea(attrs={"rows": 6}),
    )  # fmt: skip
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all())
    district = forms.ModelChoiceField(
        label=_("District (optional)"), queryset=District.objects.select_related("region"),
        required=False,
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        district, region = data.get("district"), data.get("region")
        if district is not None and region is not None and district.region_id != region.pk:
            self.add_error("district", _("This district is not in the chosen region."))
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
