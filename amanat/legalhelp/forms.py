import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.geography.models import Region

from .models import LegalTopic


class AskForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    region = forms.ModelChoiceField(
        label=_("Your region"), queryset=Region.objects.order_by("code")
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=LegalTopic.choices)
    text = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Do not write names or phone numbers unless the lawyer needs them."),
        max_length=5000,
    )
    is_public = forms.BooleanField(
        label=_("The answer may be published in the FAQ, without my personal details"),
        required=False,
    )
    notify_email = forms.EmailField(
        label=_("E-mail to tell you about the answer (optional)"), required=False
    )


class FollowForm(forms.Form):
    code = forms.CharField(label=_("Your follow-up code"), max_length=20)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}))


class PublishForm(forms.Form):
    question_text = forms.CharField(
        label=_("Question for the FAQ (remove names and details)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    answer_text = forms.CharField(
        label=_("Answer for the FAQ"), widget=forms.Textarea(attrs={"rows": 6})
    )
