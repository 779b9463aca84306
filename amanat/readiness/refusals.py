"""The register of refusals to nominate or register candidates and of de-registrations, kept
by lawyers in their regions. Each save computes whether the decision kept its deadline:

- where the lawyer gives the day the documents were submitted and the legal term in working
  days, the decision was due on that working day (legal.working_days: weekends, holidays and
  the government's transfers skipped);
- else, for a refusal to register, by the end of the registration period of the election
  (legal.stages, from the election day);
- else as the lawyer records it (kept, missed, not known).
Every change is written to the audit log."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from amanat.audit.services import audit_record
from amanat.legal.stages import stages_compute
from amanat.legal.working_days import working_days_after

from .models_conditions import Refusal

Kept = Refusal.Kept

FIELDS = (
    "election", "region", "candidate", "candidate_name", "language", "kind", "decided_on", "body",
    "ground", "submitted_on", "term_working_days", "kept_recorded", "appeal_on", "appeal_body",
    "court", "court_on", "note", "is_published",
)  # fmt: skip


@dataclass(frozen=True)
class DeadlineCheck:
    kept: str
    due_on: Any
    basis: str


def deadline_check(refusal: Refusal) -> DeadlineCheck:
    due = None
    basis = Refusal.KeptBasis.RECORDED
    if refusal.submitted_on is not None and refusal.term_working_days is not None:
        due = working_days_after(refusal.submitted_on, refusal.term_working_days)
        basis = Refusal.KeptBasis.WORKING_DAYS
    elif refusal.kind == Refusal.Kind.REGISTRATION:
        election = refusal.election
        stages = stages_compute(election_type=election.type, election_day=election.election_day)
        ends = [s.ends.date() for s in stages if s.code == "registration"]
        if ends:
            due, basis = ends[0], Refusal.KeptBasis.REGISTRATION
    if due is None:
        return DeadlineCheck(refusal.kept_recorded, None, basis)
    kept = Kept.KEPT if refusal.decided_on <= due else Kept.MISSED
    return DeadlineCheck(kept, due, basis)


@transaction.atomic
def refusal_save(*, refusal: Refusal | None, data: dict[str, Any], actor: Any) -> Refusal:
    """Create (refusal None) or change an entry from the form's cleaned data; audit-logged
    with the fields that changed."""
    created = refusal is None
    entry = Refusal(created_by=actor) if refusal is None else refusal
    # A model form has already set its values on the instance: compare with what is stored.
    before = None if refusal is None else Refusal.objects.get(pk=refusal.pk)
    changed = []
    for name in FIELDS:
        if name not in data:
            continue
        if before is None or getattr(before, name) != data[name]:
            changed.append(name)
        setattr(entry, name, data[name])
    check = deadline_check(entry)
    entry.kept, entry.due_on, entry.kept_basis = check.kept, check.due_on, check.basis
    entry.save()
    audit_record(
        action="readiness.refusal_created" if created else "readiness.refusal_changed",
        actor=actor, obj=entry, data={"fields": sorted(changed)},
    )  # fmt: skip
    return entry


def refusals_for(user: Any) -> QuerySet[Refusal]:
    """What the register shows a user: a lawyer their regions, analysts and admins all."""
    rows = Refusal.objects.select_related("candidate", "region", "election")
    if getattr(user, "is_region_scoped", False):
        rows = rows.filter(region__in=user.regions.all())
    return rows


def refusals_search(rows: QuerySet[Refusal], query: str) -> QuerySet[Refusal]:
    if not query:
        return rows
    return rows.filter(
        Q(candidate_name__icontains=query) | Q(candidate__full_name__icontains=query)
        | Q(body__icontains=query) | Q(ground__icontains=query)
    )  # fmt: skip


def refusals_published() -> QuerySet[Refusal]:
    return Refusal.objects.filter(is_published=True).select_related("candidate", "region")
