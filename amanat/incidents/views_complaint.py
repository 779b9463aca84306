"""The complaint wizard's "Also report it to Amanat": the same facts as an incident report, so
the network can act on it too. The wizard (voterinfo) prepares the document; filing the report
is the incidents' own business, so its button posts here."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from amanat.core.rate_limits import rate_limit
from amanat.geography.models import PollingStation
from amanat.legal.documents import Facts
from amanat.legal.forms import ComplaintForm

from .models import Report
from .services import ReportInput, ReportInvalid, report_submit

# The wizard's budget: preparing the complaint and reporting it count together.
WIZARD_RATE = {"key": "ip", "rate": "60/h", "method": "POST", "group": "complaint_wizard"}

# What the wizard asked → the incident taxonomy.
CATEGORY = {
    "vote_denied": "voter_lists", "commission": "count_procedure", "vote_buying": "vote_buying",
    "pressure": "pressure", "campaign": "campaign", "fraud": "stuffing", "violence": "safety",
}  # fmt: skip
WIZARD_NAMESPACE = uuid.UUID("5a0f3c2e-9d41-4b7a-8e26-1c5d7f9a3b42")


@require_POST
@rate_limit(**WIZARD_RATE)
def report_from_complaint(request: HttpRequest) -> HttpResponse:
    """Resending the same facts gives the same report and code."""
    form = ComplaintForm(request.POST)
    if not form.is_valid():
        return render(request, "voterinfo/complaint.html", {"form": form}, status=400)
    facts = Facts(**form.cleaned_data)
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
