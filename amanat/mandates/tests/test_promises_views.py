"""The promise pages: the index and a person's scorecard are public in kk, ru and en; staff
rate with evidence and the form refuses bad input; others are refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.models import Promise, PromiseUpdate

from .promise_setup import answer_with_commitment, elect, past_contest, promise_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    return past_contest()


@pytest.fixture
def elected(contest):
    return elect(contest)


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"mandates:{name}", kwargs=kwargs)


def good(**changes):
    day = timezone.localdate() - datetime.timedelta(days=3)
    data = {"status": "kept", "evidence_date": day.isoformat(),
            "evidence": "Емхана ашылды, алғашқы науқастар қабылданды.",
            "source_url": "https://akimat.kz/clinic"}  # fmt: skip
    return {**data, **changes}


def test_the_index_explains_when_nobody_is_elected(client):
    page = client.get(url("promises")).content.decode()
    assert "Nobody is recorded as elected yet" in page


@pytest.mark.parametrize(
    ("language", "words"),
    [("kk", "Сайланғандардың уәделері"), ("ru", "Обещания избранных"),
     ("en", "Promises of the elected")],
)  # fmt: skip
def test_public_pages_render_in_each_language(client, elected, language, words):
    promise = promise_for(elected)
    PromiseUpdate.objects.create(promise=promise, status="broken", evidence="Салынған жоқ.",
                                 evidence_date=datetime.date(2025, 5, 1))  # fmt: skip
    index = client.get(url("promises", language))
    assert index.status_code == 200
    assert words in index.content.decode()
    assert elected.full_name in index.content.decode()
    card = client.get(url("scorecard", language, candidate_id=elected.pk)).content.decode()
    assert promise.title in card
    assert "Салынған жоқ." in card
    detail = client.get(url("promise", language, pk=promise.pk))
    assert detail.status_code == 200
    assert 'name="evidence"' not in detail.content.decode()  # no rating form for the public


def test_the_scorecard_shows_numbers_not_only_colours(client, elected, contest):
    answer = answer_with_commitment(contest, elected)
    promise = promise_for(elected, mandate=answer.mandate, answer=answer)
    promise_for(elected, title="Екінші уәде", status="kept")
    page = client.get(url("scorecard", candidate_id=elected.pk)).content.decode()
    assert "Kept: <strong>1</strong>" in page
    assert "Not yet rated: <strong>1</strong>" in page
    assert "Broken: <strong>0</strong>" in page
    assert reverse("mandates:detail", kwargs={"pk": answer.mandate_id}) in page
    assert "rated on outcomes" in page.lower() or "outcomes, not intentions" in page
    assert promise.title in page


def test_a_person_not_elected_has_no_scorecard(client, contest):
    loser = contest.options.get(position=2).candidate
    assert client.get(url("scorecard", candidate_id=loser.pk)).status_code == 404


def test_the_index_searches_and_paginates(client):
    for _n in range(23):
        elect(past_contest())
    contest = past_contest()
    person = elect(contest)
    person.full_name_en = person.full_name = "Zarina Unique"
    person.save()
    assert client.get(url("promises"), {"q": "Unique"}).content.decode().count("Zarina") == 1
    nothing = client.get(url("promises"), {"q": "Nobody-like-this"}).content.decode()
    assert "Nobody elected matches this name" in nothing
    second = client.get(url("promises"), {"page": 2}).content.decode()
    assert "21–24 of 24" in second


def test_staff_rate_with_evidence_and_see_it(client, elected):
    promise = promise_for(elected)
    client.force_login(UserFactory(role="moderator"))
    assert 'name="evidence"' in client.get(url("promise", pk=promise.pk)).content.decode()
    response = client.post(url("promise_rate", pk=promise.pk), good(), follow=True)
    assert "The rating is recorded" in response.content.decode()
    promise.refresh_from_db()
    assert promise.status == "kept"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"evidence": "done"}, "at least 20 characters"),
        ({"source_url": ""}, "This field is required"),
        ({"source_url": "not a link"}, "Enter a valid URL"),
        ({"evidence_date": "2999-01-01"}, "cannot be dated in the future"),
        ({"evidence_date": "yesterday"}, "Enter a valid date"),
        ({"status": "not_rated"}, "Select a valid choice"),
    ],
)
def test_the_rating_form_refuses_bad_input_clearly(client, elected, changes, message):
    promise = promise_for(elected)
    client.force_login(UserFactory(role="analyst"))
    response = client.post(url("promise_rate", pk=promise.pk), good(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert PromiseUpdate.objects.count() == 0


def test_the_rating_form_speaks_russian(client, elected):
    promise = promise_for(elected)
    client.force_login(UserFactory(role="analyst"))
    response = client.post(url("promise_rate", "ru", pk=promise.pk),
                           good(evidence_date="2999-01-01"))  # fmt: skip
    assert "Доказательство не может быть датировано будущим" in response.content.decode()


@pytest.mark.parametrize("role", [None, "citizen", "candidate_team", "observer"])
def test_others_cannot_rate_track_add_or_declare(client, elected, contest, role):
    promise = promise_for(elected)
    answer = answer_with_commitment(contest, elected)
    if role:
        client.force_login(UserFactory(role=role))
    expected = 302 if role is None else 403  # to the sign-in page, or refused
    assert client.post(url("promise_rate", pk=promise.pk), good()).status_code == expected
    assert client.post(url("answer_track", answer_id=answer.pk)).status_code == expected
    assert client.get(url("promise_add", candidate_id=elected.pk)).status_code == expected
    assert client.get(url("elected_declare")).status_code == expected
    assert (Promise.objects.count(), PromiseUpdate.objects.count()) == (1, 0)


def test_a_moderator_tracks_from_the_mandate_page_once(client, elected, contest):
    answer = answer_with_commitment(contest, elected)
    client.force_login(UserFactory(role="moderator"))
    mandate_page = client.get(url("detail", pk=answer.mandate_id)).content.decode()
    assert "Track as a promise" in mandate_page
    track = url("answer_track", answer_id=answer.pk)
    first = client.post(track, follow=True).content.decode()
    assert "The commitment is now a tracked promise" in first
    again = client.post(track, follow=True).content.decode()
    assert "already tracked" in again
    assert Promise.objects.count() == 1
    mandate_page = client.get(url("detail", pk=answer.mandate_id)).content.decode()
    assert "Promises made from this mandate" in mandate_page
    assert "Track as a promise" not in mandate_page


def test_staff_add_a_promise_and_declare_the_elected(client, elected, contest):
    client.force_login(UserFactory(role="admin"))
    add = url("promise_add", candidate_id=elected.pk)
    bad = client.post(add, {"title": "Мектеп", "text": "Жаңа мектеп салу", "source_url": ""})
    assert bad.status_code == 400
    assert "This field is required" in bad.content.decode()
    done = client.post(add, {"title": "Мектеп", "text": "Жаңа мектеп салу",
                             "source_url": "https://x.kz/s"}, follow=True)  # fmt: skip
    assert "The promise is tracked" in done.content.decode()
    loser = contest.options.get(position=2).candidate
    day = contest.election.election_day
    early = {"candidate": loser.pk, "contest": contest.pk, "source": "ОСК №2",
             "declared_on": (day - datetime.timedelta(days=1)).isoformat()}  # fmt: skip
    refused = client.post(url("elected_declare"), early)
    assert "on or after election day" in refused.content.decode()
    fine = client.post(url("elected_declare"), {**early, "declared_on": day.isoformat()})
    assert fine.status_code == 302
    assert client.get(url("scorecard", candidate_id=loser.pk)).status_code == 200
