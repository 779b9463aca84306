from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Vote


class VoteForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.TypedChoiceField(choices=Vote.Value.choices, coerce=int)


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"),
        max_length=400,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One idea others can agree or disagree with. A moderator reads it first."),
    )


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Moderate out"))])
