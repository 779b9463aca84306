import uuid
from datetime import datetime

from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status, UploadedFile

from amanat.core.api_errors import ApiError, ErrorCode, QueryText, error_response, error_responses
from amanat.core.rate_limits import limit_reached, with_retry_after
from amanat.evidence.allowance import uploader_key

from .limits import report_limit_reached
from .models import Evidence, Report
from .services import ReportInput, ReportInvalid, report_by_code, report_submit

router = Router(tags=["incidents"])


class EvidenceOut(Schema):
    sha256: str
    kind: str
    size: int
    url: str | None


class ReportCreated(Schema):
    id: int
    # null when a known client_id is resent by someone other than its reporter (another
    # account, or other words): the code opens the report's follow-up.
    follow_up_code: str | None
    evidence: list[EvidenceOut]


class TimelineOut(Schema):
    at: datetime
    kind: str
    text: str


class FollowUpOut(Schema):
    id: int
    status: str
    category: str | None
    occurred_at: datetime
    received_at: datetime
    timeline: list[TimelineOut]
    evidence: list[EvidenceOut]


class PublishedOut(Schema):
    id: int
    category: str | None
    region: str
    station: str | None
    occurred_at: datetime
    status: str
    summary: str


def _evidence(request, item: Evidence) -> dict:
    url = None
    if item.public_copy:
        # The versioned address the pages use: a redaction changes it (Evidence.copy_url).
        url = request.build_absolute_uri(item.copy_url)
    return {"sha256": item.sha256, "kind": item.kind, "size": item.size, "url": url}


@router.post(
    "/incidents", auth=None,
    response={200: ReportCreated, 201: ReportCreated, **error_responses(400, 413, 422, 429)},
    summary="Report a violation (no login; photos lose their metadata)",
)  # fmt: skip
def incident_create(
    request,
    description: Form[str],
    occurred_at: Form[datetime],
    station: Form[str] = "",
    region: Form[str] = "",
    place: Form[str] = "",
    category: Form[str] = "",
    contact: Form[str] = "",
    client_id: Form[uuid.UUID | None] = None,
    evidence: File[list[UploadedFile] | None] = None,
):
    wait = report_limit_reached(request)
    if wait:
        # Nothing is stored: the client keeps the report and resends it after Retry-After
        # with the same client_id.
        message = _("Too many reports from you. Send this one again in %(seconds)s seconds.")
        refused = error_response(429, "rate_limited", message % {"seconds": wait})
        return with_retry_after(refused, wait)
    client_id = client_id or uuid.uuid4()
    already = Report.objects.filter(client_id=client_id).exists()
    data = ReportInput(
        client_id=client_id, source=Report.Source.API, description=description,
        occurred_at=occurred_at, region_code=region, station_number=station, place=place,
        category_code=category, contact=contact,
        files=[(f.name or "", f) for f in (evidence or [])], uploader=uploader_key(request),
    )  # fmt: skip
    try:
        report, code = report_submit(data=data, reporter=request.user)
    except ReportInvalid as invalid:
        errors = [{"field": k, "code": "invalid", "message": v} for k, v in invalid.errors.items()]
        raise ApiError(422, ErrorCode.INVALID, _("The report is not complete."), errors) from None
    body = {
        "id": report.pk,
        "follow_up_code": code,
        "evidence": [_evidence(request, e) for e in report.evidence.all()],
    }
    return Status(200 if already else 201, body)


@router.get(
    "/incidents/follow-up/{code}",
    response={200: FollowUpOut, **error_responses(404, 422, 429)},
    auth=None,
)
def incident_follow_up(request, code: QueryText):
    wait = limit_reached(request, group="incident-code", key="ip", rate="60/m")
    if wait:
        refused = error_response(429, "rate_limited", _("Too many attempts. Try again later."))
        return with_retry_after(refused, wait)
    report = report_by_code(code)
    if report is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, _("No report has this code."))
    return {
        "id": report.pk,
        "status": report.status,
        "category": report.category.code if report.category else None,
        "occurred_at": report.occurred_at,
        "received_at": report.received_at,
        "timeline": [
            {"at": t.at, "kind": t.kind, "text": t.message}
            for t in report.timeline.filter(is_public=True)
        ],
        "evidence": [_evidence(request, e) for e in report.evidence.all()],
    }


@router.get(
    "/incidents",
    response={200: list[PublishedOut], **error_responses(422)},
    auth=None,
    summary="Published incidents",
)
def incidents_published(request, limit: int = 200):
    reports = Report.objects.filter(is_published=True).select_related(
        "category", "region", "station"
    )[: max(1, min(limit, 1000))]
    return [
        {
            "id": r.pk,
            "category": r.category.code if r.category else None,
            "region": r.region.code,
            "station": r.station.number if r.station else None,
            "occurred_at": r.occurred_at,
            "status": r.status,
            "summary": r.public_summary,
        }
        for r in reports
    ]
