"""The complaint wizard: a few questions, then where to complain and a ready document."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from amanat.core.rate_limits import rate_limit
from amanat.elections.selectors import election_current
from amanat.legal.complaints import deadline, route
from amanat.legal.documents import Facts, document_compose, document_docx, document_pdf
from amanat.legal.forms import ComplaintForm

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@rate_limit(key="ip", rate="60/h", method="POST", group="complaint_wizard")
def complaint(request: HttpRequest) -> HttpResponse:
    form = ComplaintForm(request.POST or None, initial={"language": _document_language(request)})
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.errors else 200
        return render(request, "voterinfo/complaint.html", {"form": form}, status=status)
    action = request.POST.get("action", "preview")
    if action == "incident":
        # Filing the incident report is the incidents' (the button posts there); a page
        # rendered before that still reaches it, the POST repeated there as it was (307).
        return HttpResponseRedirect(
            reverse("incidents:report_from_complaint"), preserve_request=True
        )
    facts = Facts(**form.cleaned_data)
    election = election_current()
    chosen = route(facts.what, facts.who)
    due = deadline(
        filed_on=timezone.localdate(), election_day=election.election_day if election else None
    )
    document = document_compose(facts, chosen, due)
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
