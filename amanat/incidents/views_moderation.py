"""The moderators' side: the queue, one report's page with its actions (triage, publication,
assignment, referral, answers, redaction, merging duplicates), complaint files and the overdue
list. Every action parses its POST with a form whose choices are scoped to this report and this
moderator, and a refusal is said on the page in the moderator's language."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.accounts.models import User
from amanat.core.pagination import page_of
from amanat.legal.complaints import Body
from amanat.legal.documents import document_docx, document_pdf

from . import case_response, moderation, selectors
from .duplicates import duplicate_candidates, reports_merge
from .forms_moderation import (
    AnswerForm,
    AssignForm,
    MergeForm,
    PublishForm,
    RedactForm,
    ReferForm,
    TriageForm,
    WithdrawForm,
)
from .models import Referral, Report


@login_required
def moderation_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("incidents.moderate"):
        raise PermissionDenied
    status = request.GET.get("status", "new")
    reports = selectors.reports_to_moderate(request.user).filter(status=status)
    page = page_of(request, reports)
    context = {"page": page, "status": status, "statuses": Report.Status.choices}
    return render(request, "incidents/moderation.html", context)


@login_required
def moderation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.reports_to_moderate(request.user), pk=pk)
    if not request.user.has_perm("incidents.moderate", report):
        raise Http404  # as if it did not exist: no one can probe which ids do
    error, identity = None, None
    action = request.POST.get("action")
    try:
        if action == "reveal":
            identity = moderation.report_reveal_identity(report=report, actor=request.user)
        elif action in ACTIONS:
            # Each action says what it did, in the moderator's language, on the page it
            # returns to (the base template shows the messages).
            messages.success(request, ACTIONS[action](request, report))
            return redirect("incidents:moderation_detail", pk=pk)
    except moderation.ModerationError as failure:
        error = failure.message
    report.refresh_from_db()
    context = {"report": report, "error": error, "identity": identity,
               "statuses": Report.Status.choices, "credibilities": Report.Credibility.choices,
               "timeline": report.timeline.all(), "evidence": report.evidence.all(),
               "candidates": [] if report.merged_into_id else duplicate_candidates(report),
               "merged": report.merged.all(), "referrals": report.referrals.all(),
               "bodies": Body.choices, "outcomes": Referral.Outcome.choices,
               "responders": selectors.responders_for(report)}  # fmt: skip
    return render(request, "incidents/moderation_detail.html", context)


def _parsed(form: Form) -> dict[str, Any]:
    """The form's data, or a refusal naming what is wrong, in the moderator's language."""
    if not form.is_valid():
        problems = [str(message) for errors in form.errors.values() for message in errors]
        raise moderation.ModerationError(
            " ".join(problems) or _("The form was not filled in correctly: try again.")
        )
    return form.cleaned_data


def _moderator(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # the views are behind login_required
        raise PermissionDenied
    return user


def _triage(request: HttpRequest, report: Report) -> str:
    data = _parsed(TriageForm(request.POST))
    report = moderation.report_triage(report=report, actor=_moderator(request), **data)
    return _("Saved: %(status)s, %(credibility)s.") % {
        "status": report.get_status_display(),
        "credibility": report.get_credibility_display(),
    }


def _publish(request: HttpRequest, report: Report) -> str:
    summary = _parsed(PublishForm(request.POST))["summary"]
    report = moderation.report_approve_publication(
        report=report, actor=_moderator(request), public_summary=summary
    )
    if report.is_published:
        return _("Published: the report is on the public list.")
    return _("Your approval is recorded: a second moderator must approve before publication.")


def _withdraw(request: HttpRequest, report: Report) -> str:
    reason = _parsed(WithdrawForm(request.POST))["reason"]
    moderation.report_withdraw_publication(report=report, actor=_moderator(request), reason=reason)
    return _("Withdrawn: the report is no longer on the public list, the map or the open data.")


def _assign(request: HttpRequest, report: Report) -> str:
    assignee = _parsed(AssignForm(request.POST, report=report))["assignee"]
    report = case_response.report_assign(
        report=report, assignee=assignee, actor=_moderator(request)
    )
    respond_by = report.respond_by
    return _("Assigned to %(who)s, to respond by %(when)s.") % {
        "who": assignee.get_full_name() or assignee.get_username(),
        "when": date_format(timezone.localtime(respond_by), "j E H:i") if respond_by else "",
    }


def _refer(request: HttpRequest, report: Report) -> str:
    data = _parsed(ReferForm(request.POST))
    referral = case_response.referral_create(report=report, actor=_moderator(request), **data)
    return _("The complaint is prepared, addressed to: %(body)s. Download it below.") % {
        "body": referral.get_body_display()}  # fmt: skip


def _answer(request: HttpRequest, report: Report) -> str:
    data = _parsed(AnswerForm(request.POST, report=report))
    referral = data["referral"]
    case_response.referral_answer(referral=referral, actor=_moderator(request),
                                  answer=data["answer"], outcome=data["outcome"])  # fmt: skip
    return _("The answer is saved (%(body)s).") % {"body": referral.get_body_display()}


def _redact(request: HttpRequest, report: Report) -> str:
    data = _parsed(RedactForm(request.POST, report=report))
    box = (data["x0"], data["y0"], data["x1"], data["y1"])
    moderation.evidence_redact(
        evidence=data["evidence"], actor=_moderator(request), box=box, mode=data["mode"]
    )
    if data["mode"] == "crop":
        return _("The photo is cropped: check it below before publishing.")
    return _("The region is blurred: check the photo below before publishing.")


def _merge(request: HttpRequest, report: Report) -> str:
    form = MergeForm(request.POST, report=report, moderator=_moderator(request))
    chosen = list(_parsed(form)["duplicate"])
    reports_merge(primary=report, others=chosen, actor=_moderator(request))
    return ngettext(
        "%(count)d report merged into this one.", "%(count)d reports merged into this one.",
        len(chosen),
    ) % {"count": len(chosen)}  # fmt: skip


ACTIONS: dict[str, Callable[[HttpRequest, Report], str]] = {
    "triage": _triage, "publish": _publish, "assign": _assign, "refer": _refer,
    "answer": _answer, "redact": _redact, "merge": _merge, "withdraw": _withdraw,
}  # fmt: skip


@login_required
def referral_file(
    request: AuthenticatedHttpRequest, pk: int, referral_id: int, kind: str
) -> HttpResponse:
    report = get_object_or_404(selectors.reports_to_moderate(request.user), pk=pk)
    if not request.user.has_perm("incidents.moderate", report):
        raise Http404  # as if it did not exist: no one can probe which ids do
    referral = get_object_or_404(report.referrals, pk=referral_id)
    document = case_response.referral_document(referral)
    if kind == "docx":
        content = document_docx(document, referral.language)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        content, content_type = document_pdf(document, referral.language), "application/pdf"
    reply = HttpResponse(content, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="complaint-{pk}-{referral_id}.{kind}"'
    return reply


@login_required
def overdue(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("incidents.moderate"):
        raise PermissionDenied
    scope = selectors.reports_to_moderate(request.user)
    context = {
        "reports": case_response.reports_overdue().filter(pk__in=scope.values("pk")),
        "referrals": case_response.referrals_overdue().filter(report__in=scope),
    }
    return render(request, "incidents/overdue.html", context)
