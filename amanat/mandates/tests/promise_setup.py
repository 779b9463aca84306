"""A finished election with an elected candidate, for the promises' tests."""

import datetime

from django.utils import timezone

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.models import Elected, Promise, TeamMember
from amanat.observers.tests.factories import ElectionFactory
from amanat.results.tests.protocol_setup import contest_create

from .factories import MandateFactory


def past_contest():
    day = timezone.localdate() - datetime.timedelta(days=400)
    return contest_create(ElectionFactory(election_day=day))


def elect(contest, position: int = 1):
    candidate = contest.options.get(position=position).candidate
    Elected.objects.create(
        candidate=candidate, contest=contest,
        declared_on=contest.election.election_day + datetime.timedelta(days=2),
        source="ОСК қаулысы №1",
    )  # fmt: skip
    return candidate


def answer_with_commitment(contest, candidate, commitment="Жолды 2025 жылы жөндеймін"):
    from amanat.mandates.answers import answer_give

    team = UserFactory(role="candidate_team")
    TeamMember.objects.create(user=team, candidate=candidate)
    mandate = MandateFactory(election=contest.election)
    return answer_give(user=team, mandate=mandate, position="support",
                       text="Қолдаймын, бұл жол маңызды.", commitment=commitment)  # fmt: skip


def promise_for(candidate, **kw) -> Promise:
    fields = {"title": "Емхана салу", "text": "Жаңа емхана салу", "source_url": "https://x.kz/p"}
    return Promise.objects.create(candidate=candidate, **{**fields, **kw})
