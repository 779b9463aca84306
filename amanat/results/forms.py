import uuid

from django import forms
from django.utils.translation import gettext_lazy as _


class ProtocolPhotoForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    station = forms.ChoiceField(label=_("Polling station"))
    photo = forms.ImageField(label=_("Photo of the protocol copy"))

    def __init__(self, *args, stations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].choices = [(s.number, f"№{s.number}") for s in stations]


def field_name(line: str) -> str:
    return "line_" + line.replace(":", "_")


class ProtocolEntryForm(forms.Form):
    """One whole-number field per protocol line, labelled as on the protocol."""

    def __init__(self, *args, labels: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(labels)
        for line, label in labels.items():
            self.fields[field_name(line)] = forms.IntegerField(
                label=label, min_value=0, max_value=100000
            )

    def figures(self) -> dict[str, int]:
        return {line: self.cleaned_data[field_name(line)] for line in self.lines}
