"""Reporting a violation on the website, anonymously if you like, and following it up."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from .forms import AddInformationForm, FollowUpForm, ReportForm
from .models import Report
from .services import (
    ReportInput,
    ReportInvalid,
    report_add_information,
    report_by_code,
    report_submit,
)

SESSION_KEY = "incident_report"


@ratelimit(key="ip", rate="20/h", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, request.FILES or None)
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
                    files=[(f.name, f.read()) for f in data["evidence"]],
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


def _source(request: HttpRequest) -> str:
    """Observers report from their station; staff typing in a phone call are the hotline."""
    role = getattr(request.user, "role", None)
    if role == "observer":
        return Report.Source.OBSERVER
    if role in ("moderator", "coordinator", "lawyer", "admin"):
        return Report.Source.HOTLINE
    return Report.Source.CITIZEN


@ratelimit(key="ip", rate="20/m", method="POST", block=True)
def follow_up(request: HttpRequest) -> HttpResponse:
    form = FollowUpForm(request.POST if request.POST.get("action") != "add" else None)
    add_form = AddInformationForm(
        request.POST if request.POST.get("action") == "add" else None, request.FILES or None
    )
    found, error = None, False
    pk = request.session.get(SESSION_KEY + "_followed")
    if request.method == "POST" and request.POST.get("action") == "add" and pk:
        found = Report.objects.filter(pk=pk).first()
        if found is not None and add_form.is_valid():
            try:
                report_add_information(
                    report=found, text=add_form.cleaned_data["text"],
                    files=[(f.name, f.read()) for f in add_form.cleaned_data["evidence"]],
                )  # fmt: skip
                add_form = AddInformationForm()
            except ReportInvalid as invalid:
                for field, message in invalid.errors.items():
                    add_form.add_error("text" if field == "text" else "evidence", message)
    elif request.method == "POST" and form.is_valid():
        found = report_by_code(form.cleaned_data["code"])
        error = found is None
        if found is not None:
            request.session[SESSION_KEY + "_followed"] = found.pk
    context = {
        "form": form,
        "add_form": add_form,
        "report": found,
        "error": error,
        "timeline": found.timeline.filter(is_public=True) if found else [],
        "evidence": found.evidence.all() if found else [],
    }
    return render(request, "incidents/follow_up.html", context, status=400 if error else 200)
