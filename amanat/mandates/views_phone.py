"""The phone confirmation step: a signed-in citizen enters a number, receives a code by SMS
and enters it; then they write and support mandates."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.rate_limits import rate_limit

from .phone import PhoneRefused, phone_code_check, phone_code_pending, phone_code_send
from .selectors import person_confirmed


class PhoneForm(forms.Form):
    phone = forms.CharField(
        label=gettext_lazy("Phone number"), max_length=32,
        help_text=gettext_lazy("For example 8 701 123 45 67 or +7 701 123 45 67."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )  # fmt: skip


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from the SMS"), max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )  # fmt: skip


def _refused(failure: PhoneRefused) -> str:
    texts = {
        "invalid": _("This is not a phone number we can send an SMS to."),
        "taken": _("This number is already confirmed for another account."),
        "too_many_sends": _("Too many codes were sent in the last hour. Try again later."),
        "none": _("Ask for a code first."),
        "expired": _("The code has expired. Ask for a new one."),
        "spent": _("Too many wrong tries. Ask for a new code."),
    }
    if failure.code == "wrong":
        return _("Wrong code. Tries left: %(left)s.") % {"left": failure.attempts_left}
    return texts[failure.code]


@login_required
@rate_limit(key="user", rate="10/h", method="POST")
@require_http_methods(["GET", "POST"])
def phone_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    if person_confirmed(request.user):
        messages.info(request, _("You are already confirmed: you can write and support mandates."))
        return redirect("mandates:write")
    form = PhoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            phone_code_send(user=request.user, raw_phone=form.cleaned_data["phone"])
        except PhoneRefused as failure:
            form.add_error("phone", _refused(failure))
        else:
            messages.success(request, _("We sent a code by SMS. Enter it below."))
            return redirect("mandates:phone_code")
    status = 400 if form.errors else 200
    return render(request, "mandates/phone.html", {"form": form}, status=status)


@login_required
@rate_limit(key="user", rate="30/h", method="POST")
@require_http_methods(["GET", "POST"])
def phone_code(request: AuthenticatedHttpRequest) -> HttpResponse:
    pending = phone_code_pending(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            phone_code_check(user=request.user, code=form.cleaned_data["code"], request=request)
        except PhoneRefused as failure:
            form.add_error("code", _refused(failure))
        else:
            messages.success(request, _("Your phone number is confirmed."))
            return redirect("mandates:write")
    context = {"form": form, "pending": pending}
    return render(request, "mandates/phone_code.html", context, status=400 if form.errors else 200)
