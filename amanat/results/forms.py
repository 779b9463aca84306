import uuid

from django import forms
from django.utils.translation import gettext_lazy as _


class ProtocolPhotoForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    station = forms.ChoiceField(label=_("Polling station"))
    # A FileField: the intake (photo_keep) reads the type from the content and measures the
    # picture before decoding, with a reason the observer can act on; ImageField's check
    # would call a too-large picture "corrupted".
    photo = forms.FileField(
        label=_("Photo of the protocol copy"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

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


class SampleSizeForm(forms.Form):
    registered = forms.IntegerField(label=_("Registered voters"), min_value=1)
    margin = forms.FloatField(label=_("Margin of error, percentage points"), min_value=0.01,
                              max_value=50, initial=0.5)  # fmt: skip
    confidence = forms.TypedChoiceField(label=_("Confidence"), coerce=float, initial="0.95",
                                        choices=[("0.95", "95 %"), ("0.99", "99 %")])  # fmt: skip
    heterogeneity = forms.FloatField(
        label=_("Expected share of the leading candidate, % (50 is the safest)"),
        min_value=1, max_value=99, initial=50,
    )  # fmt: skip
    station_size = forms.FloatField(label=_("Voters per station, on average"), min_value=1)
    turnout = forms.FloatField(label=_("Expected turnout, %"), min_value=1, max_value=100,
                               initial=65)  # fmt: skip


class PvtSampleForm(forms.Form):
    size = forms.IntegerField(label=_("Stations in the sample"), min_value=2)
    seed = forms.IntegerField(label=_("Seed (write it down: it reproduces the sample)"),
                              min_value=0)  # fmt: skip
