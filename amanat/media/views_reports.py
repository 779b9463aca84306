"""Analysts' pages (reliability and double coding, election funds) and the public report with
its CSV and XLSX exports (aggregates only)."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.spreadsheets import csv_writer, xlsx_text_only
from amanat.elections.models import Election
from amanat.elections.selectors import election_current

from . import reports, selectors, services
from .forms import AssignForm, FundForm
from .models import MonitoringPeriod


def _analyst(request: AuthenticatedHttpRequest) -> None:
    if not request.user.has_perm("media.analyse"):
        raise PermissionDenied


def _period(request: HttpRequest, election: Election | None) -> MonitoringPeriod | None:
    wanted = request.GET.get("period", "")
    if not wanted.isdigit():
        return None
    return selectors.periods_of(election).filter(pk=int(wanted)).first()


@login_required
@require_http_methods(["GET", "POST"])
def reliability(request: AuthenticatedHttpRequest) -> HttpResponse:
    _analyst(request)
    election = election_current()
    form = AssignForm(request.POST or None, election=election)
    if request.method == "POST" and form.is_valid():
        count = services.double_coding_assign(
            period=form.cleaned_data["period"], share=form.cleaned_data["share"] / 100,
            actor=request.user,
        )  # fmt: skip
        messages.success(request, _("%(count)s items given to a second monitor.")
                         % {"count": count})  # fmt: skip
        return redirect("media:reliability")
    period = _period(request, election)
    overall, pairs = selectors.reliability(election=election, period=period)
    context = {
        "form": form, "overall": overall, "pairs": pairs, "period": period,
        "periods": selectors.periods_of(election),
    }  # fmt: skip
    return render(request, "media/reliability.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def finance(request: AuthenticatedHttpRequest) -> HttpResponse:
    _analyst(request)
    election = election_current()
    form = FundForm(request.POST or None, election=election)
    if request.method == "POST" and form.is_valid() and election is not None:
        services.fund_declare(election=election, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The declared fund is recorded."))
        return redirect("media:finance")
    context = {"form": form, "rows": reports.finance(election), "election": election}
    return render(request, "media/finance.html", context, status=400 if form.errors else 200)


def index(request: HttpRequest) -> HttpResponse:
    """The public report: aggregates per outlet and candidate, no monitor, no item."""
    election = election_current()
    period = _period(request, election)
    context = {
        "election": election,
        "period": period,
        "periods": selectors.periods_of(election),
        "outlets": reports.coverage(election, period),
        "funds": reports.finance(election, period),
        "width": reports.BAR_WIDTH,
    }
    return render(request, "media/index.html", context)


def _table(request: HttpRequest) -> tuple[list[str], list[list[object]]]:
    election = election_current()
    period = _period(request, election)
    header = [_("Outlet"), _("Unit"), _("Candidate"), _("Time or space"), _("Share, %"),
              _("Equal share, %"), _("Net tone, %"), _("Official role"), _("As candidate"),
              _("Paid"), _("Free")]  # fmt: skip
    rows: list[list[object]] = []
    for outlet in reports.coverage(election, period):
        for r in outlet.rows:
            rows.append([
                outlet.outlet.name, outlet.outlet.get_kind_display(), r.candidate.full_name,
                r.amount, round(r.share, 1), round(outlet.equal, 1), round(r.net_tone, 1),
                r.official, r.campaign, r.paid, r.free,
            ])  # fmt: skip
    return [str(h) for h in header], rows


def export_csv(request: HttpRequest) -> HttpResponse:
    header, rows = _table(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="media-coverage.csv"'
    writer = csv_writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def export_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook

    header, rows = _table(request)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has its sheet
    sheet.title = "coverage"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    xlsx_text_only(book)
    stream = io.BytesIO()
    book.save(stream)
    response = HttpResponse(
        stream.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="media-coverage.xlsx"'
    return response
