"""The self-check form and the challenge's signer: parsed here, answered in the user's
language; nothing of the signer is stored."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from .models_conditions import SelfCheck


class SelfCheckForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    station = forms.CharField(
        label=_("Your polling station number"),
        max_length=20,
        help_text=_("The number is on your invitation or in the station finder."),
    )
    outcome = forms.ChoiceField(
        label=_("What did you find in the voter list?"),
        choices=SelfCheck.Outcome.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details (optional): what is wrong, without names of other people"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SignerForm(forms.Form):
    name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_(
            "Commissions do not consider anonymous applications. Nothing you type is stored."
        ),
    )
    contact = forms.CharField(label=_("Your address or phone for the answer"), max_length=200)
    address = forms.CharField(
        label=_("Your address of registration (for an entry at your address)"),
        required=False,
        max_length=300,
    )
    language = forms.ChoiceField(
        label=_("Language of the document"),
        choices=[("ru", _("Russian")), ("kk", _("Kazakh"))],
    )
