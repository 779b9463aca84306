"""The public side: published incidents (filters, a page each, CSV and GeoJSON) and the
moderators' queue. Public pages read only public fields: no reporter, no contact, no text
of the original report."""

import csv
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from amanat.geography.models import Region

from . import moderation, selectors
from .duplicates import duplicate_candidates, reports_merge
from .models import Category, Phase, Report


def _filters(request: HttpRequest) -> dict:
    return {key: request.GET.get(key, "")[:40] for key in ("phase", "category", "region")}


def published(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    page = Paginator(selectors.reports_published(**filters), 30).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "phases": Phase.choices,
        "categories": Category.objects.all(),
        "regions": Region.objects.order_by("code"),
    }
    return render(request, "incidents/published.html", context)


def published_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.reports_published(), pk=pk)
    photos = report.evidence.exclude(public_copy="")
    return render(request, "incidents/published_detail.html", {"report": report, "photos": photos})


def _public_rows(request: HttpRequest):
    for report in selectors.reports_published(**_filters(request)):
        station = report.station
        yield {
            "id": report.pk,
            "occurred_at": report.occurred_at.isoformat(),
            "category": report.category.code if report.category else "",
            "phase": report.category.phase if report.category else "",
            "region": report.region.code,
            "station": station.number if station else "",
            "status": report.status,
            "credibility": report.credibility,
            "summary": report.public_summary,
            "latitude": float(station.latitude) if station and station.latitude else None,
            "longitude": float(station.longitude) if station and station.longitude else None,
        }


def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="incidents.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Cyrillic right
    rows = list(_public_rows(request))
    fields = ["id", "occurred_at", "category", "phase", "region", "station", "status",
              "credibility", "summary", "latitude", "longitude"]  # fmt: skip
    writer = csv.DictWriter(response, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return response


def export_geojson(request: HttpRequest) -> HttpResponse:
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
         if row["latitude"] is not None else None,
         "properties": {k: v for k, v in row.items() if k not in ("latitude", "longitude")}}
        for row in _public_rows(request)
    ]  # fmt: skip
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    return HttpResponse(body, content_type="application/geo+json; charset=utf-8")


@login_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("incidents.moderate"):
        raise PermissionDenied
    status = request.GET.get("status", "new")
    reports = selectors.reports_to_moderate(request.user).filter(status=status)
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Report.Status.choices}
    return render(request, "incidents/moderation.html", context)


@login_required
def moderation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.reports_to_moderate(request.user), pk=pk)
    if not request.user.has_perm("incidents.moderate", report):
        raise PermissionDenied
    error, identity = None, None
    action = request.POST.get("action")
    try:
        if action == "triage":
            moderation.report_triage(
                report=report, actor=request.user, status=request.POST.get("status", "triage"),
                credibility=request.POST.get("credibility", "single"),
                note=request.POST.get("note", ""),
            )  # fmt: skip
            return redirect("incidents:moderation_detail", pk=pk)
        if action == "publish":
            moderation.report_approve_publication(
                report=report, actor=request.user, public_summary=request.POST.get("summary", "")
            )
            return redirect("incidents:moderation_detail", pk=pk)
        if action == "reveal":
            identity = moderation.report_reveal_identity(report=report, actor=request.user)
        if action == "merge":
            chosen = selectors.reports_to_moderate(request.user).filter(
                pk__in=request.POST.getlist("duplicate")
            )
            reports_merge(primary=report, others=list(chosen), actor=request.user)
            return redirect("incidents:moderation_detail", pk=pk)
    except moderation.ModerationError as failure:
        error = failure.message
    report.refresh_from_db()
    context = {"report": report, "error": error, "identity": identity,
               "statuses": Report.Status.choices, "credibilities": Report.Credibility.choices,
               "timeline": report.timeline.all(), "evidence": report.evidence.all(),
               "candidates": [] if report.merged_into_id else duplicate_candidates(report),
               "merged": report.merged.all()}  # fmt: skip
    return render(request, "incidents/moderation_detail.html", context)
