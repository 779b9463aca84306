"""Public pages: apply to observe, follow the application with the secret code."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from amanat.core.rate_limits import rate_limit
from amanat.elections.selectors import election_current
from amanat.geography.models import Region

from ..forms import ActivateForm, ApplicationForm, FollowUpForm, ReplyForm
from ..models import Application
from ..pledge import PLEDGE_VERSION, pledge_text
from ..selectors import coverage_by_region, coverage_totals
from ..services import recruitment

SESSION_KEY = "observer_application"


@rate_limit(key="ip", rate="10/h", method="POST")
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    # ?region= (the htmx request when a region is chosen) narrows the district list.
    form = ApplicationForm(request.POST or None, initial={"region": request.GET.get("region")})
    errors: dict[str, str] = {}
    if request.method == "POST" and form.is_valid():
        data = recruitment.ApplicationInput(**form.cleaned_data)
        try:
            application, code = recruitment.application_submit(data=data)
        except recruitment.ApplicationInvalid as invalid:
            errors = invalid.errors
        else:
            request.session[SESSION_KEY] = application.pk
            return render(request, "observers/applied.html", {"code": code})
    for field, message in errors.items():
        form.add_error(field if field in form.fields else None, message)
    context = {"form": form, "pledge": pledge_text(), "pledge_version": PLEDGE_VERSION}
    return render(request, "observers/apply.html", context, status=400 if form.errors else 200)


def _followed(request: HttpRequest) -> Application | None:
    pk = request.session.get(SESSION_KEY)
    return Application.objects.filter(pk=pk).select_related("user").first() if pk else None


@rate_limit(key="ip", rate="20/m", method="POST")
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """Enter the code once; then see the status, answer questions, activate the account."""
    application, error = _followed(request), None
    action = request.POST.get("action", "")
    forms = {"code": FollowUpForm(), "reply": ReplyForm(), "activate": ActivateForm()}
    if request.method == "POST" and action == "code":
        forms["code"] = FollowUpForm(request.POST)
        if forms["code"].is_valid():
            application = recruitment.application_by_code(forms["code"].cleaned_data["code"])
            if application is None:
                error = True
            else:
                request.session[SESSION_KEY] = application.pk
                return redirect("observers:application_status")
    elif request.method == "POST" and application is not None and action in ("reply", "activate"):
        forms[action] = (ReplyForm if action == "reply" else ActivateForm)(request.POST)
        if forms[action].is_valid():
            try:
                if action == "reply":
                    recruitment.application_reply(
                        application=application, reply=forms["reply"].cleaned_data["reply"]
                    )
                else:
                    recruitment.observer_account_activate(
                        application=application,
                        password=forms["activate"].cleaned_data["password"],
                    )
                return redirect("observers:application_status")
            except recruitment.ReviewError as failure:
                forms[action].add_error(None, failure.message)
    context = {"application": application, "forms": forms, "code_error": error}
    return render(request, "observers/status.html", context, status=400 if error else 200)


def public_coverage(request: HttpRequest) -> HttpResponse:
    """What the public may know of the network: how many stations have an observer, by
    region. No names, no station lists."""
    election = election_current()
    rows = coverage_by_region(election=election, regions=Region.objects.order_by("code"))
    context = {"election": election, "rows": rows, "totals": coverage_totals(rows)}
    return render(request, "observers/public_coverage.html", context)
