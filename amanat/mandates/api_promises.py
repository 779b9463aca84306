"""/api/v1/promises: the tracked promises of elected people, with their current status and
the newest evidence (public, read-only; ratings are made on the web by staff)."""

import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Router, Schema

from amanat.core.api_errors import ApiError, ErrorCode, error_responses
from amanat.elections.models import Candidate

from .api_pages import MAX_ID, invalid_query, page_bounds
from .models import Promise, PromiseUpdate

router = Router(tags=["promises"])


class EvidenceOut(Schema):
    status: str
    date: datetime.date
    text: str
    source_url: str


class PromiseOut(Schema):
    id: int
    candidate: int
    candidate_name: str
    title: str
    text: str
    status: str
    status_label: str
    mandate: int | None
    answer: int | None
    source_url: str
    last_evidence: EvidenceOut | None


def _out(promise: Promise) -> dict:
    history = promise.history  # type: ignore[attr-defined]
    last = history[0] if history else None
    evidence = None
    if last is not None:
        evidence = {"status": last.status, "date": last.evidence_date, "text": last.evidence,
                    "source_url": last.source_url}  # fmt: skip
    return {
        "id": promise.pk, "candidate": promise.candidate_id,
        "candidate_name": promise.candidate.full_name, "title": promise.title,
        "text": promise.text, "status": promise.status,
        "status_label": str(promise.get_status_display()), "mandate": promise.mandate_id,
        "answer": promise.answer_id, "source_url": promise.source_url, "last_evidence": evidence,
    }  # fmt: skip


@router.get(
    "/promises",
    response={200: list[PromiseOut], **error_responses(404, 422)},
    auth=None,
    summary="Tracked promises of elected people, optionally of one candidate",
)
def promises_list(request, candidate: int | None = None, limit: int = 100, offset: int = 0):
    start, stop = page_bounds(limit, offset, 500)
    rows = Promise.objects.select_related("candidate").order_by("candidate", "pk")
    if candidate is not None:
        if not 1 <= candidate <= MAX_ID:
            raise invalid_query("candidate", _("No candidate has this number."))
        if not Candidate.objects.filter(pk=candidate).exists():
            raise ApiError(404, ErrorCode.NOT_FOUND, _("No candidate has this number."))
        rows = rows.filter(candidate_id=candidate)
    newest = PromiseUpdate.objects.order_by("-evidence_date", "-pk")
    rows = rows.prefetch_related(Prefetch("updates", queryset=newest, to_attr="history"))
    return [_out(p) for p in rows[start:stop]]
