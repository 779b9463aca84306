"""Pages for observers in the field (check in, SOS, inbox) and for those who answer an SOS."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.elections.selectors import election_current
from amanat.notifications.models import Notification
from amanat.notifications.services import notification_mark_read
from amanat.notifications.telegram import telegram_link_code_create

from .. import selectors
from ..forms import CheckInForm, SosForm, SosUpdateForm
from ..models import CheckIn, DeploymentStation, Observer
from ..services import presence


def _observer(request: HttpRequest) -> Observer:
    observer = getattr(request.user, "observer", None)
    if observer is None or not request.user.has_perm("observers.check_in"):
        raise PermissionDenied
    return observer


@login_required
def my_station(request: AuthenticatedHttpRequest) -> HttpResponse:
    observer = _observer(request)
    election = election_current()
    deployments = selectors.deployments_of(observer, election)
    checked = set(
        CheckIn.objects.filter(observer=observer, election=election).values_list(
            "station_id", flat=True
        )
    )
    context = {
        "observer": observer,
        "election": election,
        "deployments": deployments,
        "checked": checked,
        "sos_form": SosForm(),
        "checkin_form": CheckInForm(),
        "error": request.session.pop("observer_error", None),
        "telegram_code": None,
        "telegram_linked": hasattr(request.user, "telegram"),
        "telegram_bot": settings.AMANAT_TELEGRAM_BOT_USERNAME,
    }
    if request.method == "POST" and request.POST.get("action") == "telegram":
        context["telegram_code"] = telegram_link_code_create(user=request.user)
    return render(request, "observers/my_station.html", context)


@login_required
def check_in(request: AuthenticatedHttpRequest) -> HttpResponse:
    observer = _observer(request)
    form = CheckInForm(request.POST)
    election = election_current()
    if request.method == "POST" and form.is_valid() and election is not None:
        link = get_object_or_404(
            DeploymentStation.objects.filter(
                deployment__observer=observer, election=election
            ).select_related("station"),
            station_id=form.cleaned_data["station"],
        )
        station = link.station
        try:
            presence.checkin_record(
                observer=observer,
                election=election,
                station=station,
                client_id=form.cleaned_data["client_id"],
                latitude=form.cleaned_data["latitude"],
                longitude=form.cleaned_data["longitude"],
            )
        except presence.PresenceError as failure:
            request.session["observer_error"] = failure.message
    return redirect("observers:my_station")


@login_required
def raise_sos(request: AuthenticatedHttpRequest) -> HttpResponse:
    observer = _observer(request)
    form = SosForm(request.POST)
    if request.method != "POST" or not form.is_valid():
        return redirect("observers:my_station")
    election = election_current()
    deployments = selectors.deployments_of(observer, election)
    stations = [s for d in deployments for s in d.stations.all()]
    alert, _created = presence.sos_raise(
        observer=observer,
        client_id=form.cleaned_data["client_id"],
        election=election,
        station=stations[0] if len(stations) == 1 else None,
        latitude=form.cleaned_data["latitude"],
        longitude=form.cleaned_data["longitude"],
        note=form.cleaned_data["note"],
    )
    context = {
        "alert": alert,
        "emergency_number": settings.AMANAT_EMERGENCY_NUMBER,
        "police_number": settings.AMANAT_POLICE_NUMBER,
    }
    return render(request, "observers/sos_raised.html", context)


@login_required
def sos_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    alerts = selectors.sos_visible_to(request.user)
    if not request.user.has_perm("observers.view_sos_alerts"):
        raise PermissionDenied
    page = page_of(request, alerts)
    template = "observers/_sos_rows.html" if request.htmx else "observers/sos_list.html"
    return render(request, template, {"page": page})


@login_required
def sos_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(selectors.sos_visible_to(request.user), pk=pk)
    if not request.user.has_perm("observers.handle_sos", alert):
        raise Http404  # an alert one may not handle answers as if it did not exist
    form = SosUpdateForm(request.POST or None, initial={"status": alert.status})
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            alert = presence.sos_update(alert=alert, actor=request.user, **form.cleaned_data)
            messages.success(
                request,
                _("SOS #%(number)s: %(status)s.")
                % {"number": alert.pk, "status": alert.get_status_display()},
            )
            return redirect("observers:sos_detail", pk=pk)
        except presence.PresenceError as failure:
            error = failure.message
    return render(
        request, "observers/sos_detail.html", {"alert": alert, "form": form, "error": error}
    )


@login_required
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    notifications = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        for note in notifications.filter(read_at__isnull=True):
            notification_mark_read(notification=note)
        return redirect("observers:inbox")
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "observers/inbox.html", {"page": page, "now": timezone.now()})
