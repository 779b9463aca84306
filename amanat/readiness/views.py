"""Pages of the voter-list audit. Names, birth dates and addresses appear on one page only,
the station page, and only to the audit team of that station's region."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.core.spreadsheets import csv_writer

from . import selectors, services
from .charts import chart_of
from .forms import ExtractForm, ProjectForm
from .models import AuditProject, AuditStation


def _project_seen(request: AuthenticatedHttpRequest, pk: int) -> AuditProject:
    if not request.user.has_perm("readiness.view_audits"):
        raise PermissionDenied
    project = selectors.projects_for(request.user).filter(pk=pk).first()
    if project is None:
        raise Http404
    return project


@login_required
def audits(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("readiness.view_audits"):
        raise PermissionDenied
    page = page_of(request, selectors.projects_for(request.user), per_page=20)
    may_create = request.user.has_perm("readiness.add_auditproject")
    return render(request, "readiness/audits.html", {"page": page, "may_create": may_create})


@login_required
def audit_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("readiness.add_auditproject"):
        raise PermissionDenied
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        project = services.project_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The audit is created: draw its stations next."))
        return redirect("readiness:audit", pk=project.pk)
    status = 400 if form.errors else 200
    return render(request, "readiness/audit_new.html", {"form": form}, status=status)


@login_required
def audit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project_seen(request, pk)
    page = page_of(request, selectors.stations_of(project))
    stations = [(row, request.user.has_perm("readiness.view_extract", row)) for row in page]
    context = {
        "project": project,
        "page": page,
        "stations": stations,
        "may_draw": request.user.has_perm("readiness.change_auditproject", project)
        and project.status == AuditProject.Status.PREPARING,
    }
    return render(request, "readiness/audit.html", context)


@login_required
@require_POST
def audit_draw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project_seen(request, pk)
    if not request.user.has_perm("readiness.change_auditproject", project):
        raise PermissionDenied
    try:
        drawn = services.project_draw_stations(project=project, actor=request.user)
    except services.AuditError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(count)s stations are drawn.") % {"count": drawn})
    return redirect("readiness:audit", pk=pk)


@login_required
def audit_station(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    project = _project_seen(request, pk)
    row = get_object_or_404(
        AuditStation.objects.select_related("station", "region", "project__election"),
        project=project, number=number,
    )  # fmt: skip
    if not request.user.has_perm("readiness.view_extract", row):
        raise Http404  # another region's extract answers as if it did not exist
    form = ExtractForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            drawn = services.extract_upload(
                audit_station=row, data=form.cleaned_data["file"].read(), actor=request.user
            )
        except services.AuditError as error:
            form.add_error("file", error.message)
        else:
            messages.success(
                request, _("The extract is saved; %(count)s names are drawn.") % {"count": drawn}
            )
            return redirect("readiness:audit_station", pk=pk, number=number)
    names = row.names.select_related("entry").prefetch_related("outcomes")
    context = {
        "project": project,
        "row": row,
        "form": form,
        "names": [(name, next(iter(name.outcomes.all()), None)) for name in names],
        "findings": selectors.findings(row),
        "limit": selectors.ADDRESS_LIMIT,
    }
    return render(request, "readiness/station.html", context, status=400 if form.errors else 200)


def _published(pk: int) -> AuditProject:
    return get_object_or_404(
        AuditProject.objects.select_related("election", "region"),
        pk=pk, election__is_published=True,
    )  # fmt: skip


def audit_results(request: HttpRequest, pk: int) -> HttpResponse:
    """Aggregates only: the share of each outcome with its interval, per test, never summed."""
    project = _published(pk)
    both = [
        (_("List to people: are the names in the list real voters at their address?"),
         selectors.list_results(project)),
        (_("People to list: are eligible people in the list?"), selectors.people_results(project)),
    ]  # fmt: skip
    # Per test: the whole audit (table and chart), then its regions.
    tests = [
        (title, tables[0] if tables else None, chart_of(tables[0]) if tables else None, tables[1:])
        for title, tables in both
    ]
    context = {"project": project, "tests": tests, "unmatched": selectors.unmatched_count(project)}
    return render(request, "readiness/results.html", context)


def audit_results_csv(request: HttpRequest, pk: int) -> HttpResponse:
    project = _published(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="list-audit-{project.pk}.csv"'
    writer = csv_writer(response)
    writer.writerow(["test", "region", "stations", "names", "outcome", "count", "share",
                     "low", "high"])  # fmt: skip
    for test, tables in (
        ("list_to_people", selectors.list_results(project)),
        ("people_to_list", selectors.people_results(project)),
    ):
        for table in tables:
            for r in table.rows:
                shares = [_number(v) for v in r.share.as_dict().values()]
                writer.writerow(
                    [test, table.scope, table.stations, table.names, r.outcome, r.count, *shares]
                )
    return response


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"
