"""The media monitor's coding screen: the queue of items, and one item's coding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.elections.selectors import election_current

from . import selectors, services
from .forms import AppearanceForm, GenreForm, ItemForm
from .models import Coding, Item


def _monitor(request: AuthenticatedHttpRequest) -> None:
    if not request.user.has_perm("media.code"):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    _monitor(request)
    election = election_current()
    form = ItemForm(request.POST or None, election=election)
    if request.method == "POST" and form.is_valid():
        item = services.item_create(coder=request.user, **form.cleaned_data)
        messages.success(request, _("The item is in your queue: code it now."))
        return redirect("media:code", pk=item.pk)
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    page = page_of(request, selectors.queue_search(request.user, query))
    done = selectors.done_for(request.user)[:10]
    context = {"page": page, "form": form, "done": done, "query": query}
    return render(request, "media/queue.html", context, status=400 if form.errors else 200)


def _next_in_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    following = selectors.queue_for(request.user).first()
    if following is None:
        messages.success(request, _("Your queue is empty: every item is coded."))
        return redirect("media:queue")
    return redirect("media:code", pk=following.pk)


@login_required
@require_http_methods(["GET", "POST"])
def code(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One item: its genre, the appearances coded so far, and the form of the next one."""
    _monitor(request)
    items = selectors.items_of(request.user).select_related("outlet", "period")
    item = get_object_or_404(items, pk=pk)
    election = item.period.election
    coding = Coding.objects.filter(item=item, coder=request.user).first()
    action = request.POST.get("action")
    genre_form = GenreForm(
        request.POST if action == "genre" else None,
        initial={"genre": coding.genre if coding else None},
    )
    form = AppearanceForm(request.POST if action == "appearance" else None, election=election)
    if coding is None:  # the genre comes first: the keyboard starts there
        genre_form.fields["genre"].widget.attrs["autofocus"] = True
    try:
        if action == "genre" and genre_form.is_valid():
            services.coding_genre_set(item=item, coder=request.user, **genre_form.cleaned_data)
            return redirect("media:code", pk=pk)
        if action == "appearance" and form.is_valid():
            appearance = services.appearance_add(
                item=item, coder=request.user, data=services.AppearanceInput(**form.cleaned_data)
            )
            messages.success(request, _("Appearance %(number)s saved.")
                             % {"number": appearance.position})  # fmt: skip
            return redirect("media:code", pk=pk)
        if action == "undo":
            services.appearance_remove_last(item=item, coder=request.user)
            messages.success(request, _("The last appearance is removed."))
            return redirect("media:code", pk=pk)
        if action == "done":
            services.coding_complete(item=item, coder=request.user)
            messages.success(request, _("Item coded."))
            return _next_in_queue(request)
    except services.CodingError as failure:
        (form if action == "appearance" else genre_form).add_error(None, failure.message)
    if action and action not in ("genre", "appearance", "undo", "done"):
        raise Http404
    appearances = list(coding.appearances.select_related("candidate", "party")) if coding else []
    context = {
        "item": item,
        "coding": coding,
        "genre_form": genre_form,
        "form": form,
        "appearances": appearances,
        "unit": _unit(item),
    }
    invalid = genre_form.errors or form.errors
    return render(request, "media/code.html", context, status=400 if invalid else 200)


def _unit(item: Item) -> str:
    if item.outlet.is_broadcast:
        return _("seconds")
    if item.outlet.kind == item.outlet.Kind.PRINT:
        return _("cm²")
    return _("characters")
