import uuid

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from amanat.geography.models import District, Region

from .models import Availability, Deployment, Language, SosAlert


class ApplicationForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    full_name = forms.CharField(label=_("First name and surname"), max_length=200)
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("E-mail (optional)"), required=False)
    region = forms.ModelChoiceField(
        label=_("Region where you will observe"),
        queryset=Region.objects.order_by("code"),
        # With JavaScript, choosing a region reloads the district list with its districts
        # only (htmx, from this same page); without it, every district is offered under
        # its region's name.
        widget=forms.Select(
            attrs={
                "hx-get": reverse_lazy("observers:apply"),
                "hx-trigger": "change",
                "hx-target": "#id_district",
                "hx-select": "#id_district",
                "hx-swap": "outerHTML",
            }
        ),
    )
    district = forms.ModelChoiceField(
        label=_("District (optional)"),
        queryset=District.objects.select_related("region").order_by("region__code", "name"),
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.MultipleChoiceField(
        label=_("When you can observe"),
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    experience = forms.CharField(
        label=_("Experience of observing or of public work (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    has_conflict = forms.BooleanField(
        label=_(
            "I work for a candidate, a party, an election commission or a state body that "
            "organises the election, or a close relative does"
        ),
        required=False,
    )
    conflict_details = forms.CharField(
        label=_("If so, describe it"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    consent = forms.BooleanField(
        label=_(
            "I consent to Amanat processing my personal data to vet and deploy observers. "
            "Only the coordinators of my region and the administrators see it."
        ),
        required=False,
    )
    pledge = forms.BooleanField(
        label=_("I accept the observers' code of conduct above"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what is offered changes; any district passes here, and the service refuses
        # one outside the region with a message that says so.
        region_id = str((self.data if self.is_bound else self.initial).get("region") or "")
        district = self.fields["district"]
        if region_id.isdigit():
            chosen = district.queryset.filter(region_id=region_id)
            district.choices = [("", "—"), *((d.pk, d.name) for d in chosen)]
        else:
            district.choices = _districts_by_region(district.queryset)


def _districts_by_region(districts) -> list:
    """Every district, grouped under its region's name (<optgroup>), for the form without a
    chosen region."""
    groups: dict = {}
    for district in districts:
        groups.setdefault(district.region.name, []).append((district.pk, district.name))
    return [("", "—"), *groups.items()]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve")),
            ("needs_info", _("Ask for more information")),
            ("reject", _("Reject")),
        ],
    )
    note = forms.CharField(
        label=_("Note to the applicant (required to reject or ask for more)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FollowUpForm(forms.Form):
    code = forms.CharField(label=_("Your follow-up code"), max_length=20)


class ActivateForm(forms.Form):
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 3}))


class DeploymentForm(forms.Form):
    stations = forms.CharField(
        label=_("Station numbers (several, separated by commas, for a mobile team)"),
        max_length=500,
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Deployment.Kind.choices)
    shift = forms.ChoiceField(label=_("Shift"), choices=Deployment.Shift.choices)


class DeploymentCsvForm(forms.Form):
    file = forms.FileField(label=_("CSV file: observer, station, kind, shift"))


class SosForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    note = forms.CharField(
        label=_("What is happening (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    latitude = forms.DecimalField(required=False, widget=forms.HiddenInput)
    longitude = forms.DecimalField(required=False, widget=forms.HiddenInput)


class CheckInForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    station = forms.IntegerField(widget=forms.HiddenInput)
    latitude = forms.DecimalField(required=False, widget=forms.HiddenInput)
    longitude = forms.DecimalField(required=False, widget=forms.HiddenInput)


class SosUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SosAlert.Status.choices)
    outcome = forms.ChoiceField(
        label=_("How it ended"),
        choices=[("", "—"), *SosAlert.Outcome.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BroadcastForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))
    region = forms.ModelMultipleChoiceField(
        label=_("Regions"), queryset=Region.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, to_field_name="code",
    )  # fmt: skip
    station = forms.CharField(label=_("Stations (numbers, optional)"), required=False)
    certified = forms.ChoiceField(
        label=_("Training"),
        choices=[("", _("All observers")), ("yes", _("Certified")), ("no", _("Not certified yet"))],
        required=False,
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        choices=[
            ("inbox", _("Inbox on the website")),
            ("email", _("E-mail")),
            ("telegram", _("Telegram (observers who linked their chat)")),
        ],
        initial=["inbox", "email"],
        widget=forms.CheckboxSelectMultiple,
    )


class AccreditationForm(forms.Form):
    organisation = forms.CharField(label=_("Sending organisation"), max_length=200)
    document_number = forms.CharField(label=_("Document number"), max_length=60)
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=_("Valid until (one year if empty)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class ObserverFilterForm(forms.Form):
    """The coordinator's search and filters over the observers list (GET; never saved)."""

    q = forms.CharField(
        label=_("Name, phone, station number or username"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Every observer")),
            ("certified", _("Certified")),
            ("not_certified", _("Not certified yet")),
            ("inactive", _("Account switched off")),
        ],
    )
    station = forms.ChoiceField(
        label=_("Station"),
        required=False,
        choices=[
            ("", _("Assigned or not")),
            ("assigned", _("Assigned to a station")),
            ("unassigned", _("Not assigned yet")),
        ],
    )
