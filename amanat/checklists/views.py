"""The observer's checklist pages. The page works offline: answers wait on the phone and are
sent when the network returns, each exactly once (the client id makes resending harmless)."""

import json
import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amanat.elections.selectors import election_current
from amanat.observers.selectors import deployments_of

from .ingestion import SubmissionInvalid, submission_receive
from .photos import PhotoRejected, checklist_photo_store
from .services import form_version_current, forms_active


def _observer(request: HttpRequest):
    observer = getattr(request.user, "observer", None)
    if observer is None:
        raise PermissionDenied
    return observer


@login_required
def checklist_list(request: HttpRequest) -> HttpResponse:
    observer = _observer(request)
    election = election_current()
    stations = [s for d in deployments_of(observer, election) for s in d.stations.all()]
    context = {"forms": forms_active(), "stations": stations}
    return _offline(render(request, "checklists/list.html", context))


@login_required
def checklist_page(request: HttpRequest, code: str) -> HttpResponse:
    observer = _observer(request)
    version = form_version_current(code)
    if version is None:
        raise Http404
    election = election_current()
    stations = [s for d in deployments_of(observer, election) for s in d.stations.all()]
    context = {"version": version, "questions": version.questions.all(), "stations": stations,
               "forms": forms_active()}  # fmt: skip
    return _offline(render(request, "checklists/form.html", context))


def _offline(response: HttpResponse) -> HttpResponse:
    """Marks a page the service worker may keep on the phone (sw.js): the checklists, and
    no other signed-in page."""
    response["X-Amanat-Offline"] = "keep"
    return response


@login_required
@require_POST
def checklist_submit(request: HttpRequest) -> JsonResponse:
    """JSON from the page's queue: {client_id, form, station, answers, observed_at}."""
    observer = _observer(request)
    try:
        body = json.loads(request.body)
        client_id = uuid.UUID(str(body["client_id"]))
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": _("The request is not valid."), "code": "invalid",
                             "errors": []}, status=400)  # fmt: skip
    try:
        submission, created = submission_receive(
            client_id=client_id,
            form_code=str(body.get("form", "")),
            station_number=str(body.get("station", "")),
            observer=observer,
            election=election_current(),
            answers=body.get("answers") or {},
            observed_at=parse_datetime(str(body.get("observed_at") or "")) or None,
            channel="web",
            raw=body,
        )
    except SubmissionInvalid as invalid:
        errors = [error.as_dict() for error in invalid.errors]
        return JsonResponse(
            {"detail": invalid.message, "code": invalid.code, "errors": errors}, status=422
        )
    return JsonResponse({"id": submission.pk, "client_id": str(submission.client_id)},
                        status=201 if created else 200)  # fmt: skip


def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site root so that it may cache every checklist page."""
    from django.contrib.staticfiles import finders

    path = finders.find("amanat/js/sw.js")
    if not isinstance(path, str):  # a missing static file; find(all=False) gives one path
        raise Http404
    with open(path, encoding="utf-8") as script:
        response = HttpResponse(script.read(), content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response


@login_required
def xlsform_download(request: HttpRequest, code: str) -> HttpResponse:
    """The form as XLSForm, to edit in a spreadsheet or to load into Kobo or ODK Central."""
    from .xlsform import xlsform_build

    if not request.user.has_perm("observers.coordinate"):
        raise PermissionDenied
    version = form_version_current(code)
    if version is None:
        raise Http404
    response = HttpResponse(
        xlsform_build(version),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{version}.xlsx"'
    return response


@login_required
@require_POST
def checklist_photo(request: HttpRequest) -> JsonResponse:
    """A photo from the page's queue, before the answers that name it."""
    observer = _observer(request)
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"detail": _("Attach the photo."), "code": "not_photo",
                             "errors": []}, status=400)  # fmt: skip
    try:
        photo = checklist_photo_store(observer=observer, name=upload.name or "", content=upload)
    except PhotoRejected as rejected:
        return JsonResponse({"detail": rejected.message, "code": "not_photo", "errors": []},
                            status=422)  # fmt: skip
    return JsonResponse({"sha256": photo.sha256}, status=201)
