from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Vote
from .posts import Language


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
    language = forms.ChoiceField(
        label=_("Language you write in"), choices=Language.choices, required=False
    )


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Moderate out"))])
