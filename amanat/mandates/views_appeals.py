"""Pages of appeals to state bodies: the citizen's own (write, file, extension, answer, the
document), and the public ones (the overdue list, each body's accountability)."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit

from . import selectors_appeals as read
from . import services_appeals as write
from .documents_appeals import FORMATS, appeal_file_bytes
from .forms_appeals import AnswerRecordForm, AppealForm, ExtensionForm, FilingForm
from .models import Appeal, Mandate, Promise, StateBody
from .selectors import person_confirmed


def _search(request: HttpRequest) -> str:
    return request.GET.get("q", "").replace("\x00", "").strip()[:100]


def _own(request: AuthenticatedHttpRequest, pk: int) -> Appeal:
    """The user's own appeal; anyone else's is not found (its personal data stays private)."""
    appeal = get_object_or_404(
        Appeal.objects.filter(author=request.user).select_related("body", "mandate", "promise"),
        pk=pk,
    )
    if not request.user.has_perm("mandates.view_appeal", appeal):
        raise PermissionDenied
    return appeal


@login_required
def appeals_mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    search = _search(request)
    rows = read.appeals_of(request.user)
    if search:
        rows = rows.filter(subject__icontains=search)
    context = {"page": page_of(request, rows, 20), "search": search,
               "today": timezone.localdate()}  # fmt: skip
    return render(request, "mandates/appeals/mine.html", context)


def _initial(request: AuthenticatedHttpRequest, mandate: Mandate | None, promise: Promise | None):
    """What the form starts with: the source's heading and text, its region's akimat, or the
    body the citizen came from (?body=, the body's page)."""
    language = translation.get_language()
    initial = {
        "language": language if language in ("kk", "ru") else "ru",
        "applicant_name": request.user.get_full_name(),
        "client_id": uuid.uuid4(),
    }
    source = mandate or (promise.mandate if promise else None)
    if source is not None:
        initial |= {"subject": source.title, "text": source.text, "topic": source.topic}
        body = StateBody.objects.filter(
            is_active=True, region=source.region, kind=StateBody.Kind.AKIMAT
        ).first()
        initial["body"] = body.pk if body else None
    if promise is not None:
        initial |= {"subject": promise.title, "text": promise.text}
    chosen = StateBody.objects.filter(is_active=True, pk=_number(request, "body")).first()
    if chosen is not None:
        initial["body"] = chosen.pk
    return initial


@login_required
@rate_limit(key="user", rate="20/h", method="POST")
@require_http_methods(["GET", "POST"])
def appeal_write(request: AuthenticatedHttpRequest) -> HttpResponse:
    # appeals feed the bodies' public figures: one confirmed person, counted once
    if not person_confirmed(request.user):
        return render(request, "mandates/appeals/not_confirmed.html", status=403)
    mandate = Mandate.objects.open().filter(pk=_number(request, "mandate")).first()
    promise = (
        Promise.objects.select_related("mandate", "candidate")
        .filter(pk=_number(request, "promise"))
        .first()
    )
    form = AppealForm(request.POST or None, initial=_initial(request, mandate, promise))
    if request.method == "POST" and form.is_valid():
        data = write.AppealInput(mandate=mandate, promise=promise, **form.cleaned_data)
        appeal, _created = write.appeal_write(author=request.user, data=data, request=request)
        messages.success(request, _("Your appeal is ready: download it, sign it and file it, "
                                    "then record when you filed it."))  # fmt: skip
        return redirect("mandates:appeal", pk=appeal.pk)
    context = {"form": form, "mandate": mandate, "promise": promise}
    return render(
        request, "mandates/appeals/write.html", context, status=400 if form.errors else 200
    )


def _number(request: HttpRequest, name: str) -> int:
    """A positive id from the query string, or 0 (which matches no row)."""
    value = request.GET.get(name, "")
    return int(value) if value.isdecimal() and len(value) < 10 else 0


@login_required
def appeal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    appeal = _own(request, pk)
    today = timezone.localdate()
    initial_filing = {"filed_on": appeal.filed_on or today, "filed_via": appeal.filed_via,
                      "received_on": appeal.received_on,
                      "registration_number": appeal.registration_number}  # fmt: skip
    context = {
        "appeal": appeal, "today": today, "days_overdue": appeal.days_overdue(today),
        "filing_form": FilingForm(initial=initial_filing),
        "extension_form": ExtensionForm(),
        "answer_form": AnswerRecordForm(initial={"outcome": appeal.outcome or None}),
    }  # fmt: skip
    return render(request, "mandates/appeals/detail.html", context)


@login_required
def appeal_document(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    appeal = _own(request, pk)
    response = HttpResponse(appeal_file_bytes(appeal, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="appeal-{appeal.pk}.{fmt}"'
    return response


@login_required
@require_POST
def appeal_filing(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    appeal = _own(request, pk)
    form = FilingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the filing date and how you filed the appeal."))
        return redirect("mandates:appeal", pk=pk)
    try:
        appeal = write.appeal_file(appeal=appeal, request=request, **form.cleaned_data)
    except write.AppealRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Filing recorded. We will ask you after the due date "
                                    "whether a real answer came."))  # fmt: skip
    return redirect("mandates:appeal", pk=pk)


@login_required
@require_POST
def appeal_extension(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    appeal = _own(request, pk)
    form = ExtensionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the new due date and the date of the body's notice."))
        return redirect("mandates:appeal", pk=pk)
    try:
        write.appeal_extend(appeal=appeal, request=request, **form.cleaned_data)
    except write.AppealRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The extension is recorded; the new due date counts."))
    return redirect("mandates:appeal", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def appeal_report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Where the citizen says what came: from the detail page, or the link in the message
    sent after the due date."""
    appeal = _own(request, pk)
    form = AnswerRecordForm(request.POST or None, initial={"outcome": appeal.outcome or None})
    if request.method == "POST" and form.is_valid():
        try:
            write.appeal_answer(appeal=appeal, request=request, **form.cleaned_data)
        except write.AppealRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Thank you: the answer counts on the body's public page."))
            return redirect("mandates:appeal", pk=pk)
    status = 400 if form.errors else 200
    return render(request, "mandates/appeals/report.html", {"appeal": appeal, "form": form},
                  status=status)  # fmt: skip


def overdue(request: HttpRequest) -> HttpResponse:
    today, search = timezone.localdate(), _search(request)
    page = page_of(request, read.appeals_overdue_listed(today=today, search=search), 50)
    rows = [(appeal, appeal.days_overdue(today)) for appeal in page]
    context = {"page": page, "rows": rows, "search": search, "today": today}
    return render(request, "mandates/appeals/overdue.html", context)


def bodies(request: HttpRequest) -> HttpResponse:
    search = _search(request)
    page = page_of(request, read.bodies_searched(search), 30)
    figures = read.accountability(
        today=timezone.localdate(), bodies=StateBody.objects.filter(pk__in=[b.pk for b in page])
    )
    context = {"page": page, "figures": figures, "search": search}
    return render(request, "mandates/appeals/bodies.html", context)


def body_page(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(StateBody, pk=pk, is_active=True)
    today = timezone.localdate()
    (figures,) = read.accountability(today=today, bodies=StateBody.objects.filter(pk=pk))
    overdue_now = read.appeals_overdue_listed(today=today).filter(body=body)[:50]
    context = {"body": body, "f": figures, "today": today,
               "overdue": [(a, a.days_overdue(today)) for a in overdue_now]}  # fmt: skip
    return render(request, "mandates/appeals/body.html", context)
