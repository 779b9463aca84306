import re
from datetime import time

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from amanat.elections.models import Election
from amanat.geography.models import Region

from .models_events import Event, LiveQuestion

LANGUAGES = ("kk", "ru", "en")
AGENDA_LINE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s+(.+?)\s*$")
WHEN = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _https(field: models.Field, **kwargs) -> forms.Field | None:
    """An address typed without a scheme is https (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EventForm(forms.ModelForm):
    """Staff open or change an event in three languages; the agenda is one line per item,
    "10:00 Opening", in each language (the items are matched by their time)."""

    agenda_kk = forms.CharField(
        label=_("Agenda (Kazakh)"), required=False, max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    agenda_ru = forms.CharField(
        label=_("Agenda (Russian)"), required=False, max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One item a line: time and title, e.g. 10:00 Opening."),
    )  # fmt: skip
    agenda_en = forms.CharField(
        label=_("Agenda (English)"), required=False, max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip

    class Meta:
        model = Event
        formfield_callback = _https
        fields = [
            "title_kk", "title_ru", "title_en", "description_kk", "description_ru",
            "description_en", "election", "region", "starts_at", "ends_at", "capacity",
            "online_url", "video_url", "recording_url", "summary_kk", "summary_ru", "summary_en",
        ]  # fmt: skip
        widgets = {
            "starts_at": WHEN,
            "ends_at": WHEN,
            "description_kk": forms.Textarea(attrs={"rows": 3}),
            "description_ru": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "summary_kk": forms.Textarea(attrs={"rows": 3}),
            "summary_ru": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["election"].queryset = Election.objects.order_by("-pk")
        self.fields["region"].queryset = Region.objects.order_by("code")
        self.fields["title_ru"].required = True
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs["min"] = 1
        if self.instance.pk:
            for code in LANGUAGES:
                self.fields[f"agenda_{code}"].initial = "\n".join(
                    f"{item.time:%H:%M} {getattr(item, f'title_{code}') or ''}".strip()
                    for item in self.instance.agenda.all()
                )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        if (data.get("capacity") or 0) < 1:
            self.add_error("capacity", _("An event needs at least one place."))
        return data

    def agenda(self) -> list[tuple[time, dict[str, str]]]:
        """The items by time, each with its title in the languages given; a wrong line is an
        error of its field."""
        items: dict[time, dict[str, str]] = {}
        for code in LANGUAGES:
            for line in (self.cleaned_data.get(f"agenda_{code}") or "").splitlines():
                if not line.strip():
                    continue
                found = AGENDA_LINE.match(line)
                if not found or int(found[1]) > 23 or int(found[2]) > 59:
                    self.add_error(
                        f"agenda_{code}", _("Write each item as a time and a title: 10:00 Opening.")
                    )
                    return []
                items.setdefault(time(int(found[1]), int(found[2])), {})[code] = found[3][:300]
        return sorted(items.items())


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        min_length=5,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    anonymous = forms.BooleanField(
        label=_("Ask anonymously: my name is not shown to anyone, moderators included"),
        required=False,
    )


class MarkForm(forms.Form):
    state = forms.ChoiceField(choices=LiveQuestion.State.choices)
