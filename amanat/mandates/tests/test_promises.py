"""Promises after the election: only staff declare, track and rate; a status change needs
dated evidence with a source and stays in the history; tracking an answer is idempotent; a
person's scorecard counts promises per status."""

import datetime

import pytest
from django.utils import timezone

from amanat.accounts.tests.factories import UserFactory
from amanat.audit.models import AuditEntry
from amanat.mandates import selectors_promises as selectors
from amanat.mandates.models import Elected, Promise, PromiseUpdate
from amanat.mandates.services_promises import (
    PromiseInput,
    PromiseRefused,
    RatingInput,
    elected_declare,
    promise_enter,
    promise_rate,
    promise_track,
)

from .promise_setup import answer_with_commitment, elect, past_contest, promise_for

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def evidence(status="kept", days_ago=10, text="Жол жөнделді, әкімдік актіге қол қойды.",
             url="https://akimat.kz/act"):  # fmt: skip
    return RatingInput(status=status, evidence=text, source_url=url,
                       evidence_date=TODAY() - datetime.timedelta(days=days_ago))  # fmt: skip


@pytest.fixture
def analyst():
    return UserFactory(role="analyst")


@pytest.fixture
def contest():
    return past_contest()


@pytest.fixture
def elected(contest):
    return elect(contest)


@pytest.mark.parametrize("role", ["moderator", "analyst", "admin"])
def test_staff_rate_and_the_change_is_kept_in_the_history(elected, role):
    promise = promise_for(elected)
    staff = UserFactory(role=role)
    promise_rate(promise=promise, data=evidence("in_the_works", 100), user=staff)
    promise_rate(promise=promise, data=evidence("kept", 5), user=staff)
    promise.refresh_from_db()
    assert promise.status == "kept"
    history = list(selectors.promise_history(promise).values_list("status", flat=True))
    assert history == ["kept", "in_the_works"]  # newest evidence first
    rows = AuditEntry.objects.filter(action="mandates.promise_rated")
    assert [r.data["to"] for r in rows.order_by("pk")] == ["in_the_works", "kept"]


@pytest.mark.parametrize("role", ["citizen", "candidate_team", "observer", "coordinator"])
def test_nobody_else_rates(elected, role):
    promise = promise_for(elected)
    with pytest.raises(PromiseRefused):
        promise_rate(promise=promise, data=evidence(), user=UserFactory(role=role))
    promise.refresh_from_db()
    assert (promise.status, PromiseUpdate.objects.count()) == ("not_rated", 0)


@pytest.mark.parametrize(
    "data",
    [
        evidence(text="done"),  # not a sentence
        evidence(text="   " + " " * 40),
        evidence(url=""),  # no source
        evidence(days_ago=-3),  # dated in the future
        evidence(status="not_rated"),  # not a rating
        evidence(status="forgotten"),
    ],
)
def test_a_status_change_needs_dated_evidence_with_a_source(elected, analyst, data):
    promise = promise_for(elected)
    with pytest.raises(PromiseRefused):
        promise_rate(promise=promise, data=data, user=analyst)
    promise.refresh_from_db()
    assert (promise.status, PromiseUpdate.objects.count()) == ("not_rated", 0)


def test_old_evidence_entered_late_does_not_overturn_a_newer_rating(elected, analyst):
    promise = promise_for(elected)
    promise_rate(promise=promise, data=evidence("broken", 5), user=analyst)
    promise_rate(promise=promise, data=evidence("in_the_works", 300), user=analyst)
    promise.refresh_from_db()
    assert promise.status == "broken"
    assert PromiseUpdate.objects.filter(promise=promise).count() == 2


def test_tracking_an_answer_is_idempotent(contest, elected, analyst):
    answer = answer_with_commitment(contest, elected)
    first, created = promise_track(answer=answer, user=analyst)
    again, created_again = promise_track(answer=answer, user=analyst)
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert (first.mandate_id, first.answer_id, first.text) == (
        answer.mandate_id, answer.pk, "Жолды 2025 жылы жөндеймін",
    )  # fmt: skip
    assert first.title == answer.mandate.title
    assert Promise.objects.count() == 1
    assert AuditEntry.objects.filter(action="mandates.promise_tracked").count() == 1
    assert list(selectors.answers_to_track(answer.mandate)) == []


def test_only_an_elected_candidates_commitment_is_tracked(contest, elected, analyst):
    loser = contest.options.get(position=2).candidate
    answer = answer_with_commitment(contest, loser)
    assert list(selectors.answers_to_track(answer.mandate)) == []
    with pytest.raises(PromiseRefused):
        promise_track(answer=answer, user=analyst)
    mine = answer_with_commitment(contest, elected, commitment="")
    with pytest.raises(PromiseRefused):  # no commitment
        promise_track(answer=mine, user=analyst)
    with pytest.raises(PromiseRefused):  # not staff
        promise_track(answer=mine, user=UserFactory(role="candidate_team"))
    assert Promise.objects.count() == 0


def test_a_promise_entered_directly_needs_its_source(elected, analyst):
    data = PromiseInput(candidate=elected, title="Жаңа мектеп", text="Мектеп салу",
                        source_url="")  # fmt: skip
    with pytest.raises(PromiseRefused):
        promise_enter(data=data, user=analyst)
    made = promise_enter(data=PromiseInput(**{**data.__dict__, "source_url": "https://x.kz"}),
                         user=analyst)  # fmt: skip
    assert (made.status, made.source_url) == ("not_rated", "https://x.kz")


def test_declaring_the_elected_is_checked_and_idempotent(contest, analyst):
    candidate = contest.options.get(position=1).candidate
    day = contest.election.election_day
    with pytest.raises(PromiseRefused):  # before election day
        elected_declare(candidate=candidate, contest=contest, user=analyst, source="ОСК",
                        declared_on=day - datetime.timedelta(days=1))  # fmt: skip
    stranger = past_contest().options.get(position=1).candidate
    with pytest.raises(PromiseRefused):  # did not run here
        elected_declare(candidate=stranger, contest=contest, user=analyst, source="ОСК",
                        declared_on=day)  # fmt: skip
    with pytest.raises(PromiseRefused):
        elected_declare(candidate=candidate, contest=contest, source="ОСК", declared_on=day,
                        user=UserFactory(role="citizen"))  # fmt: skip
    elected_declare(candidate=candidate, contest=contest, user=analyst, source="ОСК",
                    declared_on=day)  # fmt: skip
    _row, created = elected_declare(candidate=candidate, contest=contest, user=analyst,
                                    source="ОСК қаулысы №2", declared_on=day)  # fmt: skip
    assert not created
    assert list(Elected.objects.values_list("source", flat=True)) == ["ОСК қаулысы №2"]


def test_the_scorecard_counts_each_status(elected, analyst, contest):
    statuses = ["kept", "kept", "broken", "stalled", "compromise", "in_the_works", "not_rated"]
    for index, status in enumerate(statuses):
        promise = promise_for(elected, title=f"Уәде {index}")
        if status != "not_rated":
            promise_rate(promise=promise, data=evidence(status), user=analyst)
    promise_for(contest.options.get(position=2).candidate)  # not elected: not listed
    card = selectors.scorecard(elected)
    counts = {s.status: s.count for s in card.segments}
    assert counts == {"kept": 2, "compromise": 1, "in_the_works": 1, "stalled": 1,
                      "broken": 1, "not_rated": 1}  # fmt: skip
    assert card.total == 7
    assert sum(s.width for s in card.segments) == pytest.approx(100, abs=0.1)
    assert [s.x for s in card.segments][:2] == [0.0, pytest.approx(28.57)]
    assert card.promises[0].last_update.status == "kept"
    assert card.promises[-1].last_update is None
    people = list(selectors.elected_people())
    assert [(p.pk, p.n_total, p.n_kept, p.n_broken) for p in people] == [(elected.pk, 7, 2, 1)]
    assert list(selectors.elected_people("жоқ адам")) == []


def test_an_empty_scorecard_has_an_empty_bar(elected):
    card = selectors.scorecard(elected)
    assert card.total == 0
    assert all(s.width == 0 and s.count == 0 for s in card.segments)


def test_a_commitment_of_another_campaign_is_not_a_promise_of_this_mandate(elected, analyst):
    """Elected three years ago, running again today: today's commitments are not promises."""
    today = past_contest()
    today.election.election_day = TODAY()
    today.election.save()
    option = today.options.get(position=1)
    option.candidate = elected
    option.save()
    answer = answer_with_commitment(today, elected, commitment="Жаңа міндеттеме")
    assert list(selectors.answers_to_track(answer.mandate)) == []
    with pytest.raises(PromiseRefused):
        promise_track(answer=answer, user=analyst)
