"""Messages to observers: the coordinator writes one, and follows its deliveries."""

from typing import Any, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.accounts.roles import Role
from amanat.notifications.models import Delivery
from amanat.notifications.selectors import deliveries_counted

from .. import selectors
from ..forms import BroadcastForm
from ..models import Broadcast
from ..services import broadcasts


def _may_broadcast(request: HttpRequest) -> None:
    if not request.user.has_perm("observers.broadcast"):
        raise PermissionDenied


@login_required
def broadcast(request: AuthenticatedHttpRequest) -> HttpResponse:
    _may_broadcast(request)
    regions = selectors.regions_visible_to(request.user)
    form = BroadcastForm(request.POST or None)
    cast(forms.ModelMultipleChoiceField, form.fields["region"]).queryset = regions
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        filters = {
            "region": [r.code for r in data["region"]],
            "station": [n.strip() for n in data["station"].split(",") if n.strip()],
            "certified": data["certified"],
        }
        sent = broadcasts.broadcast_send(
            author=request.user,
            subject=data["subject"],
            body=data["body"],
            observers=selectors.observers_visible_to(request.user),
            filters=filters,
            channels=data["channels"],
        )
        return redirect("observers:broadcast_detail", pk=sent.pk)
    return render(request, "observers/broadcast.html", {"form": form})


def _broadcasts_visible_to(user: Any) -> QuerySet[Broadcast]:
    """Admins follow every broadcast; others the ones they wrote."""
    if user.role == Role.ADMIN:
        return Broadcast.objects.all()
    return Broadcast.objects.filter(author=user)


@login_required
def broadcast_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The broadcast and how far its deliveries are; the counts refresh by htmx polling
    while any delivery waits."""
    _may_broadcast(request)
    sent = get_object_or_404(_broadcasts_visible_to(request.user), pk=pk)
    counts = deliveries_counted(broadcast_id=sent.pk)
    context = {
        "sent": sent,
        "counts": counts,
        "total": sum(counts.values()),
        "waiting": counts[Delivery.Status.PENDING] > 0 or not any(counts.values()),
        "statuses": Delivery.Status,
    }
    partial = request.headers.get("HX-Request") == "true"  # htmx polling the counts
    template = (
        "observers/_broadcast_progress.html" if partial else "observers/broadcast_detail.html"
    )
    return render(request, template, context)
