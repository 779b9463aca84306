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
from amanat.elections.models import BallotOption, Candidate

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


def addressed_to(candidate: Candidate) -> QuerySet[Mandate]:
    """Open mandates addressed to the candidate: those of a district's contest the candidate
    runs in, and those of the whole election (or of no election named) in any of the
    elections the candidate runs in."""
    options = BallotOption.objects.filter(candidate=candidate)
    contests = options.values("contest")
    elections = options.values("contest__election")
    whole = Q(contest__isnull=True) & (Q(election__isnull=True) | Q(election__in=elections))
    return Mandate.objects.open().filter(Q(contest__in=contests) | whole)


def answering_candidate(user: User, mandate: Mandate) -> Candidate | None:
    """The candidate whose team `user` is in, if the mandate is addressed to that candidate."""
    candidate = team_candidate(user)
    if candidate is None or not addressed_to(candidate).filter(pk=mandate.pk).exists():
        return None
    return candidate


def _is_copy(candidate: Candidate, mandate: Mandate, text: str) -> bool:
    wanted = trigrams(text)
    others = Answer.objects.filter(candidate=candidate, is_current=True).exclude(mandate=mandate)
    return any(
        dice(wanted, trigrams(t)) >= COPY_SCORE for t in others.values_list("text", flat=True)
    )


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
        answer = Answer.objects.create(
            mandate=mandate, candidate=candidate, author=user, position=position, text=text,
            commitment=commitment.replace("\x00", "").strip()[:1000],
            is_copy=_is_copy(candidate, mandate, text),
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


def answer_rates() -> list[AnswerRate]:
    """Each candidate on a ballot: mandates addressed, answered (copy-pastes do not count),
    and the rate with its 95 % Wilson interval once at least MIN_ADDRESSED were addressed."""
    rates = []
    candidates = Candidate.objects.filter(ballotoption__isnull=False).distinct().order_by("pk")
    for candidate in candidates:
        addressed = addressed_to(candidate)
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
