"""The moderators' forms: each action on a report parses its POST here, with the choices
the models allow, so that a hand-made request is refused instead of stored or crashing."""

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from amanat.accounts.models import User
from amanat.legal.complaints import Body

from .models import Evidence, Referral, Report
from .selectors import reports_to_moderate, responders_for

LARGEST_ID = 2**63 - 1
REGION_RESPONDER = _("Choose a lawyer or coordinator of the report's region.")
THIS_REFERRAL = _("Choose one of this report's complaints.")
THIS_FILE = _("Choose one of this report's files.")
SAME_EVENT = _("Choose among the reports of the same event listed here.")


def _choices(form: forms.Form, name: str) -> "forms.ModelChoiceField[Any]":
    """A form's model choice field, to scope its queryset to what this request may touch."""
    return cast("forms.ModelChoiceField[Any]", form.fields[name])


class TriageForm(forms.Form):
    status = forms.ChoiceField(choices=Report.Status.choices)
    credibility = forms.ChoiceField(choices=Report.Credibility.choices)
    note = forms.CharField(required=False, max_length=5000)


class PublishForm(forms.Form):
    summary = forms.CharField(required=False, max_length=5000)


class AssignForm(forms.Form):
    """Only the lawyers and coordinators of the report's region can be chosen."""

    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(),
        error_messages={"required": REGION_RESPONDER, "invalid_choice": REGION_RESPONDER},
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "assignee").queryset = responders_for(report)


class ReferForm(forms.Form):
    body = forms.ChoiceField(choices=[("", ""), *Body.choices], required=False)
    language = forms.ChoiceField(choices=[("ru", "ru"), ("kk", "kk")])


class AnswerForm(forms.Form):
    referral = forms.ModelChoiceField(
        queryset=Referral.objects.none(),
        error_messages={"required": THIS_REFERRAL, "invalid_choice": THIS_REFERRAL},
    )
    answer = forms.CharField(required=False, max_length=5000)
    outcome = forms.ChoiceField(choices=Referral.Outcome.choices)

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "referral").queryset = report.referrals.all()


class RedactForm(forms.Form):
    evidence = forms.ModelChoiceField(
        queryset=Evidence.objects.none(),
        error_messages={"required": THIS_FILE, "invalid_choice": THIS_FILE},
    )
    x0 = forms.FloatField(min_value=0, max_value=100)
    y0 = forms.FloatField(min_value=0, max_value=100)
    x1 = forms.FloatField(min_value=0, max_value=100)
    y1 = forms.FloatField(min_value=0, max_value=100)
    mode = forms.ChoiceField(
        choices=[("blur", _("Blur the region")), ("crop", _("Crop to the region"))]
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "evidence").queryset = report.evidence.all()


class ReportsField(forms.ModelMultipleChoiceField):
    """Report ids: what is not a whole number a database can hold is refused here, before
    the lookup (SQLite cannot even bind an integer beyond 64 bits)."""

    def clean(self, value: Any) -> Any:
        for pk in value if isinstance(value, list | tuple) else []:
            if not str(pk).isdecimal() or int(pk) > LARGEST_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                    params={"pk": pk},
                )  # fmt: skip
        return super().clean(value)


class MergeForm(forms.Form):
    """The reports of the same event, among those this moderator may see."""

    duplicate = ReportsField(
        queryset=Report.objects.none(),
        error_messages={
            "required": _("Choose the reports of the same event first."),
            "invalid_choice": SAME_EVENT, "invalid_pk_value": SAME_EVENT,
        },
    )  # fmt: skip

    def __init__(self, *args: Any, report: Report, moderator: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        candidates = reports_to_moderate(moderator).exclude(pk=report.pk)
        _choices(self, "duplicate").queryset = candidates


class WithdrawForm(forms.Form):
    reason = forms.CharField(max_length=1000)
