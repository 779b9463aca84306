"""Debates: the ranked list, a debate's page (two sides, comment threads), and the writes.
Each write works with htmx (the changed part is swapped in, with a confirmation) and without
script (a redirect with a message); refusals and form errors are shown in the page's
language."""

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.http import HtmxHttpRequest
from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit

from . import selectors_debates as read
from . import services_debates as write
from .forms_debates import (
    ArgumentForm,
    CloseForm,
    CommentForm,
    DebateFilterForm,
    DebateForm,
    ReplyForm,
)
from .models_debates import Argument, Comment, Debate, Side, Stance

COMMENTS_PER_PAGE = 20


def _see_hidden(request: HttpRequest) -> bool:
    return request.user.has_perm("dialogue.see_hidden_debate_posts")


def debate_list(request: HttpRequest) -> HttpResponse:
    form = DebateFilterForm(request.GET or None)
    values = form.values() if request.GET else {}
    filters = read.DebateFilters(
        election=values.get("election"),
        region=values.get("region"),
        topic=values.get("topic") or "",
        status=values.get("status") or "",
        search=values.get("q") or "",
        order=values.get("order") or "activity",
    )
    page = page_of(request, read.debates_ranked(filters), per_page=20)
    filtered = any(
        [filters.election, filters.region, filters.topic, filters.status, filters.search]
    )
    context = {"page": page, "form": form, "filters": filters, "filtered": filtered}
    return render(request, "dialogue/debates/list.html", context)


@login_required
@rate_limit(key="user", rate="10/h", method="POST")
def debate_open(request: AuthenticatedHttpRequest) -> HttpResponse:
    official = request.user.has_perm("dialogue.open_official_debate")
    form = DebateForm(request.POST or None, may_be_official=official)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            debate = write.debate_open(
                user=request.user,
                title=data["title"],
                text=data["text"],
                topic=data["topic"],
                language=data["language"],
                election=data["election"],
                region=data["region"],
                official=data.get("official", False),
                client_token=data["client_token"],
            )
        except write.DebateRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Your debate is open: others can now argue and comment."))
            return redirect("dialogue:debate", pk=debate.pk)
    status = 400 if form.errors else 200
    return render(request, "dialogue/debates/open.html", {"form": form}, status=status)


def _side(request: HttpRequest, debate: Debate, side: str, **extra: Any) -> dict:
    arguments = read.sides(debate, request.user, see_hidden=_see_hidden(request))[side]
    form = extra.pop("form", None) or ArgumentForm(initial={"side": side}, auto_id=f"id_{side}_%s")
    return {
        "debate": debate,
        "side": side,
        "label": Side(side).label,
        "arguments": arguments,
        "form": form,
    } | extra


def _comments(request: HttpRequest, debate: Debate, **extra: Any) -> dict:
    see_hidden = _see_hidden(request)
    page = page_of(
        request,
        read.top_level_comments(debate, see_hidden=see_hidden).order_by("-created_at", "-pk"),
        per_page=COMMENTS_PER_PAGE,
    )
    roots = read.threads(list(page.object_list), see_hidden=see_hidden)
    _give_reply_tokens(roots)
    return {
        "debate": debate,
        "page": page,
        "roots": roots,
        "form": extra.pop("form", None) or CommentForm(),
        "max_depth": Comment.MAX_DEPTH,
        "stances": Stance.choices,
    } | extra


def _give_reply_tokens(comments: list[Comment]) -> None:
    """Each reply form sends its own client token (a template cannot make one)."""
    for comment in comments:
        comment.reply_token = uuid.uuid4()  # type: ignore[attr-defined]
        _give_reply_tokens(comment.children)  # type: ignore[attr-defined]


def debate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    debate = read.debate_for(pk, see_hidden=_see_hidden(request))
    context = {
        "debate": debate,
        "endorsed": read.endorsed(debate, request.user),
        "sides": [_side(request, debate, side) for side in Side.values],
        "comments": _comments(request, debate),
        "close_form": CloseForm(),
        "may_close": request.user.has_perm("dialogue.close_debate", debate),
    }
    return render(request, "dialogue/debates/detail.html", context)


def _answer(
    request: HtmxHttpRequest, debate: Debate, anchor: str, notice: str, partial: str, context: dict
):
    """The htmx answer (the part, with the confirmation) or, without script, the page."""
    if request.htmx:
        return render(request, partial, context | {"notice": notice})
    messages.success(request, notice)
    return redirect(reverse("dialogue:debate", args=[debate.pk]) + anchor)


def _refused(
    request: HtmxHttpRequest, debate: Debate, anchor: str, error: str, partial: str, context: dict
):
    """A refusal or invalid form: htmx swaps the part with the error in it (htmx swaps only
    2xx answers); without script, the message above the page."""
    if request.htmx:
        return render(request, partial, context | {"error": error})
    messages.error(request, error)
    return redirect(reverse("dialogue:debate", args=[debate.pk]) + anchor)


def _form_error(form) -> str:
    return " ".join(str(message) for messages_ in form.errors.values() for message in messages_)


@login_required
@rate_limit(key="user", rate="60/h", method="POST")
@require_POST
def argument_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    debate = read.debate_for(pk, see_hidden=False)
    side = str(request.POST.get("side"))
    side = side if side in Side.values else Side.FOR
    form = ArgumentForm(request.POST, auto_id=f"id_{side}_%s")
    anchor, partial = f"#side-{side}", "dialogue/debates/_side.html"
    if not form.is_valid():
        context = _side(request, debate, side, form=form)
        return _refused(request, debate, anchor, _form_error(form), partial, context)
    data = form.cleaned_data
    try:
        write.argument_add(
            debate=debate,
            user=request.user,
            side=data["side"],
            title=data["title"],
            text=data["text"],
            language=data["language"],
            client_token=data["client_token"],
        )
    except write.DebateRefused as refusal:
        context = _side(request, debate, side, form=form)
        return _refused(request, debate, anchor, refusal.message, partial, context)
    notice = _("Your argument is added.")
    debate = read.debate_for(pk, see_hidden=False)  # the new totals
    return _answer(request, debate, anchor, notice, partial, _side(request, debate, side))


@login_required
@rate_limit(key="user", rate="60/h", method="POST")
@require_POST
def comment_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    debate = read.debate_for(pk, see_hidden=False)
    partial, anchor = "dialogue/debates/_comments.html", "#comments"
    reply = "parent" in request.POST
    form = ReplyForm(request.POST) if reply else CommentForm(request.POST)
    keep = {} if reply else {"form": form}
    if not form.is_valid():
        context = _comments(request, debate, **keep)
        return _refused(request, debate, anchor, _form_error(form), partial, context)
    data = form.cleaned_data
    parent = Comment.objects.filter(debate=debate, pk=data["parent"]).first() if reply else None
    try:
        if reply and parent is None:
            raise write.DebateRefused(
                _("The comment you reply to is not in this debate."), "parent"
            )
        write.comment_add(
            debate=debate,
            user=request.user,
            text=data["text"],
            language=data["language"],
            stance=data.get("stance", ""),
            parent=parent,
            client_token=data["client_token"],
        )
    except write.DebateRefused as refusal:
        context = _comments(request, debate, **keep)
        return _refused(request, debate, anchor, refusal.message, partial, context)
    notice = _("Your reply is added.") if reply else _("Your comment is added.")
    debate = read.debate_for(pk, see_hidden=False)  # the new totals
    return _answer(request, debate, anchor, notice, partial, _comments(request, debate))


@login_required
@rate_limit(key="user", rate="120/h", method="POST")
@require_POST
def debate_endorse(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    debate = read.debate_for(pk, see_hidden=False)
    partial, anchor = "dialogue/debates/_endorse.html", "#endorse"
    try:
        _endorsement, created = write.endorse(user=request.user, debate=debate)
    except write.DebateRefused as refusal:
        context = {"debate": debate, "endorsed": read.endorsed(debate, request.user)}
        return _refused(request, debate, anchor, refusal.message, partial, context)
    debate = read.debate_for(pk, see_hidden=False)  # the new total
    notice = _("You endorse this debate.") if created else _("You already endorse this debate.")
    return _answer(request, debate, anchor, notice, partial, {"debate": debate, "endorsed": True})


@login_required
@rate_limit(key="user", rate="120/h", method="POST")
@require_POST
def argument_endorse(request: AuthenticatedHttpRequest, pk: int, argument: int) -> HttpResponse:
    debate = read.debate_for(pk, see_hidden=False)
    found = Argument.objects.filter(debate=debate, pk=argument).first()
    partial, anchor = "dialogue/debates/_argument_endorse.html", f"#argument-{argument}"
    try:
        if found is None:
            raise write.DebateRefused(_("This argument is not in this debate."), "argument")
        _endorsement, created = write.endorse(user=request.user, debate=debate, argument=found)
    except write.DebateRefused as refusal:
        if found is None:
            messages.error(request, refusal.message)
            return redirect("dialogue:debate", pk=debate.pk)
        context = {"debate": debate, "argument": _argument(request, debate, found)}
        return _refused(request, debate, anchor, refusal.message, partial, context)
    notice = _("You endorse this argument.") if created else _("You already endorse it.")
    context = {"debate": debate, "argument": _argument(request, debate, found)}
    return _answer(request, debate, anchor, notice, partial, context)


def _argument(request: HttpRequest, debate: Debate, argument: Argument) -> Argument:
    """The argument with its endorsement total and the reader's endorsement."""
    side = read.sides(debate, request.user, see_hidden=False)[argument.side]
    return next((a for a in side if a.pk == argument.pk), argument)


@login_required
@require_POST
def debate_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    debate = read.debate_for(pk, see_hidden=_see_hidden(request))
    if not request.user.has_perm("dialogue.close_debate", debate):
        raise PermissionDenied
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_error(form))
        return redirect(reverse("dialogue:debate", args=[debate.pk]) + "#close")
    try:
        write.debate_close(
            debate=debate, user=request.user, conclusion=form.cleaned_data["conclusion"]
        )
    except write.DebateRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The debate is closed; its conclusion is shown at the top."))
    return redirect("dialogue:debate", pk=debate.pk)
