"""Pages of moderation over any post: report, translate, the moderator's decision, bans,
the author's warnings, and the public policy and log."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.accounts.models import User
from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit

from . import selectors_moderation, services_moderation
from .forms_moderation import BanForm, PostDecisionForm, ReportForm, TranslationForm
from .models import Ban
from .moderation import posting_refused
from .posts import Post, is_post_model, post_text


def _errors() -> dict[str, str]:
    return {
        "reason": _("Choose a reason and write the message."),
        "own": _("You cannot report your own post."),
        "already": _("You have already reported this post: a moderator will review it."),
        "until": _("A ban must end in the future."),
        "banned": _("A moderator has barred you from posting in the dialogue."),
        "lifted": _("This ban is no longer in force."),
        "empty": _("Write the translation first."),
        "language": _("Choose a language other than the original's."),
        "hidden": _("This post cannot be translated."),
        "translated": _("This post already has a translation into this language."),
    }


def _is_moderator(request: HttpRequest) -> bool:
    return request.user.has_perm("dialogue.moderate_posts")


def _post_or_404(request: HttpRequest, ct: int, pk: int) -> Post:
    """Any kind of post by content type and id; one moderation has not let through (hidden,
    pending, moderated out, in a hidden debate) only for moderators."""
    try:
        model = ContentType.objects.get_for_id(ct).model_class()
    except ContentType.DoesNotExist as missing:
        raise Http404 from missing
    if not is_post_model(model):
        raise Http404
    post = get_object_or_404(model, pk=pk)
    if not post.is_public and not _is_moderator(request):
        raise Http404
    return post


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("dialogue:list")


@login_required
@rate_limit(key="user", rate="30/h", method="POST")
def post_report(request: AuthenticatedHttpRequest, ct: int, pk: int) -> HttpResponse:
    post = _post_or_404(request, ct, pk)
    form = ReportForm(request.POST or None)
    error = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                services_moderation.post_report(
                    post=post, reporter=request.user, **form.cleaned_data
                )
            except services_moderation.ModerationError as failure:
                error = _errors()[failure.message]
        else:
            error = _("Choose what is wrong with the post.")
        done = "" if error else _("Thank you: a moderator will review the post.")
        if request.htmx:
            return render(request, "dialogue/posts/_reported.html", {"error": error, "done": done})
        if not error:
            messages.success(request, done)
            return _back(request)
    context = {"post": post, "text": post_text(post), "form": form, "error": error}
    return render(request, "dialogue/posts/report.html", context, status=400 if error else 200)


@login_required
@rate_limit(key="user", rate="20/h", method="POST")
def post_translate(request: AuthenticatedHttpRequest, ct: int, pk: int) -> HttpResponse:
    post = _post_or_404(request, ct, pk)
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_moderation.translation_add(
                post=post, translator=request.user, **form.cleaned_data
            )
        except services_moderation.ModerationError as failure:
            form.add_error(None, _errors()[failure.message])
        else:
            messages.success(
                request, _("Thank you: readers of this language now see your translation.")
            )
            return _back(request)
    context = {"post": post, "text": post_text(post), "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "dialogue/posts/translate.html", context, status=status)


def _require_moderator(request: HttpRequest) -> None:
    if not _is_moderator(request):
        raise PermissionDenied


@login_required
@require_POST
def post_decide(request: AuthenticatedHttpRequest, ct: int, pk: int) -> HttpResponse:
    _require_moderator(request)
    post = _post_or_404(request, ct, pk)
    form = PostDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("dialogue:moderation")
    decision, data = form.cleaned_data["decision"], form.cleaned_data
    if decision == "restore":
        services_moderation.post_restore(post=post, moderator=request.user, note=data["note"])
        messages.success(request, _("The post is shown again; its reports are closed."))
    elif decision == "remove":
        services_moderation.post_remove(
            post=post, moderator=request.user, reason=data["reason"], note=data["note"]
        )
        messages.success(request, _("The post is removed; the public log counts it."))
    elif post.author is None:
        messages.error(request, _("This post has no author to warn."))
    else:
        services_moderation.author_warn(
            user=post.author, moderator=request.user, reason=data["reason"], text=data["note"]
        )
        messages.success(request, _("The author is warned and reads it on their page."))
    return redirect("dialogue:moderation")


@login_required
def bans(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_moderator(request)
    initial = {"username": request.GET.get("user", "")[:150]}
    form = BanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(username=form.cleaned_data["username"]).first()
        if user is None:
            form.add_error("username", _("No such user."))
        else:
            days = form.cleaned_data["days"]
            try:
                services_moderation.user_ban(
                    user=user, moderator=request.user, reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                    until=timezone.now() + timedelta(days=days) if days else None,
                )  # fmt: skip
            except services_moderation.ModerationError as failure:
                form.add_error(None, _errors()[failure.message])
            else:
                messages.success(request, _("The ban is in force: this person cannot post."))
                return redirect("dialogue:bans")
    search = request.GET.get("q", "").strip()[:100]
    page = page_of(request, selectors_moderation.bans_in_force(search), per_page=30)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "page": page, "search": search}
    return render(request, "dialogue/moderation/bans.html", context, status=status)


@login_required
@require_POST
def ban_lift(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_moderator(request)
    ban = get_object_or_404(Ban, pk=pk)
    try:
        services_moderation.ban_lift(ban=ban, moderator=request.user)
    except services_moderation.ModerationError as failure:
        messages.error(request, _errors()[failure.message])
    else:
        messages.success(request, _("The ban is lifted: this person may post again."))
    return redirect("dialogue:bans")


@login_required
def warnings_mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_of(request, selectors_moderation.warnings_of(request.user), per_page=20)
    context = {"page": page, "ban": posting_refused(request.user)}
    return render(request, "dialogue/moderation/warnings.html", context)


def policy(request: HttpRequest) -> HttpResponse:
    return render(request, "dialogue/moderation/policy.html")


def log(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors_moderation.moderation_log(), per_page=60)
    return render(request, "dialogue/moderation/log.html", {"page": page})
