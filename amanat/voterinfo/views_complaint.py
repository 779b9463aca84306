"""The complaint wizard: a few questions, then where to complain and a ready document."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from amanat.core.rate_limits import rate_limit
from amanat.elections.selectors import election_current

from .complaint_documents import Facts, document_compose, document_docx, document_pdf
from .complaints import deadline, route
from .forms import ComplaintForm

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@rate_limit(key="ip", rate="60/h", method="POST")
def complaint(request: HttpRequest) -> HttpResponse:
    form = ComplaintForm(request.POST or None, initial={"language": _document_language(request)})
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.errors else 200
        return render(request, "voterinfo/complaint.html", {"form": form}, status=status)
    facts = Facts(**form.cleaned_data)
    election = election_current()
    chosen = route(facts.what, facts.who)
    due = deadline(
        filed_on=timezone.localdate(), election_day=election.election_day if election else None
    )
    document = document_compose(facts, chosen, due)
    action = request.POST.get("action", "preview")
    if action == "incident":
        return _to_incident(request, facts)
    if action in CONTENT_TYPES:
        render_file = document_docx if action == "docx" else document_pdf
        response = HttpResponse(
            render_file(document, facts.language), content_type=CONTENT_TYPES[action]
        )
        response["Content-Disposition"] = f'attachment; filename="complaint.{action}"'
        return response
    context = {"form": form, "route": chosen, "due": due, "document": document, "facts": facts}
    return render(request, "voterinfo/complaint_result.html", context)


def _document_language(request: HttpRequest) -> str:
    return "kk" if request.LANGUAGE_CODE == "kk" else "ru"


# What the wizard asked → the incident taxonomy.
CATEGORY = {
    "vote_denied": "voter_lists", "commission": "count_procedure", "vote_buying": "vote_buying",
    "pressure": "pressure", "campaign": "campaign", "fraud": "stuffing", "violence": "safety",
}  # fmt: skip
WIZARD_NAMESPACE = uuid.UUID("5a0f3c2e-9d41-4b7a-8e26-1c5d7f9a3b42")


def _to_incident(request: HttpRequest, facts) -> HttpResponse:
    """The same facts as an incident report, so the network can act on it too. Resending the
    same facts gives the same report and code."""
    from amanat.geography.models import PollingStation
    from amanat.incidents.models import Report
    from amanat.incidents.services import ReportInput, ReportInvalid, report_submit

    parts = (facts.what, facts.happened_at, facts.region.code, facts.station, facts.description,
             facts.name)  # fmt: skip
    fingerprint = "|".join(str(part) for part in parts)
    station, place = facts.station, facts.place
    if station and not PollingStation.objects.filter(number=station).exists():
        # The wizard takes any number; an unknown one still tells the network where.
        station, place = "", f"№{facts.station} {facts.place}".strip()
    try:
        report, code = report_submit(
            data=ReportInput(
                client_id=uuid.uuid5(WIZARD_NAMESPACE, fingerprint), source=Report.Source.CITIZEN,
                description=facts.description, occurred_at=facts.happened_at,
                region_code=facts.region.code, station_number=station, place=place,
                category_code=CATEGORY.get(facts.what, ""),
                contact=f"{facts.name}, {facts.contact}",
            ),
            reporter=request.user,
        )  # fmt: skip
    except ReportInvalid as invalid:
        return render(request, "voterinfo/complaint.html",
                      {"form": ComplaintForm(request.POST), "errors": invalid.errors},
                      status=400)  # fmt: skip
    return render(request, "incidents/reported.html", {"code": code, "report": report})
