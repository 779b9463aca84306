"""Reporting a violation on the website, anonymously if you like, and following it up."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from amanat.core.rate_limits import minutes, rate_limit, with_retry_after
from amanat.evidence.allowance import uploader_key

from .forms import AddInformationForm, FollowUpForm, ReportForm
from .limits import report_limit_reached
from .models import Report
from .services import (
    ReportInput,
    ReportInvalid,
    report_add_information,
    report_by_code,
    report_submit,
)

SESSION_KEY = "incident_report"


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, request.FILES or None)
    wait = request.method == "POST" and report_limit_reached(request)
    if wait:
        return _report_kept(request, wait)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created, code = report_submit(
                data=ReportInput(
                    client_id=data["client_id"], source=_source(request),
                    description=data["description"], occurred_at=data["occurred_at"],
                    region_code=data["region"].code if data["region"] else "",
                    station_number=data["station"], place=data["place"],
                    category_code=data["category"].code if data["category"] else "",
                    contact=data["contact"],
                    files=[(f.name, f) for f in data["evidence"]],
                    uploader=uploader_key(request),
                ),
                reporter=request.user,
            )  # fmt: skip
        except ReportInvalid as invalid:
            for field, message in invalid.errors.items():
                form.add_error(field if field in form.fields else "evidence", message)
        else:
            request.session[SESSION_KEY] = created.pk
            return render(request, "incidents/reported.html", {"code": code})
    status = 400 if form.errors else 200
    return render(request, "incidents/report.html", {"form": form}, status=status)


def _report_kept(request: HttpRequest, wait: int) -> HttpResponse:
    """Over the limit, nothing is stored and nothing typed is lost: the same page comes back
    filled in (with the same client id, so sending it later cannot make it twice), saying
    when it can be sent. Files are not refilled: browsers never let a page do that."""
    form = ReportForm(request.POST)
    context = {"form": form, "refused_minutes": minutes(wait)}
    response = render(request, "incidents/report.html", context, status=429)
    return with_retry_after(response, wait)


def _source(request: HttpRequest) -> str:
    """Observers report from their station; staff typing in a phone call are the hotline."""
    role = getattr(request.user, "role", None)
    if role == "observer":
        return Report.Source.OBSERVER
    if role in ("moderator", "coordinator", "lawyer", "admin"):
        return Report.Source.HOTLINE
    return Report.Source.CITIZEN


# GET too: a code in the address (?code=, a link from a message) is looked up as well.
@rate_limit(key="ip", rate="20/m", method=["GET", "POST"])
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest) -> HttpResponse:
    adding = request.method == "POST" and request.POST.get("action") == "add"
    # Bound only to what was sent: an empty GET shows the empty form, with no "required".
    code = request.POST if request.method == "POST" else request.GET
    form = FollowUpForm(code if not adding and code.get("code") is not None else None)
    add_form = AddInformationForm(
        request.POST if adding else None, request.FILES if adding else None
    )
    found, error = None, False
    pk = request.session.get(SESSION_KEY + "_followed")
    if adding and pk:
        found = Report.objects.filter(pk=pk).first()
        if found is not None and add_form.is_valid():
            try:
                report_add_information(
                    report=found, text=add_form.cleaned_data["text"],
                    files=[(f.name, f) for f in add_form.cleaned_data["evidence"]],
                    uploader=uploader_key(request),
                )  # fmt: skip
                messages.success(request, _("Thank you: your information is added to the report."))
                return redirect("incidents:follow_up")
            except ReportInvalid as invalid:
                for field, message in invalid.errors.items():
                    add_form.add_error("text" if field == "text" else "evidence", message)
    elif form.is_bound and form.is_valid():
        found = report_by_code(form.cleaned_data["code"])
        error = found is None
        if found is not None:
            request.session[SESSION_KEY + "_followed"] = found.pk
    elif request.method == "GET" and pk:
        found = Report.objects.filter(pk=pk).first()
    context = {
        "form": form,
        "add_form": add_form,
        "report": found,
        "error": error,
        "timeline": found.timeline.filter(is_public=True) if found else [],
        "evidence": found.evidence.all() if found else [],
    }
    return render(request, "incidents/follow_up.html", context, status=400 if error else 200)
