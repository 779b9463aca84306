"""Citizens' self-checks: the public form, the counts, and a finding's challenge document."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit
from amanat.geography.models import Region
from amanat.legal.documents import document_docx, document_pdf

from . import selfcheck
from .challenge import Signer, challenge_compose, commission_name
from .forms_selfcheck import SelfCheckForm, SignerForm
from .models_conditions import SelfCheck

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@rate_limit(key="ip", rate="20/h", method="POST", group="readiness_selfcheck")
@require_http_methods(["GET", "POST"])
def selfcheck_form(request: HttpRequest) -> HttpResponse:
    form = SelfCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            check = selfcheck.selfcheck_record(
                client_id=data["client_id"], station_number=data["station"],
                outcome=data["outcome"], details=data["details"],
            )  # fmt: skip
        except selfcheck.SelfCheckError:
            form.add_error("station", _("There is no polling station with this number."))
        else:
            return HttpResponseRedirect(reverse("readiness:selfcheck_done", args=[check.code]))
    context = {"form": form, "lists_open_on": selfcheck.lists_open_on()}
    status = 400 if form.errors else 200
    return render(request, "readiness/selfcheck_form.html", context, status=status)


def _check(code: uuid.UUID) -> SelfCheck:
    check = selfcheck.selfcheck_by_code(code)
    if check is None:
        raise Http404
    return check


def selfcheck_done(request: HttpRequest, code: uuid.UUID) -> HttpResponse:
    check = _check(code)
    language = "kk" if request.LANGUAGE_CODE == "kk" else "ru"
    context = {
        "check": check,
        "form": SignerForm(initial={"language": language}),
        "commission": commission_name(check, request.LANGUAGE_CODE),
    }
    return render(request, "readiness/selfcheck_done.html", context)


@rate_limit(key="ip", rate="60/h", method="POST", group="readiness_challenge")
@require_http_methods(["POST"])
def selfcheck_challenge(request: HttpRequest, code: uuid.UUID) -> HttpResponse:
    check = _check(code)
    if not check.is_finding:
        raise Http404
    form = SignerForm(request.POST)
    if not form.is_valid():
        context = {"check": check, "form": form,
                   "commission": commission_name(check, request.LANGUAGE_CODE)}  # fmt: skip
        return render(request, "readiness/selfcheck_done.html", context, status=400)
    signer = Signer(**form.cleaned_data)
    document = challenge_compose(check, signer)
    action = request.POST.get("action", "preview")
    if action in CONTENT_TYPES:
        render_file = document_docx if action == "docx" else document_pdf
        response = HttpResponse(
            render_file(document, signer.language), content_type=CONTENT_TYPES[action]
        )
        response["Content-Disposition"] = f'attachment; filename="challenge.{action}"'
        return response
    context = {"check": check, "form": form, "document": document, "signer": signer}
    return render(request, "readiness/selfcheck_challenge.html", context)


def selfcheck_counts(request: HttpRequest) -> HttpResponse:
    region_code = request.GET.get("region", "")[:10]
    region = Region.objects.filter(code=region_code).first() if region_code else None
    context: dict = {"outcomes": SelfCheck.Outcome.choices, "region": region}
    if region is None:
        context["regions"] = selfcheck.counts_by_region()
    else:
        context["page"] = page_of(request, selfcheck.counts_by_station(region))
    return render(request, "readiness/selfcheck_counts.html", context)
