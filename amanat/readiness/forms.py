import secrets
from datetime import timedelta
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.elections.models import Election
from amanat.geography.models import Region

from .extracts import MAX_BYTES


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Name of the audit"), max_length=200)
    election = forms.ModelChoiceField(label=_("Election"), queryset=Election.objects.none())
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False,
        empty_label=_("Whole country"),
    )  # fmt: skip
    stations_wanted = forms.IntegerField(label=_("Stations to draw"), min_value=2, max_value=500)
    names_per_station = forms.IntegerField(
        label=_("Names per station"), min_value=1, max_value=100, initial=20
    )
    purge_on = forms.DateField(
        label=_("Delete the list extracts on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Every uploaded extract is deleted on this day; the outcomes stay."),
    )
    seed = forms.IntegerField(label=_("Random seed"), min_value=1, max_value=2_000_000_000)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        cast(
            "forms.ModelChoiceField[Any]", self.fields["election"]
        ).queryset = Election.objects.order_by("-election_day")
        regions = Region.objects.order_by("code")
        if user.role != Role.ADMIN:
            regions = regions.filter(pk__in=user.regions.all())
            self.fields["region"].required = True
            cast("forms.ModelChoiceField[Any]", self.fields["region"]).empty_label = None
        self.fields["seed"].initial = secrets.randbelow(1_000_000) + 1
        cast("forms.ModelChoiceField[Any]", self.fields["region"]).queryset = regions

    def clean_purge_on(self):
        day = self.cleaned_data["purge_on"]
        today = timezone.localdate()
        if day <= today:
            raise forms.ValidationError(_("Choose a day after today."))
        if day > today + timedelta(days=366):
            raise forms.ValidationError(_("Extracts are kept at most a year."))
        return day


class ExtractForm(forms.Form):
    file = forms.FileField(
        label=_("List extract (CSV: name, birth_date, address)"),
        help_text=_("Personal data: only the audit team of this region sees it."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
