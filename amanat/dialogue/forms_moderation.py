from django import forms
from django.utils.translation import gettext_lazy as _

from .models_moderation import Reason
from .models_voices import Capacity
from .posts import Language


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong?"), choices=Reason.choices)
    text = forms.CharField(
        label=_("Details for the moderators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PostDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("restore", _("Restore")), ("remove", _("Remove")), ("warn", _("Warn the author"))]
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=Reason.choices, required=False)
    note = forms.CharField(label=_("Message"), required=False, max_length=1000)

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision in ("remove", "warn") and not data.get("reason"):
            self.add_error("reason", _("Choose a reason."))
        if decision == "warn" and not (data.get("note") or "").strip():
            self.add_error("note", _("Write what the author is warned about."))
        return data


class BanForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    reason = forms.ChoiceField(label=_("Reason"), choices=Reason.choices)
    text = forms.CharField(
        label=_("What the person is told"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    days = forms.IntegerField(
        label=_("Days (empty: until lifted)"), required=False, min_value=1, max_value=3650
    )


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of your translation"), choices=Language.choices)
    text = forms.CharField(
        label=_("Translation"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )


class VoiceApplicationForm(forms.Form):
    capacity = forms.ChoiceField(label=_("I speak as"), choices=Capacity.choices)
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    statement = forms.CharField(
        label=_("Who you are and why you speak"),
        max_length=2000,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    links = forms.CharField(
        label=_("Links that show it (one a line)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A staff page, a publication, a press card, a registration notice."),
    )


class VoiceDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Verify")), ("reject", _("Reject")), ("revoke", _("Revoke"))]
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("reject", "revoke") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Write the reason: the applicant reads it."))
        return data
