"""Who a mandate is addressed to: an election (the next one by default) and optionally one
district's contest; answer rates and reminders per election, past elections left out; a
merge carries the candidates' answers to the kept mandate."""

import uuid
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from amanat.accounts.tests.factories import UserFactory
from amanat.elections.models import Contest, Election
from amanat.geography.models import Region
from amanat.mandates.answers import addressed_to, answer_rates
from amanat.mandates.models import Answer, Mandate, TeamMember
from amanat.mandates.reminders import unanswered
from amanat.mandates.services import mandate_merge
from amanat.observers.tests.factories import ElectionFactory, token_for
from amanat.results.tests.protocol_setup import contest_create

from .factories import ConfirmedFactory, MandateFactory, give

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    contest = contest_create(ElectionFactory())
    candidate = contest.options.filter(candidate__isnull=False).first().candidate
    user = UserFactory(role="candidate_team")
    TeamMember.objects.create(user=user, candidate=candidate)
    return user


def candidate_of(team):
    return TeamMember.objects.get(user=team).candidate


def test_a_mandate_of_no_election_is_addressed_to_nobody(team):
    MandateFactory(election=None)
    assert addressed_to(candidate_of(team)).count() == 0


def test_another_elections_mandates_are_not_the_candidates(team):
    other = ElectionFactory(election_day=date(timezone.localdate().year + 2, 3, 15))
    MandateFactory(election=other)
    ours = MandateFactory()
    assert list(addressed_to(candidate_of(team))) == [ours]


def test_a_district_mandate_goes_to_that_districts_candidates_only(team):
    election = Election.objects.get()
    district = Contest.objects.create(
        election=election, code="district-9", kind="single_member", name="District 9"
    )
    theirs = MandateFactory(contest=district)
    ours = MandateFactory()
    assert list(addressed_to(candidate_of(team))) == [ours]
    assert theirs.election == election


def test_the_form_addresses_the_next_election_by_default_and_a_district_on_request(client, team):
    election = candidate_of(team).ballotoption_set.get().contest.election
    district = Contest.objects.create(
        election=election, code="district-9", kind="single_member", name="District 9"
    )
    client.force_login(ConfirmedFactory(preferred_language="en"))
    body = {"title": "Жолдарды жөндеу", "text": "Ауылдағы жолдар көктемде су астында қалады.",
            "topic": "roads", "region": Region.objects.get(code="KZ-71").pk}  # fmt: skip
    page = client.get(reverse("mandates:write"))
    assert f'<option value="{election.pk}" selected' in page.content.decode()
    assert client.post(reverse("mandates:write"), body).status_code == 302
    client.post(reverse("mandates:write"), {**body, "title": "Округ 9", "contest": district.pk})
    rows = Mandate.objects.order_by("pk")
    assert [(m.election, m.contest) for m in rows] == [(election, None), (election, district)]


def test_the_api_takes_the_issues_body_and_an_optional_election_and_contest(client, team):
    election = candidate_of(team).ballotoption_set.get().contest.election
    auth = token_for(client, ConfirmedFactory())
    body = {"title": "Жолдарды жөндеу", "text": "Ауылдағы жолдар көктемде су астында қалады.",
            "topic": "roads", "region": "KZ-71"}  # fmt: skip
    plain = client.post("/api/v1/mandates", {**body, "client_id": str(uuid.uuid4())},
                        content_type="application/json", **auth)  # fmt: skip
    assert plain.status_code == 201
    assert Mandate.objects.get(pk=plain.json()["id"]).election == election
    contest = Contest.objects.create(
        election=election, code="district-9", kind="single_member", name="District 9"
    )
    named = {**body, "client_id": str(uuid.uuid4()), "election": election.slug,
             "contest": contest.code}  # fmt: skip
    made = client.post("/api/v1/mandates", named, content_type="application/json", **auth)
    assert made.status_code == 201
    assert Mandate.objects.get(pk=made.json()["id"]).contest == contest
    wrong = {**body, "client_id": str(uuid.uuid4()), "election": "no-such-election"}
    refused = client.post("/api/v1/mandates", wrong, content_type="application/json", **auth)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "election"


def test_rates_and_reminders_leave_past_elections_out(team):
    candidate = candidate_of(team)
    now_election = candidate.ballotoption_set.get().contest.election
    past = ElectionFactory(election_day=timezone.localdate() - timedelta(days=400))
    past_contest = contest_create(past)
    past_contest.options.filter(candidate__isnull=False).update(candidate=candidate)
    old = MandateFactory(election=past)
    new = MandateFactory(election=now_election)
    assert set(addressed_to(candidate)) == {old, new}  # both were addressed to them
    assert unanswered(candidate) == [new]  # the past election's is closed
    rate = next(r for r in answer_rates(now_election) if r.candidate == candidate)
    assert (rate.addressed, rate.answered) == (1, 0)
    past_rate = next(r for r in answer_rates(past) if r.candidate == candidate)
    assert past_rate.addressed == 1


def test_the_rates_page_names_its_election(client, team):
    election = candidate_of(team).ballotoption_set.get().contest.election
    page = client.get(reverse("mandates:rates"), HTTP_ACCEPT_LANGUAGE="en")
    assert election.name in page.content.decode()


def test_a_merge_moves_answers_the_keeper_lacks_with_their_history(team):
    keeper, duplicate = MandateFactory(), MandateFactory()
    first = give(team, duplicate, text="Бірінші жауап: жолды келесі жылы жөндейміз.")
    current = give(team, duplicate, text="Екінші жауап: жолды биыл жөндейміз, қаржы бар.")
    mandate_merge(duplicate=duplicate, keeper=keeper, moderator=UserFactory())
    moved = Answer.objects.filter(mandate=keeper).order_by("pk")
    assert [(a.pk, a.is_current) for a in moved] == [(first.pk, False), (current.pk, True)]


def test_a_merge_keeps_the_keepers_own_answer(team):
    keeper, duplicate = MandateFactory(), MandateFactory()
    own = give(team, keeper, text="Кепердің жауабы: мектепті салуды қолдаймыз.")
    other = give(team, duplicate, text="Дубликаттың жауабы: жолды жөндейміз, қаржы бар.")
    mandate_merge(duplicate=duplicate, keeper=keeper, moderator=UserFactory())
    assert list(Answer.objects.filter(mandate=keeper, is_current=True)) == [own]
    assert Answer.objects.get(pk=other.pk).mandate == duplicate
