"""The public side: published incidents (filters, a page each, CSV and GeoJSON) and the
moderators' queue. Public pages read only public fields: no reporter, no contact, no text
of the original report."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.core.pagination import page_of
from amanat.core.spreadsheets import csv_writer
from amanat.geography.models import Region
from amanat.geography.tilemap import tiles
from amanat.legal.complaints import Body
from amanat.legal.documents import document_docx, document_pdf

from . import moderation, response, selectors
from .duplicates import duplicate_candidates, reports_merge
from .forms_moderation import (
    AnswerForm,
    AssignForm,
    PublishForm,
    RedactForm,
    ReferForm,
    TriageForm,
)
from .models import Category, Phase, Referral, Report


def _filters(request: HttpRequest) -> dict:
    filters = {
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
    writer = csv_writer(response)  # text a reporter typed never runs as a formula
    writer.writerow(fields)
    writer.writerows([row[field] for field in fields] for row in rows)
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
    page = page_of(request, reports)
    context = {"page": page, "status": status, "statuses": Report.Status.choices}
    return render(request, "incidents/moderation.html", context)


@login_required
def moderation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.reports_to_moderate(request.user), pk=pk)
    if not request.user.has_perm("incidents.moderate", report):
        raise Http404  # as if it did not exist: no one can probe which ids do
    error, identity = None, None
    action = request.POST.get("action")
    try:
        if action == "reveal":
            identity = moderation.report_reveal_identity(report=report, actor=request.user)
        elif action in ACTIONS:
            # Each action says what it did, in the moderator's language, on the page it
            # returns to (the base template shows the messages).
            messages.success(request, ACTIONS[action](request, report))
            return redirect("incidents:moderation_detail", pk=pk)
    except moderation.ModerationError as failure:
        error = failure.message
    report.refresh_from_db()
    context = {"report": report, "error": error, "identity": identity,
               "statuses": Report.Status.choices, "credibilities": Report.Credibility.choices,
               "timeline": report.timeline.all(), "evidence": report.evidence.all(),
               "candidates": [] if report.merged_into_id else duplicate_candidates(report),
               "merged": report.merged.all(), "referrals": report.referrals.all(),
               "bodies": Body.choices, "outcomes": Referral.Outcome.choices,
               "responders": _responders(report)}  # fmt: skip
    return render(request, "incidents/moderation_detail.html", context)


def _parsed(form_class, request: HttpRequest, **options) -> dict:
    form = form_class(request.POST, **options)
    if not form.is_valid():
        raise moderation.ModerationError(_("The form was not filled in correctly: try again."))
    return form.cleaned_data


def _triage(request: HttpRequest, report: Report) -> str:
    data = _parsed(TriageForm, request)
    report = moderation.report_triage(report=report, actor=request.user, **data)
    return _("Saved: %(status)s, %(credibility)s.") % {
        "status": report.get_status_display(),
        "credibility": report.get_credibility_display(),
    }


def _publish(request: HttpRequest, report: Report) -> str:
    summary = _parsed(PublishForm, request)["summary"]
    report = moderation.report_approve_publication(
        report=report, actor=request.user, public_summary=summary
    )
    if report.is_published:
        return _("Published: the report is on the public list.")
    return _("Your approval is recorded: a second moderator must approve before publication.")


def _responders(report: Report):
    """Who may be given the report: the lawyers and coordinators of its region."""
    return User.objects.filter(role__in=[Role.LAWYER, Role.COORDINATOR], regions=report.region)


def _assign(request: HttpRequest, report: Report) -> str:
    assignee = _parsed(AssignForm, request, responders=_responders(report))["assignee"]
    report = response.report_assign(report=report, assignee=assignee, actor=request.user)
    return _("Assigned to %(who)s, to respond by %(when)s.") % {
        "who": assignee.get_full_name() or assignee.get_username(),
        "when": date_format(timezone.localtime(report.respond_by), "j E H:i")}  # fmt: skip


def _refer(request: HttpRequest, report: Report) -> str:
    data = _parsed(ReferForm, request)
    referral = response.referral_create(report=report, actor=request.user, **data)
    return _("The complaint is prepared, addressed to: %(body)s. Download it below.") % {
        "body": referral.get_body_display()}  # fmt: skip


def _answer(request: HttpRequest, report: Report) -> str:
    data = _parsed(AnswerForm, request)
    referral = get_object_or_404(report.referrals, pk=data["referral"])
    response.referral_answer(referral=referral, actor=request.user, answer=data["answer"],
                             outcome=data["outcome"])  # fmt: skip
    return _("The answer is saved (%(body)s).") % {"body": referral.get_body_display()}


def _redact(request: HttpRequest, report: Report) -> str:
    data = _parsed(RedactForm, request)
    item = get_object_or_404(report.evidence, pk=data["evidence"])
    box = (data["x0"], data["y0"], data["x1"], data["y1"])
    moderation.evidence_redact(evidence=item, actor=request.user, box=box, mode=data["mode"])
    if data["mode"] == "crop":
        return _("The photo is cropped: check it below before publishing.")
    return _("The region is blurred: check the photo below before publishing.")


def _merge(request: HttpRequest, report: Report) -> str:
    chosen = list(selectors.reports_to_moderate(request.user).filter(
        pk__in=[n for n in request.POST.getlist("duplicate") if n.isdigit()]
    ).exclude(pk=report.pk))  # fmt: skip
    if not chosen:
        raise moderation.ModerationError(_("Choose the reports of the same event first."))
    reports_merge(primary=report, others=chosen, actor=request.user)
    return ngettext(
        "%(count)d report merged into this one.", "%(count)d reports merged into this one.",
        len(chosen),
    ) % {"count": len(chosen)}  # fmt: skip


ACTIONS = {"triage": _triage, "publish": _publish, "assign": _assign, "refer": _refer,
           "answer": _answer, "redact": _redact, "merge": _merge}  # fmt: skip


@login_required
def referral_file(request: HttpRequest, pk: int, referral_id: int, kind: str) -> HttpResponse:
    report = get_object_or_404(selectors.reports_to_moderate(request.user), pk=pk)
    if not request.user.has_perm("incidents.moderate", report):
        raise Http404  # as if it did not exist: no one can probe which ids do
    referral = get_object_or_404(report.referrals, pk=referral_id)
    document = response.referral_document(referral)
    if kind == "docx":
        content = document_docx(document, referral.language)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        content, content_type = document_pdf(document, referral.language), "application/pdf"
    reply = HttpResponse(content, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="complaint-{pk}-{referral_id}.{kind}"'
    return reply


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("incidents.moderate"):
        raise PermissionDenied
    scope = selectors.reports_to_moderate(request.user)
    context = {
        "reports": response.reports_overdue().filter(pk__in=scope.values("pk")),
        "referrals": response.referrals_overdue().filter(report__in=scope),
    }
    return render(request, "incidents/overdue.html", context)
