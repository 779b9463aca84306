from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.accounts.models import User
from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit
from amanat.geography.models import Region

from . import selectors, services
from .answers import answering_candidate
from .forms import AnswerForm, MandateForm, MergeForm
from .models import Mandate


def _region(request: HttpRequest) -> Region | None:
    code = request.GET.get("region", "")[:10]
    return Region.objects.filter(code=code).first() if code else None


def mandate_list(request: HttpRequest) -> HttpResponse:
    region = _region(request)
    search = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    page = page_of(request, selectors.mandates_listed(region=region, search=search), 20)
    context = {
        "page": page, "region": region, "search": search, "regions": Region.objects.all(),
        "can_write": selectors.person_confirmed(request.user),
    }  # fmt: skip
    return render(request, "mandates/list.html", context)


def pressing(request: HttpRequest) -> HttpResponse:
    region = _region(request) or selectors.region_most_mandates() or Region.objects.first()
    ranked = selectors.pressing_in_region(region) if region else []
    context = {"ranked": ranked, "region": region, "regions": Region.objects.all()}
    return render(request, "mandates/pressing.html", context)


def _answer_form(request: HttpRequest, mandate: Mandate) -> AnswerForm | None:
    """The form of a candidate's team, if the mandate is addressed to its candidate."""
    if not request.user.is_authenticated or answering_candidate(request.user, mandate) is None:
        return None
    return AnswerForm()


def mandate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = get_object_or_404(Mandate.objects.select_related("region", "district"), pk=pk)
    if mandate.merged_into_id:
        return redirect("mandates:detail", pk=mandate.merged_into_id)
    confirmed = selectors.person_confirmed(request.user)
    supported = False
    if confirmed:
        person = cast(User, request.user)  # confirmed: signed in
        services.mandate_seen(mandate=mandate, user=person)
        supported = mandate.supports.filter(user=person).exists()
    can_merge = request.user.has_perm("mandates.merge_mandate")
    similar = []
    if can_merge:
        similar = selectors.mandates_similar(f"{mandate.title} {mandate.text}", exclude=mandate.pk)
    context = {
        "mandate": mandate, "supporters": selectors.mandate_supporters(mandate),
        "similar": similar,
        "confirmed": confirmed, "supported": supported, "authors": mandate.authors.count(),
        "can_merge": can_merge,
        "merge_form": MergeForm(),
        "answers": mandate.answers.filter(is_current=True).select_related("candidate"),
        "answer_form": _answer_form(request, mandate),
        "telegram_bot": settings.AMANAT_TELEGRAM_BOT_USERNAME,  # the bot's /start m<id> link
    }  # fmt: skip
    return render(request, "mandates/detail.html", context)


@login_required
@require_POST
def mandate_support(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    mandate = get_object_or_404(Mandate, pk=pk)
    try:
        services.mandate_support(mandate=mandate, user=request.user)
    except services.NotConfirmed:
        messages.error(request, _("Confirm your phone number or e-mail address to support."))
    else:
        messages.success(request, _("Your support is counted once."))
    return redirect("mandates:detail", pk=(mandate.merged_into_id or mandate.pk))


@login_required
@rate_limit(key="user", rate="20/h", method="POST")
@require_http_methods(["GET", "POST"])
def mandate_write(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not selectors.person_confirmed(request.user):
        return render(request, "mandates/not_confirmed.html", status=403)
    form = MandateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = services.MandateInput(**form.cleaned_data)
        mandate, _created = services.mandate_write(author=request.user, data=data, request=request)
        messages.success(request, _("Your mandate is published. Share it so others support it."))
        return redirect("mandates:detail", pk=mandate.pk)
    status = 400 if form.errors else 200
    return render(request, "mandates/write.html", {"form": form}, status=status)


@rate_limit(key="user_or_ip", rate="300/h")
def similar(request: HttpRequest) -> HttpResponse:
    """The htmx fragment under the form: mandates like what is being typed."""
    text = f"{request.GET.get('title', '')} {request.GET.get('text', '')}"[:1000]
    matches = selectors.mandates_similar(text.replace("\x00", "")) if text.strip() else []
    context = {"matches": selectors.regions_of(matches)}
    return render(request, "mandates/_similar.html", context)


@login_required
@require_POST
def mandate_merge(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("mandates.merge_mandate"):
        raise PermissionDenied
    duplicate = get_object_or_404(Mandate.objects.open(), pk=pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the number of an open mandate to merge into."))
        return redirect("mandates:detail", pk=pk)
    try:
        keeper = services.mandate_merge(
            duplicate=duplicate, keeper=form.cleaned_data["keeper"], moderator=request.user,
            request=request,
        )  # fmt: skip
    except services.MergeRefused:
        messages.error(request, _("A mandate cannot be merged into itself."))
        return redirect("mandates:detail", pk=pk)
    messages.success(request, _("Merged: every author and supporter is kept, each counted once."))
    return redirect("mandates:detail", pk=keeper.pk)
