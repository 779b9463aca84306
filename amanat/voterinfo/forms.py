from django import forms
from django.utils.translation import gettext_lazy as _


class ReminderForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail"))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search guides and answers"), max_length=100)
