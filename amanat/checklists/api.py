import uuid
from datetime import datetime
from typing import Annotated, Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.errors import AuthenticationError
from ninja.files import UploadedFile
from ninja.renderers import JSONRenderer
from pydantic import BaseModel, StringConstraints

from amanat.accounts.api_auth import TokenAuth
from amanat.core.api_errors import ApiError, ErrorCode, QueryText, error_responses
from amanat.elections.selectors import election_current

from .ingestion import SubmissionInvalid, observer_by_token, submission_receive
from .models import Submission
from .photos import PhotoRejected, checklist_photo_store
from .selectors import submissions_visible_to
from .services import FORM_CODE

router = Router(tags=["checklists"])
_RENDERER = JSONRenderer()
_TOKEN = TokenAuth()
_CONTENT_TYPE = f"{_RENDERER.media_type}; charset={_RENDERER.charset}"


# Plain pydantic models, not ninja.Schema: a Schema wraps every value it validates in a
# getter for ORM objects, which costs ~35 µs a report here, and these only ever see dicts.
class SubmissionIn(BaseModel):
    client_id: uuid.UUID
    # Shapes checked before anything is looked up (a form's code, a station's number).
    form: Annotated[str, StringConstraints(pattern=f"^{FORM_CODE.pattern}$", max_length=8)]
    station: Annotated[str, StringConstraints(max_length=20)]
    answers: dict[str, Any]
    observed_at: datetime | None = None


class SubmissionOut(BaseModel):
    id: int
    client_id: uuid.UUID
    form: str
    version: int
    station: str
    answers: dict[str, Any]
    observed_at: datetime
    received_at: datetime
    channel: str


def _out(submission: Submission, station_number: str | None = None) -> SubmissionOut:
    return SubmissionOut(**_out_fields(submission, station_number))


def _out_fields(submission: Submission, station_number: str | None = None) -> dict[str, Any]:
    """SubmissionOut's fields, with the types it holds."""
    return {
        "id": submission.pk,
        "client_id": submission.client_id,
        "form": submission.version.form.code,
        "version": submission.version.number,
        "station": station_number or submission.station.number,
        "answers": submission.answers,
        # Local time (Asia/Almaty) whether the row was just written or read back.
        "observed_at": timezone.localtime(submission.observed_at),
        "received_at": timezone.localtime(submission.received_at),
        "channel": submission.channel,
    }


@router.post(
    "/submissions",
    response={200: SubmissionOut, 201: SubmissionOut, **error_responses(400, 401, 403, 409, 422)},
    summary="Submit a checklist (idempotent on client_id)",
    auth=TokenAuth(checked_by_view=True),
)
def submit(request, payload: SubmissionIn):
    # The token first: nothing the report says is looked at for a sender not known.
    holder = observer_by_token(request.auth.key)
    if holder is None:
        if _TOKEN.authenticate(request, request.auth.key) is None:
            raise AuthenticationError
        raise ApiError(403, ErrorCode.PERMISSION_DENIED, _("Only deployed observers can submit."))
    election = election_current()
    if election is None:
        raise ApiError(403, ErrorCode.PERMISSION_DENIED, _("Only deployed observers can submit."))
    try:
        submission, created = submission_receive(
            client_id=payload.client_id, form_code=payload.form, station_number=payload.station,
            observer=holder.observer(), election=election, answers=payload.answers,
            observed_at=payload.observed_at, channel="api", raw=payload.model_dump(mode="json"),
        )  # fmt: skip
    except SubmissionInvalid as invalid:
        status = 409 if invalid.code == "conflict" else 422
        errors = [error.as_dict() for error in invalid.errors]
        raise ApiError(status, invalid.code, invalid.message, errors) from None
    # A new submission was stored at exactly that station number: no query to read it back.
    station = payload.station if created else None
    return _answer(request, submission, station, status=201 if created else 200)


def _answer(request, submission: Submission, station: str | None, status: int) -> HttpResponse:
    """Rendered as the API renders a SubmissionOut (the same JSON), without building the
    model to dump it again: nothing here needs validating, and every report paid for it."""
    content = _RENDERER.render(request, _out_fields(submission, station), response_status=status)
    return HttpResponse(content, status=status, content_type=_CONTENT_TYPE)


@router.get(
    "/submissions",
    response={200: list[SubmissionOut], **error_responses(401, 422)},
    summary="Submissions you may see",
)
def submissions(request, form: QueryText = "", station: QueryText = "", limit: int = 500):
    rows = submissions_visible_to(request.user)
    if form:
        rows = rows.filter(version__form__code=form.upper())
    if station:
        rows = rows.filter(station__number=station)
    return [_out(s) for s in rows.order_by("-received_at")[: max(1, min(limit, 2000))]]


class PhotoOut(Schema):
    sha256: str


@router.post(
    "/photos",
    response={201: PhotoOut, **error_responses(400, 401, 403, 413, 422)},
    summary="Send a photo first; answer a photo question with the sha256 it returns",
)
def photo_upload(request, file: Annotated[UploadedFile, File()]):
    observer = getattr(request.user, "observer", None)
    if observer is None:
        raise ApiError(403, ErrorCode.PERMISSION_DENIED, _("Only deployed observers can submit."))
    try:
        photo = checklist_photo_store(observer=observer, name=file.name or "", content=file)
    except PhotoRejected as rejected:
        raise ApiError(
            422, "not_photo", rejected.message,
            [{"field": "file", "code": "not_photo", "message": rejected.message}],
        ) from None  # fmt: skip
    return Status(201, {"sha256": photo.sha256})
