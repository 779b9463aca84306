from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.geography.models import District, Region

from .models import Mandate, Topic


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
