"""Protocol photos from observers, and their entry by hand by two people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.elections.selectors import election_current
from amanat.evidence.services import photo_clean
from amanat.observers.selectors import deployments_of

from .entries import (
    FOLDER,
    ProtocolRejected,
    entries_differences,
    protocol_entry_save,
    protocol_photo_receive,
)
from .forms import ProtocolEntryForm, ProtocolPhotoForm, field_name
from .selectors import (
    line_labels,
    photos_awaiting_entry,
    photos_disputed,
    photos_visible_to,
    protocol_contest_current,
)


@login_required
def photo_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    observer = getattr(request.user, "observer", None)
    election = election_current()
    if observer is None or election is None:
        raise PermissionDenied
    stations = [s for d in deployments_of(observer, election) for s in d.stations.all()]
    contest = protocol_contest_current()
    form = ProtocolPhotoForm(request.POST or None, request.FILES or None, stations=stations)
    if request.method == "POST" and form.is_valid() and contest is not None:
        upload = form.cleaned_data["photo"]
        try:
            photo, _created = protocol_photo_receive(
                client_id=form.cleaned_data["client_id"], contest=contest,
                station_number=form.cleaned_data["station"], observer=observer,
                name=upload.name, content=upload,
            )  # fmt: skip
        except ProtocolRejected as rejected:
            form.add_error("photo", rejected.message)
        else:
            messages.success(
                request,
                _("Photo of the protocol received (SHA-256 %(hash)s). Now send its figures with "
                  "the protocol checklist.") % {"hash": photo.sha256[:16]},
            )  # fmt: skip
            return redirect("results:photo_upload")
    return render(request, "results/photo_upload.html", {"form": form, "contest": contest})


def _require_entry(request: HttpRequest) -> None:
    if not request.user.has_perm("results.enter_protocol"):
        raise PermissionDenied


@login_required
def entry_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_entry(request)
    disputed = photos_disputed(request.user)
    context = {
        "awaiting": photos_awaiting_entry(request.user)[:50],
        "disputed": [(photo, entries_differences(list(photo.entries.all()))) for photo in disputed],
    }
    return render(request, "results/entry_queue.html", context)


@login_required
def entry_form(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_entry(request)
    photo = get_object_or_404(photos_visible_to(request.user), pk=pk)
    labels = line_labels(photo.contest)
    mine = photo.entries.filter(entered_by=request.user).first()
    initial = {field_name(k): v for k, v in mine.figures.items()} if mine else None
    form = ProtocolEntryForm(request.POST or None, labels=labels, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            result = protocol_entry_save(photo=photo, user=request.user, figures=form.figures())
        except ProtocolRejected as rejected:
            form.add_error(None, rejected.message)
        else:
            for message in result.broken_relations:
                messages.warning(request, message)
            messages.success(request, _("Entry saved for station %(number)s.")
                             % {"number": photo.station.number})  # fmt: skip
            return redirect("results:entry_queue")
    return render(request, "results/entry_form.html", {"photo": photo, "form": form})


@login_required
def photo_image(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The photo without its metadata (the camera's GPS stays in the private original)."""
    _require_entry(request)
    photo = get_object_or_404(photos_visible_to(request.user), pk=pk)
    clean = photo_clean(folder=FOLDER, sha256=photo.sha256)
    if clean is None:
        raise Http404
    response = HttpResponse(clean, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
