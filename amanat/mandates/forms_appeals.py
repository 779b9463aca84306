from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.core.widgets import DATE

from .models import Appeal, StateBody, Topic


class AppealForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("State body"), queryset=StateBody.objects.filter(is_active=True),
        help_text=_("Election commissions answer election matters; akimats, maslikhats and "
                    "ministries answer under the Administrative Procedural Code."),
    )  # fmt: skip
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    subject = forms.CharField(label=_("Heading of the appeal"), max_length=200, min_length=5)
    text = forms.CharField(
        label=_("What you ask the body to do, and why"), min_length=20, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Language of the document"), choices=Appeal.Language.choices
    )
    applicant_name = forms.CharField(label=_("Your full name"), max_length=200, min_length=3)
    applicant_contact = forms.CharField(
        label=_("Your postal address"), max_length=300, min_length=5,
        help_text=_("The Code requires it in a written appeal: the body sends its answer there. "
                    "Printed in the document only; nobody else sees it here."),
    )  # fmt: skip
    applicant_phone = forms.CharField(label=_("Your phone (optional)"), max_length=30,
                                      required=False)  # fmt: skip
    client_id = forms.UUIDField(widget=forms.HiddenInput)


class FilingForm(forms.Form):
    filed_on = forms.DateField(label=_("Filed on"), widget=DATE)
    filed_via = forms.ChoiceField(label=_("How"), choices=Appeal.Via.choices)
    received_on = forms.DateField(
        label=_("By post: the day the body received it"), required=False, widget=DATE,
        help_text=_("From the delivery notice or the body's registration. The term runs from "
                    "that day; until you enter it, no due date is counted."),
    )  # fmt: skip
    registration_number = forms.CharField(
        label=_("Registration number (optional)"), max_length=50, required=False
    )


class ExtensionForm(forms.Form):
    extended_to = forms.DateField(label=_("New due date"), widget=DATE)
    notice_on = forms.DateField(label=_("Date of the body's notice"), widget=DATE)


class AnswerRecordForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What came"), choices=Appeal.Outcome.choices, widget=forms.RadioSelect
    )
    answered_on = forms.DateField(
        label=_("Date of the answer"), required=False,
        widget=DATE,
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("outcome") in (Appeal.Outcome.REAL, Appeal.Outcome.FORMAL) and not data.get(
            "answered_on"
        ):
            self.add_error("answered_on", _("Give the date of the answer."))
        return data
