"""The moderators' forms: each action on a report parses its POST here, with the choices
the models allow, so that a hand-made request is refused instead of stored or crashing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.legal.complaints import Body

from .models import Referral, Report


class TriageForm(forms.Form):
    status = forms.ChoiceField(choices=Report.Status.choices)
    credibility = forms.ChoiceField(choices=Report.Credibility.choices)
    note = forms.CharField(required=False, max_length=5000)


class PublishForm(forms.Form):
    summary = forms.CharField(required=False, max_length=5000)


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, responders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = responders


class ReferForm(forms.Form):
    body = forms.ChoiceField(choices=[("", ""), *Body.choices], required=False)
    language = forms.ChoiceField(choices=[("ru", "ru"), ("kk", "kk")])


class AnswerForm(forms.Form):
    referral = forms.IntegerField()
    answer = forms.CharField(required=False, max_length=5000)
    outcome = forms.ChoiceField(choices=Referral.Outcome.choices)


class RedactForm(forms.Form):
    evidence = forms.IntegerField()
    x0 = forms.FloatField(min_value=0, max_value=100)
    y0 = forms.FloatField(min_value=0, max_value=100)
    x1 = forms.FloatField(min_value=0, max_value=100)
    y1 = forms.FloatField(min_value=0, max_value=100)
    mode = forms.ChoiceField(
        choices=[("blur", _("Blur the region")), ("crop", _("Crop to the region"))]
    )
