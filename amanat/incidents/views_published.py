"""The public side: published incidents (filters, a page each, CSV and GeoJSON). Public pages
read only public fields: no reporter, no contact, no text of the original report. The
moderators' side is in views_moderation."""

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_date

from amanat.geography.models import Region
from amanat.geography.tilemap import tiles

from . import open_data, selectors
from .models import Category, Phase, Report


def _filters(request: HttpRequest) -> dict[str, Any]:
    filters: dict[str, Any] = {
        key: request.GET.get(key, "")[:40] for key in ("phase", "category", "region", "credibility")
    }
    for key in ("date_from", "date_to"):
        filters[key] = parse_date(request.GET.get(key, "")[:10] or "") or None
    return filters


def published(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    reports = selectors.reports_published(**filters)
    page = Paginator(reports, 30).get_page(request.GET.get("page"))
    counts = dict(
        selectors.reports_published(**{**filters, "region": ""})
        .values_list("region__code")
        .annotate(n=Count("pk"))
    )
    regions = list(Region.objects.order_by("code"))
    most = max(counts.values(), default=0) or 1
    context = {
        "map": tiles(
            [
                (r, str(counts.get(r.code, 0)), min(3 * counts.get(r.code, 0) // most, 3), 0)
                for r in regions
            ]
        ),  # fmt: skip
        "points": _points(reports),
        "statistics": selectors.statistics(reports),
        "credibilities": Report.Credibility.choices,
        "page": page,
        "filters": filters,
        "phases": Phase.choices,
        "categories": Category.objects.all(),
        "regions": regions,
    }
    return render(request, "incidents/published.html", context)


# Kazakhstan lies within these longitudes and latitudes; stations are drawn as dots inside.
WEST, EAST, NORTH, SOUTH = 46.5, 87.5, 55.5, 40.5


def _points(reports) -> list[dict]:
    points = []
    for report in reports.filter(station__latitude__isnull=False)[:2000]:
        lat, lon = float(report.station.latitude), float(report.station.longitude)
        points.append({
            "x": round((lon - WEST) / (EAST - WEST) * 660 + 5, 1),
            "y": round((NORTH - lat) / (NORTH - SOUTH) * 350 + 5, 1),
            "report": report,
        })  # fmt: skip
    return points


def published_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.reports_published(), pk=pk)
    photos = report.evidence.exclude(public_copy="")
    return render(request, "incidents/published_detail.html", {"report": report, "photos": photos})


def _download(request: HttpRequest, fmt: str, content_type: str) -> HttpResponseBase:
    """The whole set from its file (open_data.py); a filtered set built from the database."""
    filters = _filters(request)
    if any(filters.values()):
        body = open_data.ENCODERS[fmt](list(open_data.public_rows(**filters)))
        response: HttpResponseBase = HttpResponse(body, content_type=content_type)
    else:
        response = FileResponse(open_data.open_data_open(fmt), content_type=content_type)
    if fmt == "csv":
        response["Content-Disposition"] = 'attachment; filename="incidents.csv"'
    return response


def export_csv(request: HttpRequest) -> HttpResponseBase:
    return _download(request, "csv", "text/csv; charset=utf-8")


def export_geojson(request: HttpRequest) -> HttpResponseBase:
    return _download(request, "geojson", "application/geo+json; charset=utf-8")
