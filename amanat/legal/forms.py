"""The complaint wizard's questions: what happened, who was involved, when and where, and
the person who signs. Parsed into documents.Facts; nothing typed is stored."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.geography.models import Region

from .complaints import What, Who


class ComplaintForm(forms.Form):
    what = forms.ChoiceField(label=_("What happened?"), choices=What.choices,
                             widget=forms.RadioSelect)  # fmt: skip
    who = forms.ChoiceField(label=_("Who is involved?"), choices=Who.choices)
    happened_at = forms.DateTimeField(
        label=_("When?"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    region: forms.ModelChoiceField[Region] = forms.ModelChoiceField(
        label=_("Region or city"), queryset=Region.objects.order_by("code")
    )
    station = forms.CharField(label=_("Polling station number (if any)"), required=False,
                              max_length=20)  # fmt: skip
    place = forms.CharField(label=_("Place (address, building)"), required=False, max_length=200)
    description = forms.CharField(
        label=_("Describe what happened: who did what, what you saw"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )
    evidence = forms.CharField(
        label=_("Evidence you will attach, one per line (photos, videos, witnesses)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_("Bodies do not consider anonymous complaints. Nothing you type is stored."),
    )
    contact = forms.CharField(label=_("Your address or phone for the answer"), max_length=200)
    language = forms.ChoiceField(
        label=_("Language of the document"),
        choices=[("ru", _("Russian")), ("kk", _("Kazakh"))],
    )
