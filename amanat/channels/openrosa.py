"""ODK Collect and KoboCollect over OpenRosa 1.0: the form list, the forms as XForms, and
submissions, which go through the one ingestion service like every other channel."""

import hashlib
import re
import uuid
from xml.sax.saxutils import escape

from axes.helpers import get_cool_off
from defusedxml import DefusedXmlException, ElementTree
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from amanat.accounts.errors import LOGIN_MESSAGES
from amanat.checklists.ingestion import SubmissionInvalid, submission_receive
from amanat.checklists.models import Question, Submission
from amanat.checklists.photos import PhotoRejected, checklist_photo_store
from amanat.checklists.services import form_version_current, forms_active
from amanat.checklists.xlsform import xform_build
from amanat.elections.selectors import election_current
from amanat.evidence.request_size import body_too_large

from .digest import DigestOutcome, digest_authenticate, digest_challenge

MAX_SUBMISSION = 10 * 1024 * 1024  # advertised to ODK Collect as X-OpenRosa-Accept-Content-Length
MAX_XML = 1024 * 1024  # an instance's answers; a parsed tree takes many times its bytes
FORM_CODE = re.compile(r"[A-Za-z0-9_-]{1,8}")  # Form.code; anything else is no form of ours


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


def openrosa_locked_out(request: HttpRequest) -> HttpResponse:
    """A locked-out ODK sign-in, from our views and from axes' middleware alike: 429 whatever
    the password, with the reason as an OpenRosa message (ODK Collect shows it to the
    observer; a 401 would only ask again for the password that is not the problem)."""
    response = _message(str(LOGIN_MESSAGES["locked_out"]), 429, "submit_error")
    cool_off = get_cool_off(request)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def _refused(request: HttpRequest, outcome: DigestOutcome) -> HttpResponse:
    if outcome.locked:
        return openrosa_locked_out(request)
    return digest_challenge(stale=outcome.stale)


def form_list(request: HttpRequest) -> HttpResponse:
    if (outcome := digest_authenticate(request)).user is None:
        return _refused(request, outcome)
    items = []
    for form in forms_active():
        version = form_version_current(form.code)
        if version is None:  # no version yet, or activated since the versions were remembered
            continue
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
    if (outcome := digest_authenticate(request)).user is None:
        return _refused(request, outcome)
    version = form_version_current(code) if FORM_CODE.fullmatch(code) else None
    if version is None:
        return _message(_("There is no form %(code)s.") % {"code": code}, 404)
    return _xml(xform_build(version))


NUMBER = re.compile(r"-?[0-9]{1,18}")  # what a phone sends; int() of anything else may raise


def _value(question: Question, text: str):
    text = text.strip()
    if question.kind == Question.Kind.YES_NO:
        return {"1": True, "2": False}.get(text, text)
    if question.kind in (Question.Kind.INTEGER, Question.Kind.SINGLE):
        return int(text) if NUMBER.fullmatch(text) else text
    if question.kind == Question.Kind.MULTIPLE:
        return [int(part) if NUMBER.fullmatch(part) else part for part in text.split()]
    if question.kind == Question.Kind.TIME:
        return text[:5]
    return text


def _photos_attached(request, version, answers: dict, observer) -> None:
    """ODK sends each photo as a multipart part named by the file name the XML answer holds;
    the answer becomes the photo's SHA-256. A name without its file stays and is refused."""
    for question in version.questions.all():
        name = answers.get(question.code)
        if question.kind == Question.Kind.PHOTO and isinstance(name, str) and name in request.FILES:
            upload = request.FILES[name]
            photo = checklist_photo_store(observer=observer, name=name, content=upload)
            answers[question.code] = photo.sha256


class SubmissionTooLarge(RequestDataTooBig):
    def __init__(self, limit: int):
        super().__init__(f"More than {limit} bytes")
        self.limit = limit


class SubmissionCap(FileUploadHandler):
    """Counts the files' bytes as Django streams them from the body and stops at the advertised
    size (and the XML at its own bound), for a body whose Content-Length is missing or wrong."""

    def __init__(self, request=None):
        super().__init__(request)
        self.total = self.current = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # noqa: N803
        if content_length > MAX_SUBMISSION:
            raise SubmissionTooLarge(MAX_SUBMISSION)

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.current = 0

    def receive_data_chunk(self, raw_data, start):
        self.total += len(raw_data)
        self.current += len(raw_data)
        limit = MAX_XML if self.field_name == "xml_submission_file" else MAX_SUBMISSION
        if self.total > MAX_SUBMISSION or self.current > limit:
            raise SubmissionTooLarge(limit)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) keeps the file


def _too_large(limit: int = MAX_SUBMISSION) -> HttpResponse:
    text = _("The submission is too large: this server accepts at most %(size)s MB.")
    return _message(text % {"size": limit // (1024 * 1024)}, 413, "submit_error")


def _uploaded_xml(request: HttpRequest):
    """The instance's XML file, streamed through SubmissionCap, or the response refusing it."""
    request.upload_handlers.insert(0, SubmissionCap(request))
    try:
        upload = request.FILES.get("xml_submission_file")
    except RequestDataTooBig as too_big:  # ours, or Django's bound on the form fields
        return None, _too_large(getattr(too_big, "limit", MAX_SUBMISSION))
    except (MultiPartParserError, TooManyFilesSent, TooManyFieldsSent):
        upload = None
    if upload is None:
        return None, _message(_("Send the form as xml_submission_file."), 400, "submit_error")
    return upload, None


def _instance_root(upload):
    """The XML's root, parsed from the file (on disk when large) rather than from a copy in
    memory; no DTD, no entities. Anything not a well-formed XForm instance is a 400."""
    try:
        upload.seek(0)
        return ElementTree.parse(upload, forbid_dtd=True).getroot(), None
    except DefusedXmlException:
        text = _("The submission must not contain a DTD or entity declarations.")
    except (ElementTree.ParseError, LookupError, UnicodeError):  # LookupError: unknown encoding
        text = _("The submission is not well-formed XML.")
    return None, _message(text, 400, "submit_error")


def _form_code(root) -> str:
    code = root.attrib.get("id", root.tag.split("}")[-1])
    return code if FORM_CODE.fullmatch(code) else ""


@csrf_exempt
def submission(request: HttpRequest) -> HttpResponse:
    if body_too_large(request, MAX_SUBMISSION):
        return _too_large()  # before anything reads the body, signed in or not
    if (outcome := digest_authenticate(request)).user is None:
        return _refused(request, outcome)
    user = outcome.user
    if request.method == "HEAD":
        response = _xml("", 204)
        response["X-OpenRosa-Accept-Content-Length"] = str(MAX_SUBMISSION)
        return response
    if request.method != "POST":
        return _message(_("Send the form as xml_submission_file."), 400, "submit_error")
    observer = getattr(user, "observer", None)
    if observer is None:
        return _message(_("Only deployed observers can submit."), 403, "submit_error")
    upload, refusal = _uploaded_xml(request)
    if refusal is not None:
        return refusal
    root, refusal = _instance_root(upload)
    if refusal is not None:
        return refusal
    code = _form_code(root)
    version = form_version_current(code) if code else None
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
            raw={"xml": upload.name, "instance": instance},
        )  # fmt: skip
    except SubmissionInvalid as invalid:
        detail = "; ".join(f"{e.field}: {e.message}" for e in invalid.errors) or invalid.message
        return _message(detail, 400, "submit_error")
    if existing:
        return _message(_("Already received."), 202, "submit_success")
    return _message(_("Received, thank you."), 201, "submit_success")
