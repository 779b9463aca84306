"""Responding to an incident: assignment with a response time, escalation when overdue, and
referral to an outside body with a complaint document and the legal deadline for its answer."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.elections.selectors import election_current
from amanat.legal.bases import basis_for_category
from amanat.legal.complaints import Body, Deadline, Route, deadline, route
from amanat.legal.documents import Document, Facts, document_compose

from .involved import report_involved
from .models import Referral, Report
from .moderation import ModerationError
from .selectors import responders_for
from .timeline import event_add

LANGUAGES = ("kk", "ru", "en")  # of the complaint documents

# Category → the complaint wizard's "what happened" (same rules for where to complain).
WHAT = {
    "vote_buying": "vote_buying", "pressure": "pressure", "control": "pressure",
    "admin_resource": "campaign", "campaign": "campaign", "campaign_station": "campaign",
    "stuffing": "fraud", "carousel": "fraud", "mobile_box": "fraud", "protocol": "commission",
    "count_procedure": "commission", "higher_commissions": "commission",
    "observers_pre": "commission", "observers_expelled": "commission",
    "voter_lists": "vote_denied", "safety": "violence", "obstruct_candidates": "campaign",
}  # fmt: skip
ELECTION_DAY_RESPONSE = timedelta(hours=2)
RESPONSE = timedelta(hours=24)


@transaction.atomic
def report_assign(*, report: Report, assignee: User, actor: User) -> Report:
    """Give the report to a lawyer or coordinator of its region, due in 2 hours on election
    day, else 24. The report's row is locked, so two moderators assigning at once are applied
    one after the other, each with its own history line."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not responders_for(report).filter(pk=assignee.pk).exists():
        raise ModerationError(_("Choose a lawyer or coordinator of the report's region."))
    election = election_current()
    on_the_day = election is not None and election.election_day == timezone.localdate()
    report.assigned_to = assignee
    report.respond_by = timezone.now() + (ELECTION_DAY_RESPONSE if on_the_day else RESPONSE)
    report.save(update_fields=["assigned_to", "respond_by"])
    event_add(report, "assigned", {"who": assignee.get_username()}, is_public=False)
    audit_record(action="incidents.assigned", actor=actor, obj=report,
                 data={"assignee": assignee.pk})  # fmt: skip
    return report


def reports_overdue():
    return Report.objects.filter(
        respond_by__lt=timezone.now(), status__in=[Report.Status.NEW, Report.Status.TRIAGE]
    ).select_related("assigned_to", "region")


def referrals_overdue():
    return Referral.objects.filter(
        outcome=Referral.Outcome.PENDING, deadline__lt=timezone.localdate()
    ).select_related("report")


def _facts(report: Report, language: str, *, signed_on=None) -> Facts:
    """Every fact from the report itself, in the document's language: the category's name,
    the party the report names, the evidence kinds, the organisation's name."""
    with translation.override(language):
        evidence = [f"{e.get_kind_display()}, SHA-256 {e.sha256}" for e in report.evidence.all()]
        category = report.category
        return Facts(
            what=WHAT.get(category.code, "commission") if category else "",
            what_text=category.name if category else "",
            who=report_involved(report),
            happened_at=report.occurred_at,
            region=report.region,
            station=report.station.number if report.station else "",
            place=report.place,
            description=report.public_summary or report.description,
            evidence="\n".join(evidence),
            name=settings.AMANAT_ORGANISATION_NAME[language],
            contact=settings.AMANAT_ORGANISATION_CONTACT,
            language=language,
            signed_on=signed_on,
        )


def referral_document(referral: Referral) -> Document:
    report = referral.report
    facts = _facts(report, referral.language, signed_on=referral.filed_on)
    basis = basis_for_category(report.category.code if report.category else "")
    chosen = Route(Body(referral.body), (), basis)
    # The deadline recorded when it was filed (at once: due the same day), not recomputed.
    due = Deadline(referral.deadline == referral.filed_on, referral.deadline)
    return document_compose(facts, chosen, due)


def _election_day():
    election = election_current()
    return election.election_day if election else None


@transaction.atomic
def referral_create(*, report: Report, actor, body: str = "", language: str = "ru") -> Referral:
    """File the complaint: the body follows the complaint rules unless chosen, the deadline
    follows the law (five days, or at once near the vote)."""
    language = language if language in LANGUAGES else "ru"
    facts = _facts(report, language)
    body = body or route(facts.what, facts.who).body
    today = timezone.localdate()
    due = deadline(filed_on=today, election_day=_election_day())
    referral = Referral.objects.create(
        report=report, body=body, language=language, filed_on=today, deadline=due.decide_by,
        created_by=actor,
    )  # fmt: skip
    event_add(report, "referred", {"body": body})
    audit_record(action="incidents.referred", actor=actor, obj=report, data={"body": body})
    return referral


@transaction.atomic
def referral_answer(*, referral: Referral, actor, answer: str, outcome: str) -> Referral:
    referral.answer, referral.outcome = answer.strip(), outcome
    referral.answered_on = timezone.localdate()
    referral.save(update_fields=["answer", "outcome", "answered_on"])
    event_add(referral.report, "answer", {"body": referral.body, "outcome": outcome})
    audit_record(action="incidents.referral_answered", actor=actor, obj=referral.report)
    return referral
