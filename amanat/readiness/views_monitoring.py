"""Pre-election monitoring for coordinators: visits per region (to come, done, overdue), the
list of visits, and scheduling a new one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.elections.selectors import election_current

from . import monitoring
from .forms_monitoring import VisitForm

STATUSES = (
    ("scheduled", gettext_lazy("to come")),
    ("done", gettext_lazy("done")),
    ("overdue", gettext_lazy("overdue")),
)


@login_required
@require_http_methods(["GET", "POST"])
def visits(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("readiness.view_visits"):
        raise PermissionDenied
    election = election_current()
    form = VisitForm(request.POST or None, user=user)
    if request.method == "POST":
        if election is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            if not user.has_perm("readiness.schedule_visit", data["region"]):
                raise PermissionDenied
            monitoring.visit_schedule(
                election=election, commission=data["commission"], form_code=data["form_code"],
                observer=data["observer"], due_on=data["due_on"], actor=user,
            )  # fmt: skip
            messages.success(request, _("The visit is scheduled."))
            return redirect("readiness:visits")
    all_visits = monitoring.visits_for(user, election)
    region = request.GET.get("region", "")[:10]
    status = request.GET.get("status", "")[:10]
    shown = all_visits.filter(region__code=region) if region else all_visits
    page = page_of(request, monitoring.visits_filtered(shown, status))
    context = {
        "election": election,
        "counts": monitoring.visit_counts(all_visits),
        "page": page,
        "rows": [(visit, monitoring.FORMS.get(visit.form_code, visit.form_code)) for visit in page],
        "form": form,
        "status": status,
        "region": region,
        "statuses": STATUSES,
        "can_schedule": election is not None and user.has_perm("readiness.add_visit"),
    }
    return render(request, "readiness/monitoring.html", context, status=400 if form.errors else 200)
