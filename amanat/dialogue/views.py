from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit
from amanat.core.spreadsheets import csv_writer

from . import selectors, selectors_moderation, services
from .forms import ModerateForm, StatementForm, VoteForm
from .forms_moderation import PostDecisionForm
from .models import Conversation, Statement
from .selectors_debates import DebateFilters, debates_ranked
from .selectors_events import events_upcoming


def _errors() -> dict[str, str]:
    return {
        "closed": _("This conversation is closed: it takes no more votes or statements."),
        "statement": _("This statement cannot be voted on."),
        "value": _("Choose agree, disagree or pass."),
        "empty": _("Write a statement first."),
        "duplicate": _("This statement is already in the conversation."),
        "banned": _("A moderator has barred you from posting in the dialogue."),
    }


def conversation_list(request: HttpRequest) -> HttpResponse:
    """The open dialogue's front page: the liveliest debates, the next events, and every open
    opinion map (paged)."""
    page = page_of(request, selectors.conversations_open(), per_page=20)
    context = {
        "page": page,
        "debates": debates_ranked(DebateFilters(status="open"))[:3],
        "events": events_upcoming()[:3],
    }
    return render(request, "dialogue/list.html", context)


def _card_context(conversation: Conversation, user) -> dict:
    done, total = selectors.progress(conversation, user)
    return {
        "conversation": conversation,
        "statement": selectors.statement_next(conversation, user) if conversation.is_open else None,
        "done": done,
        "total": total,
    }


@login_required
def vote_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    form = StatementForm(initial={"language": request.LANGUAGE_CODE[:2]})
    context = _card_context(conversation, request.user) | {"form": form}
    return render(request, "dialogue/vote.html", context)


@login_required
@rate_limit(key="user", rate="120/m", method="POST")
@require_POST
def vote(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    form = VoteForm(request.POST)
    error = _("Choose agree, disagree or pass.")
    if form.is_valid():
        statement = Statement.objects.filter(pk=form.cleaned_data["statement"]).first()
        try:
            if statement is None:
                raise services.DialogueError("statement")
            services.vote_cast(
                conversation=conversation,
                statement=statement,
                user=request.user,
                value=form.cleaned_data["value"],
            )
        except services.DialogueError as failure:
            error = _errors()[failure.message]
        else:
            error = ""
    if request.htmx:
        context = _card_context(conversation, request.user) | {"error": error}
        return render(request, "dialogue/_card.html", context, status=400 if error else 200)
    if error:
        messages.error(request, error)
    return redirect("dialogue:vote", pk=pk)


@login_required
@rate_limit(key="user", rate="10/h", method="POST")
@require_POST
def statement_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    form = StatementForm(request.POST)
    if form.is_valid():
        try:
            services.statement_add(
                conversation=conversation,
                user=request.user,
                text=form.cleaned_data["text"],
                # The writer's choice, else the language of the page they write on.
                language=form.cleaned_data["language"] or request.LANGUAGE_CODE,
            )
        except services.DialogueError as failure:
            form.add_error("text", _errors()[failure.message])
        else:
            messages.success(
                request, _("Thank you: your statement is shown once a moderator accepts it.")
            )
            return redirect("dialogue:vote", pk=pk)
    context = _card_context(conversation, request.user) | {"form": form}
    return render(request, "dialogue/vote.html", context, status=400)


def report(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    order = "votes" if request.GET.get("order") == "votes" else "consensus"
    context = {
        "conversation": conversation,
        "report": selectors.report(conversation, order),
        "order": order,
        "size": selectors.MAP_SIZE,
    }
    return render(request, "dialogue/report.html", context)


@login_required
def export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Every vote in force: participant, statement, vote (1 agree, −1 disagree, 0 pass), time."""
    if not request.user.has_perm("dialogue.export_votes"):
        raise PermissionDenied
    conversation = get_object_or_404(Conversation, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="conversation-{conversation.pk}.csv"'
    writer = csv_writer(response)
    writer.writerow(["participant", "statement", "vote", "time"])
    for vote in selectors.votes_for_export(conversation).iterator():
        writer.writerow(
            [vote.participant_id, vote.statement_id, vote.value, vote.voted_at.isoformat()]
        )
    return response


@login_required
def moderation(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("dialogue.moderate_statement"):
        raise PermissionDenied
    page = page_of(request, selectors.statements_pending())
    # Reported posts of every kind (statements, debates, comments, translations…) come first.
    search = request.GET.get("q", "").strip()[:100]
    reported = selectors_moderation.reported_posts(search)
    context = {
        "page": page,
        "queue": page_of(request, reported, per_page=20, param="queue"),
        "search": search,
        "decision": PostDecisionForm(),
    }
    return render(request, "dialogue/moderation.html", context)


@login_required
@require_POST
def moderate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("dialogue.moderate_statement"):
        raise PermissionDenied
    statement = get_object_or_404(Statement, pk=pk)
    form = ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to accept the statement or to moderate it out."))
        return redirect("dialogue:moderation")
    accept = form.cleaned_data["decision"] == "accept"
    services.statement_moderate(statement=statement, moderator=request.user, accept=accept)
    messages.success(
        request,
        _("The statement is accepted: participants now vote on it.")
        if accept
        else _("The statement is moderated out: it no longer counts in the map."),
    )
    return redirect("dialogue:moderation")
