"""Pages of verified voices: the public list, the application with its status, the review."""

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

from . import selectors_voices, services_voices
from .forms_moderation import VoiceApplicationForm, VoiceDecisionForm
from .models_voices import VoiceApplication


def _errors() -> dict[str, str]:
    return {
        "banned": _("A moderator has barred you from posting in the dialogue."),
        "open": _("You already have an application in review or in force."),
        "decided": _("This application was already decided."),
        "reason": _("Write the reason: the applicant reads it."),
    }


def voice_list(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:100]
    page = page_of(request, selectors_voices.voices_verified(search), per_page=30)
    return render(request, "dialogue/voices/list.html", {"page": page, "search": search})


@login_required
@rate_limit(key="user", rate="5/h", method="POST")
def voice_apply(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = VoiceApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_voices.voice_apply(user=request.user, **form.cleaned_data)
        except services_voices.VoiceError as failure:
            messages.error(request, _errors()[failure.message])
        else:
            messages.success(request, _("Thank you: a moderator reviews your application."))
            return redirect("dialogue:voice_apply")
    mine = list(selectors_voices.applications_of(request.user))
    has_open = any(a.status in (a.Status.PENDING, a.Status.APPROVED) for a in mine)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "mine": mine, "has_open": has_open}
    return render(request, "dialogue/voices/apply.html", context, status=status)


def _require_reviewer(request: AuthenticatedHttpRequest) -> None:
    if not request.user.has_perm("dialogue.review_voices"):
        raise PermissionDenied


@login_required
def voice_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_reviewer(request)
    search = request.GET.get("q", "").strip()[:100]
    applicant = request.GET.get("applicant", "").strip()[:100]
    pending = selectors_voices.applications_pending(applicant)
    context = {
        "queue": page_of(request, pending, per_page=20, param="queue"),
        "applicant": applicant,
        "page": page_of(request, selectors_voices.voices_verified(search), per_page=30),
        "search": search,
    }
    return render(request, "dialogue/voices/queue.html", context)


@login_required
@require_POST
def voice_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_reviewer(request)
    application = get_object_or_404(VoiceApplication, pk=pk)
    form = VoiceDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("dialogue:voice_queue")
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    try:
        if decision == "approve":
            services_voices.voice_approve(application=application, moderator=request.user)
        elif decision == "reject":
            services_voices.voice_reject(
                application=application, moderator=request.user, reason=reason
            )
        else:
            services_voices.voice_revoke(
                application=application, moderator=request.user, reason=reason
            )
    except services_voices.VoiceError as failure:
        messages.error(request, _errors()[failure.message])
    else:
        done = {
            "approve": _("Verified: the badge is shown on every post of this person."),
            "reject": _("Rejected: the applicant reads your reason."),
            "revoke": _("Verification revoked: the badge is gone from every post."),
        }
        messages.success(request, done[decision])
    return redirect("dialogue:voice_queue")
