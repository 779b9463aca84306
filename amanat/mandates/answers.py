"""Candidates' answers to mandates: who a mandate is addressed to, answering (a second answer
replaces the first and keeps it as history), copy-paste detection, and answer rates with a
95 % Wilson interval."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.audit.services import audit_record
from amanat.core.statistics import wilson_interval
from amanat.elections.models import BallotOption, Candidate, Election

from .models import Answer, Mandate, TeamMember
from .similarity import dice, trigrams

COPY_SCORE = 0.9  # trigram Dice with another answer of the same candidate: a copy-paste
MIN_ADDRESSED = 5  # below this an answer rate says too little to be shown


class AnswerRefused(Exception):
    """Only a candidate's team answers, and only mandates addressed to its candidate."""


def team_candidate(user: User) -> Candidate | None:
    if not user.is_authenticated or user.role != Role.CANDIDATE_TEAM:
        return None
    member = TeamMember.objects.select_related("candidate").filter(user=user).first()
    return member.candidate if member else None


def addressed_to(candidate: Candidate, election: Election | None = None) -> QuerySet[Mandate]:
    """Open mandates addressed to the candidate: those of a district's contest the candidate
    runs in, and those of the whole of an election the candidate runs in (of `election`
    only, when given). A mandate naming no election is addressed to nobody: counting it
    against every candidate of every election would lower every answer rate."""
    options = BallotOption.objects.filter(candidate=candidate)
    if election is not None:
        options = options.filter(contest__election=election)
    contests = options.values("contest")
    elections = options.values("contest__election")
    return (
        Mandate.objects.open()
        .filter(election__in=elections)
        .filter(Q(contest__in=contests) | Q(contest__isnull=True))
    )


def answering_candidate(user: User, mandate: Mandate) -> Candidate | None:
    """The candidate whose team `user` is in, if the mandate is addressed to that candidate."""
    candidate = team_candidate(user)
    if candidate is None or not addressed_to(candidate).filter(pk=mandate.pk).exists():
        return None
    return candidate


def _copies_of(candidate: Candidate, mandate: Mandate, text: str) -> list[int]:
    """The candidate's current answers to other mandates that are near-identical to `text`."""
    wanted = trigrams(text)
    others = Answer.objects.filter(candidate=candidate, is_current=True).exclude(mandate=mandate)
    return [
        pk
        for pk, other in others.values_list("pk", "text")
        if dice(wanted, trigrams(other)) >= COPY_SCORE
    ]


def answer_give(
    *, user: User, mandate: Mandate, position: str, text: str, commitment: str = "",
    request: HttpRequest | None = None,
) -> Answer:  # fmt: skip
    candidate = answering_candidate(user, mandate)
    if candidate is None:
        raise AnswerRefused
    text = text.replace("\x00", "").strip()[:5000]
    with transaction.atomic():
        # Lock the candidate's current answer (if any) so two answers at once keep one current.
        list(Answer.objects.select_for_update().filter(mandate=mandate, candidate=candidate))
        Answer.objects.filter(mandate=mandate, candidate=candidate, is_current=True).update(
            is_current=False
        )
        copies = _copies_of(candidate, mandate, text)
        # The whole near-identical group is marked, the first one too: one text pasted under
        # five mandates answers none of them in particular, so none counts.
        Answer.objects.filter(pk__in=copies).update(is_copy=True)
        answer = Answer.objects.create(
            mandate=mandate, candidate=candidate, author=user, position=position, text=text,
            commitment=commitment.replace("\x00", "").strip()[:1000], is_copy=bool(copies),
        )  # fmt: skip
        audit_record(action="mandates.answered", actor=user, obj=answer, request=request)
    return answer


@dataclass(frozen=True)
class AnswerRate:
    candidate: Candidate
    addressed: int
    answered: int
    rate: float | None
    low: float | None
    high: float | None


def answer_rates(election: Election | None) -> list[AnswerRate]:
    """Each candidate on a ballot of `election` (the rates are per election: a past
    election's unanswered mandates do not weigh on the current one): mandates addressed,
    answered (copy-pastes do not count), and the rate with its 95 % Wilson interval once at
    least MIN_ADDRESSED were addressed."""
    if election is None:
        return []
    rates = []
    candidates = (
        Candidate.objects.filter(ballotoption__contest__election=election).distinct().order_by("pk")
    )
    for candidate in candidates:
        addressed = addressed_to(candidate, election)
        answered = (
            Answer.objects.filter(candidate=candidate, is_current=True, is_copy=False)
            .filter(mandate__in=addressed)
            .values("mandate")
            .distinct()
            .count()
        )
        total = addressed.count()
        if total >= MIN_ADDRESSED:
            interval = wilson_interval(answered, total)
            rates.append(AnswerRate(candidate, total, answered, interval.estimate,
                                    interval.low, interval.high))  # fmt: skip
        else:
            rates.append(AnswerRate(candidate, total, answered, None, None, None))
    return rates
