"""/api/v1/mandates: write (idempotent by client_id), support once, list by region, similar."""

import uuid
from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from amanat.core.api_errors import (
    ApiError,
    ErrorCode,
    QueryText,
    error_response,
    error_responses,
)
from amanat.core.rate_limits import limit_reached, with_retry_after
from amanat.elections.models import Contest, Election
from amanat.geography.models import Region

from . import selectors, services
from .answers import AnswerRefused, answer_give, answer_rates
from .api_pages import page_bounds
from .models import Answer, Mandate, Topic

router = Router(tags=["mandates"])


class MandateIn(Schema):
    client_id: uuid.UUID
    title: str = Field(min_length=5, max_length=200)
    text: str = Field(min_length=20, max_length=5000)
    topic: str = Field(max_length=20)
    region: str = Field(max_length=10)
    # Optional: the election's short name (default: the next election, see
    # selectors.election_default) and the code of one district's contest in it.
    election: str = Field(default="", max_length=60)
    contest: str = Field(default="", max_length=40)


class MandateOut(Schema):
    id: int
    title: str
    text: str
    topic: str
    region: str
    supporters: int
    created_at: datetime


class SupportOut(Schema):
    supporters: int


class SimilarOut(Schema):
    id: int
    title: str
    score: float


def _out(mandate: Mandate, supporters: int) -> dict:
    return {
        "id": mandate.pk, "title": mandate.title, "text": mandate.text, "topic": mandate.topic,
        "region": mandate.region.code, "supporters": supporters, "created_at": mandate.created_at,
    }  # fmt: skip


def _invalid(field: str, message: str) -> ApiError:
    errors = [{"field": field, "code": ErrorCode.INVALID, "message": message}]
    return ApiError(422, ErrorCode.INVALID, _("The mandate is not valid."), errors)


def _limited(request, *, group: str, rate: str, key: str = "user_or_ip"):
    """A 429 answer with Retry-After once the caller sent more than `rate`, else None."""
    wait = limit_reached(request, group=group, key=key, rate=rate)
    if not wait:
        return None
    message = _("Too many requests. Try again in %(seconds)s seconds.") % {"seconds": wait}
    return with_retry_after(error_response(429, "rate_limited", message), wait)


def _addressed(payload: "MandateIn") -> tuple[Election | None, Contest | None]:
    election = selectors.election_default()
    if payload.election:
        election = Election.objects.filter(slug=payload.election).first()
        if election is None:
            raise _invalid("election", _("No election has this short name."))
    contest = None
    if payload.contest:
        contest = (
            selectors.district_contests().filter(election=election, code=payload.contest).first()
        )
        if contest is None:
            raise _invalid("contest", _("The election has no district with this code."))
    return election, contest


def _not_confirmed() -> ApiError:
    message = _("Confirm your phone number or e-mail address to write and support mandates.")
    return ApiError(403, ErrorCode.PERMISSION_DENIED, message)


@router.post(
    "/mandates",
    response={200: MandateOut, 201: MandateOut, **error_responses(400, 401, 403, 422, 429)},
    summary="Write a mandate (the same client_id again gives the same mandate)",
)
def mandate_create(request, payload: MandateIn):
    refused = _limited(request, group="mandates.write", rate="20/h", key="user")
    if refused is not None:
        return refused
    if payload.topic not in Topic.values:
        raise _invalid("topic", _("Unknown topic."))
    region = Region.objects.filter(code=payload.region).first()
    if region is None:
        raise _invalid("region", _("Unknown region code (ISO 3166-2, e.g. KZ-71)."))
    election, contest = _addressed(payload)
    data = services.MandateInput(
        title=payload.title, text=payload.text, topic=payload.topic, region=region,
        election=election, contest=contest, client_id=payload.client_id,
    )  # fmt: skip
    try:
        mandate, created = services.mandate_write(author=request.user, data=data, request=request)
    except services.NotConfirmed:
        raise _not_confirmed() from None
    except services.ClientIdTaken:
        message = _("This client_id was used by another person: send a new one.")
        raise _invalid("client_id", message) from None
    body = _out(mandate, selectors.mandate_supporters(mandate))
    return Status(201 if created else 200, body)


@router.post(
    "/mandates/{mandate_id}/support",
    response={200: SupportOut, **error_responses(401, 403, 404, 422)},
    summary="Support a mandate (once per person)",
)
def mandate_support(request, mandate_id: int):
    mandate = Mandate.objects.filter(pk=mandate_id).first()
    if mandate is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, _("No mandate has this number."))
    try:
        supporters = services.mandate_support(mandate=mandate, user=request.user)
    except services.NotConfirmed:
        raise _not_confirmed() from None
    return {"supporters": supporters}


@router.get(
    "/mandates",
    response={200: list[MandateOut], **error_responses(422)},
    auth=None,
    summary="Open mandates, newest first, optionally of one region",
)
def mandates_list(request, region: QueryText = "", limit: int = 100, offset: int = 0):
    where = None
    if region:
        where = Region.objects.filter(code=region).first()
        if where is None:
            raise _invalid("region", _("Unknown region code (ISO 3166-2, e.g. KZ-71)."))
    start, stop = page_bounds(limit, offset, 500)
    rows = selectors.mandates_listed(region=where)[start:stop]
    return [_out(m, m.supporters) for m in rows]  # type: ignore[attr-defined]


@router.get(
    "/mandates/similar",
    response={200: list[SimilarOut], **error_responses(422, 429)},
    auth=None,
    summary="Mandates like a text (character trigrams), best first",
)
def mandates_similar(request, text: QueryText, limit: int = 5):
    # Each call compares the text with thousands of mandates in Python: limited per caller.
    refused = _limited(request, group="mandates.similar", rate="120/h")
    if refused is not None:
        return refused
    page_bounds(limit, 0, 20)
    matches = selectors.mandates_similar(text, limit=limit)
    return [{"id": m.id, "title": m.title, "score": m.score} for m in matches]


class AnswerIn(Schema):
    position: str = Field(max_length=10)
    text: str = Field(min_length=10, max_length=5000)
    commitment: str = Field(default="", max_length=1000)


class AnswerOut(Schema):
    id: int
    mandate: int
    candidate: str
    position: str
    text: str
    commitment: str
    is_copy: bool
    created_at: datetime


class AnswerRateOut(Schema):
    candidate: str
    candidate_id: int
    election: str
    addressed: int
    answered: int
    rate: float | None
    low: float | None
    high: float | None


@router.post(
    "/mandates/{mandate_id}/answers",
    response={201: AnswerOut, **error_responses(400, 401, 403, 404, 422)},
    summary="A candidate's team answers a mandate (a second answer replaces, keeping history)",
)
def mandate_answer(request, mandate_id: int, payload: AnswerIn):
    mandate = Mandate.objects.open().filter(pk=mandate_id).first()
    if mandate is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, _("No mandate has this number."))
    if payload.position not in Answer.Position.values:
        message = _("The position is support, partly or against.")
        errors = [{"field": "position", "code": ErrorCode.INVALID, "message": message}]
        raise ApiError(422, ErrorCode.INVALID, _("The answer is not valid."), errors)
    try:
        answer = answer_give(
            user=request.user, mandate=mandate, position=payload.position, text=payload.text,
            commitment=payload.commitment, request=request,
        )  # fmt: skip
    except AnswerRefused:
        message = _("Only the team of a candidate this mandate is addressed to answers it.")
        raise ApiError(403, ErrorCode.PERMISSION_DENIED, message) from None
    body = {
        "id": answer.pk, "mandate": mandate.pk, "candidate": answer.candidate.full_name,
        "position": answer.position, "text": answer.text, "commitment": answer.commitment,
        "is_copy": answer.is_copy, "created_at": answer.created_at,
    }  # fmt: skip
    return Status(201, body)


@router.get(
    "/candidates/answer-rates",
    response={200: list[AnswerRateOut], **error_responses(422)},
    auth=None,
    summary="Each candidate's answer rate in one election (default: the next one) with a "
    "95 % Wilson interval (from 5 mandates on)",
)
def candidates_answer_rates(request, election: QueryText = ""):
    chosen = selectors.election_default()
    if election:
        chosen = Election.objects.filter(slug=election).first()
        if chosen is None:
            raise _invalid("election", _("No election has this short name."))
    return [
        {
            "candidate": r.candidate.full_name,
            "candidate_id": r.candidate.pk,
            "election": chosen.slug if chosen else "",
            "addressed": r.addressed,
            "answered": r.answered,
            "rate": r.rate,
            "low": r.low,
            "high": r.high,
        }  # fmt: skip
        for r in answer_rates(chosen)
    ]


from .api_promises import router as promises_router  # noqa: E402 - appended with the promises

router.add_router("", promises_router)
