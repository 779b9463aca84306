"""The refusals register: lawyers keep it in their regions, analysts and admins read it, the
public reads the published entries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of

from . import refusals
from .forms_refusals import RefusalForm
from .models_conditions import Refusal

# The incidents taxonomy's category for abuse of administrative resources
# (incidents/content/taxonomy.toml), linked by its address only.
ADMIN_RESOURCE = "admin_resource"


def _admin_resource_url() -> str:
    return f"{reverse('incidents:published')}?category={ADMIN_RESOURCE}"


@login_required
def register(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("readiness.view_refusals"):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    rows = refusals.refusals_search(refusals.refusals_for(request.user), query)
    context = {
        "page": page_of(request, rows),
        "q": query,
        "can_add": request.user.has_perm("readiness.add_refusal"),
        "admin_resource_url": _admin_resource_url(),
    }
    return render(request, "readiness/refusals.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def refusal_edit(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    user = request.user
    entry = None
    if pk is not None:
        entry = get_object_or_404(refusals.refusals_for(user), pk=pk)
        if not user.has_perm("readiness.change_refusal", entry):
            raise PermissionDenied
    elif not user.has_perm("readiness.add_refusal"):
        raise PermissionDenied
    initial = {"language": request.LANGUAGE_CODE} if entry is None else None
    form = RefusalForm(request.POST or None, instance=entry, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if not user.has_perm("readiness.change_refusal", data["region"]):
            raise PermissionDenied
        refusals.refusal_save(refusal=entry, data=data, actor=user)
        messages.success(request, _("The register entry is saved."))
        return redirect("readiness:refusals")
    context = {"form": form, "entry": entry}
    status = 400 if form.errors else 200
    return render(request, "readiness/refusal_form.html", context, status=status)


def public(request: HttpRequest) -> HttpResponse:
    context = {
        "page": page_of(request, refusals.refusals_published()),
        "admin_resource_url": _admin_resource_url(),
        "bases": Refusal.KeptBasis,
    }
    return render(request, "readiness/refusals_public.html", context)
