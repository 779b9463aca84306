import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.geography.models import Region

from .models import Category


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,video/*,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ReportForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    category = forms.ModelChoiceField(
        label=_("What kind of violation?"), queryset=Category.objects.all(), required=False,
        to_field_name="code", empty_label=_("I am not sure"),
    )  # fmt: skip
    description = forms.CharField(
        label=_("What happened?"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    occurred_at = forms.DateTimeField(
        label=_("When?"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    station = forms.CharField(label=_("Polling station number (if any)"), required=False,
                              max_length=20)  # fmt: skip
    region = forms.ModelChoiceField(label=_("Region or city"), queryset=Region.objects.all(),
                                    required=False, to_field_name="code")  # fmt: skip
    place = forms.CharField(label=_("Place (address, building)"), required=False, max_length=300)
    evidence = MultipleFileField(label=_("Photos, videos or documents (optional)"),
                                 required=False)  # fmt: skip
    contact = forms.CharField(
        label=_("How to reach you (optional, never published)"), required=False, max_length=200
    )


class FollowUpForm(forms.Form):
    code = forms.CharField(label=_("Your follow-up code"), max_length=20)


class AddInformationForm(forms.Form):
    text = forms.CharField(label=_("What would you like to add?"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)  # fmt: skip
    evidence = MultipleFileField(label=_("Photos, videos or documents (optional)"),
                                 required=False)  # fmt: skip
