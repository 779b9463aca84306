"""ODK Collect and KoboCollect over OpenRosa 1.0: the form list, the forms as XForms, and
submissions, which go through the one ingestion service like every other channel."""

import hashlib
import uuid
from xml.sax.saxutils import escape

from defusedxml import ElementTree
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from amanat.checklists.models import Question, Submission
from amanat.checklists.photos import PhotoRejected, checklist_photo_store
from amanat.checklists.services import (
    SubmissionInvalid,
    form_version_current,
    forms_active,
    submission_receive,
)
from amanat.checklists.xlsform import xform_build
from amanat.elections.selectors import election_current

from .digest import digest_challenge, digest_user

MAX_SUBMISSION = 10 * 1024 * 1024


def _xml(body: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")
    response["X-OpenRosa-Version"] = "1.0"
    return response


def _message(text: str, status: int, nature: str = "") -> HttpResponse:
    return _xml(
        '<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
        f'<message nature="{nature}">{escape(text)}</message></OpenRosaResponse>',
        status,
    )


def form_list(request: HttpRequest) -> HttpResponse:
    if digest_user(request) is None:
        return digest_challenge()
    items = []
    for form in forms_active():
        version = form_version_current(form.code)
        xform = xform_build(version)
        url = request.build_absolute_uri(reverse("openrosa_form", kwargs={"code": form.code}))
        items.append(
            f"<xform><formID>{form.code}</formID><name>{escape(form.name)}</name>"
            f"<version>{version.number}</version>"
            f"<hash>md5:{hashlib.md5(xform.encode(), usedforsecurity=False).hexdigest()}</hash>"  # noqa: S324
            f"<downloadUrl>{escape(url)}</downloadUrl></xform>"
        )
    return _xml(
        '<xforms xmlns="http://openrosa.org/xforms/xformsList">' + "".join(items) + "</xforms>"
    )


def form_download(request: HttpRequest, code: str) -> HttpResponse:
    if digest_user(request) is None:
        return digest_challenge()
    version = form_version_current(code)
    if version is None:
        return _message(_("There is no form %(code)s.") % {"code": code}, 404)
    return _xml(xform_build(version))


def _value(question: Question, text: str):
    text = text.strip()
    if question.kind == Question.Kind.YES_NO:
        return {"1": True, "2": False}.get(text, text)
    if question.kind in (Question.Kind.INTEGER, Question.Kind.SINGLE):
        return int(text) if text.lstrip("-").isdigit() else text
    if question.kind == Question.Kind.MULTIPLE:
        return [int(part) if part.isdigit() else part for part in text.split()]
    if question.kind == Question.Kind.TIME:
        return text[:5]
    return text


def _photos_attached(request, version, answers: dict, observer) -> None:
    """ODK sends each photo as a multipart part named by the file name the XML answer holds;
    the answer becomes the photo's SHA-256. A name without its file stays and is refused."""
    for question in version.questions.all():
        name = answers.get(question.code)
        if question.kind == Question.Kind.PHOTO and name in request.FILES:
            upload = request.FILES[name]
            photo = checklist_photo_store(observer=observer, name=name, content=upload.read())
            answers[question.code] = photo.sha256


@csrf_exempt
def submission(request: HttpRequest) -> HttpResponse:
    user = digest_user(request)
    if user is None:
        return digest_challenge()
    if request.method == "HEAD":
        response = _xml("", 204)
        response["X-OpenRosa-Accept-Content-Length"] = str(MAX_SUBMISSION)
        return response
    if request.method != "POST" or "xml_submission_file" not in request.FILES:
        return _message(_("Send the form as xml_submission_file."), 400, "submit_error")
    observer = getattr(user, "observer", None)
    if observer is None:
        return _message(_("Only deployed observers can submit."), 403, "submit_error")
    try:
        root = ElementTree.fromstring(request.FILES["xml_submission_file"].read())
    except ElementTree.ParseError:
        return _message(_("The submission is not well-formed XML."), 400, "submit_error")
    code = root.attrib.get("id", root.tag.split("}")[-1])
    version = form_version_current(code)
    instance = root.findtext("meta/instanceID") or root.findtext("{*}meta/{*}instanceID") or ""
    try:
        client_id = uuid.UUID(instance.removeprefix("uuid:"))
    except ValueError:
        return _message(_("The submission has no instance id."), 400, "submit_error")
    if version is None:
        return _message(_("There is no form %(code)s.") % {"code": code}, 400, "submit_error")
    existing = Submission.objects.filter(client_id=client_id).exists()
    answers = {
        q.code: _value(q, root.findtext(q.code))
        for q in version.questions.all()
        if (root.findtext(q.code) or "").strip()
    }
    try:
        _photos_attached(request, version, answers, observer)
    except PhotoRejected as rejected:
        return _message(rejected.message, 400, "submit_error")
    station = (root.findtext("station") or "").strip()
    try:
        submission_receive(
            client_id=client_id, form_code=code, station_number=station,
            observer=observer, election=election_current(), answers=answers, channel="odk",
            raw={"xml": request.FILES["xml_submission_file"].name, "instance": instance},
        )  # fmt: skip
    except SubmissionInvalid as invalid:
        detail = "; ".join(f"{e.field}: {e.message}" for e in invalid.errors) or invalid.message
        return _message(detail, 400, "submit_error")
    if existing:
        return _message(_("Already received."), 202, "submit_success")
    return _message(_("Received, thank you."), 201, "submit_success")
