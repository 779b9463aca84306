"""Writes of promises after the election: declaring who is elected, tracking an elected
candidate's commitments as promises (from an answer, or entered with a source), and rating
them on outcomes with dated evidence. Only staff (moderator, analyst, admin) do any of it."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.elections.models import Candidate, Contest

from .models import Answer, Elected, Mandate, Promise, PromiseUpdate
from .selectors_promises import elected_in_election_of

RATED = [s for s in Promise.Status if s != Promise.Status.NOT_RATED]
MIN_EVIDENCE = 20  # characters: a sentence saying what happened, not "done"


class PromiseRefused(Exception):
    """A write the rules refuse; `message` says why, in the user's language."""

    def __init__(self, message: LazyText | str) -> None:
        super().__init__(str(message))
        self.message = str(message)  # translated now, in the language of the request


def _staff(user: User) -> None:
    if not user.has_perm("mandates.rate_promise"):
        raise PromiseRefused(_("Only a moderator, an analyst or an administrator does this."))


def _clean(text: str, limit: int) -> str:
    return text.replace("\x00", "").strip()[:limit]


def _elected(candidate: Candidate, mandate: Mandate | None = None) -> None:
    """Elected at all; for a commitment answering a mandate, elected in that mandate's
    election (a deputy's old promises are not what they answer in a new campaign)."""
    rows = Elected.objects.filter(candidate=candidate)
    if mandate is not None:
        rows = rows.filter(elected_in_election_of(mandate))
    if not rows.exists():
        raise PromiseRefused(_("Only an elected candidate's commitments become promises."))


def elected_declare(
    *, candidate: Candidate, contest: Contest, declared_on: datetime.date, source: str,
    source_url: str = "", user: User, request: HttpRequest | None = None,
) -> tuple[Elected, bool]:  # fmt: skip
    """(the row, created?). Declaring the same candidate in the same contest again corrects
    the date and the source instead of adding a second row."""
    _staff(user)
    if not contest.options.filter(candidate=candidate).exists():
        raise PromiseRefused(_("This candidate did not run in this contest."))
    if declared_on < contest.election.election_day:
        raise PromiseRefused(_("A result is declared on or after election day."))
    with transaction.atomic():
        elected, created = Elected.objects.update_or_create(
            candidate=candidate, contest=contest,
            defaults={"declared_on": declared_on, "source": _clean(source, 300),
                      "source_url": source_url},
        )  # fmt: skip
        audit_record(action="mandates.elected_declared", actor=user, obj=elected,
                     request=request, data={"candidate": candidate.pk})  # fmt: skip
    return elected, created


def promise_track(
    *, answer: Answer, user: User, request: HttpRequest | None = None
) -> tuple[Promise, bool]:
    """The commitment of an elected candidate's answer becomes a promise; (promise, created?).
    Idempotent: tracking the same answer again (or an answer that replaced it with the same
    commitment) gives the promise it made."""
    _staff(user)
    if not answer.commitment.strip():
        raise PromiseRefused(_("This answer makes no commitment."))
    _elected(answer.candidate, answer.mandate)
    with transaction.atomic():
        # Lock the answer so two clicks at once make one promise.
        answer = Answer.objects.select_for_update().select_related("mandate").get(pk=answer.pk)
        same = Promise.objects.filter(candidate_id=answer.candidate_id, mandate=answer.mandate)
        existing = (
            same.filter(answer=answer).first()
            or same.filter(text=answer.commitment.strip()).first()
        )
        if existing is not None:
            return existing, False
        promise = Promise.objects.create(
            candidate_id=answer.candidate_id, mandate=answer.mandate, answer=answer,
            title=_clean(answer.mandate.title, 200), text=_clean(answer.commitment, 2000),
        )  # fmt: skip
        audit_record(action="mandates.promise_tracked", actor=user, obj=promise,
                     request=request, data={"answer": answer.pk})  # fmt: skip
    return promise, True


@dataclass(frozen=True)
class PromiseInput:
    candidate: Candidate
    title: str
    text: str
    source_url: str
    mandate: Mandate | None = None


def promise_enter(*, data: PromiseInput, user: User, request: HttpRequest | None = None) -> Promise:
    """A promise made elsewhere (a speech, a programme, an interview): its source is required."""
    _staff(user)
    _elected(data.candidate)
    if not data.source_url:
        raise PromiseRefused(_("Give the link to where the candidate made this promise."))
    with transaction.atomic():
        promise = Promise.objects.create(
            candidate=data.candidate, mandate=data.mandate, title=_clean(data.title, 200),
            text=_clean(data.text, 2000), source_url=data.source_url,
        )  # fmt: skip
        audit_record(action="mandates.promise_entered", actor=user, obj=promise, request=request)
    return promise


@dataclass(frozen=True)
class RatingInput:
    status: str
    evidence: str
    evidence_date: datetime.date
    source_url: str


def promise_rate(
    *, promise: Promise, data: RatingInput, user: User, request: HttpRequest | None = None
) -> PromiseUpdate:
    """A new status, rated on outcomes, resting on dated evidence with its source; the old
    status stays in the history (PromiseUpdate rows)."""
    _staff(user)
    if data.status not in RATED:
        message = _("Choose a status: in the works, stalled, kept, compromise or broken.")
        raise PromiseRefused(message)
    evidence = _clean(data.evidence, 3000)
    if len(evidence) < MIN_EVIDENCE:
        raise PromiseRefused(_("Describe the evidence in at least a sentence."))
    if not data.source_url:
        raise PromiseRefused(_("Give the link to the source of the evidence."))
    if data.evidence_date > timezone.localdate():
        raise PromiseRefused(_("The evidence cannot be dated in the future."))
    with transaction.atomic():
        locked = Promise.objects.select_for_update().get(pk=promise.pk)
        update = PromiseUpdate.objects.create(
            promise=locked, status=data.status, evidence=evidence, source_url=data.source_url,
            evidence_date=data.evidence_date, author=user,
        )  # fmt: skip
        previous = locked.status
        # The current status is that of the newest evidence: late-entered old evidence goes
        # into the history without overturning a newer rating.
        newest = locked.updates.order_by("-evidence_date", "-pk").first()
        locked.status = newest.status if newest else data.status
        locked.save(update_fields=["status"])
        audit_record(action="mandates.promise_rated", actor=user, obj=locked, request=request,
                     data={"from": previous, "to": locked.status, "update": update.pk})  # fmt: skip
    promise.status = locked.status
    return update
