"""Candidates' answers: once per mandate (a second replaces, history kept), copy-pastes marked,
answer rates with a 95 % Wilson interval from 5 mandates on."""

import pytest

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.answers import AnswerRefused, addressed_to, answer_give, answer_rates
from amanat.mandates.models import Answer, TeamMember
from amanat.observers.tests.factories import ElectionFactory, token_for
from amanat.results.tests.protocol_setup import contest_create

from .factories import MandateFactory, give

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    return contest_create(ElectionFactory())


@pytest.fixture
def team(contest):
    candidate = contest.options.filter(candidate__isnull=False).first().candidate
    user = UserFactory(role="candidate_team")
    TeamMember.objects.create(user=user, candidate=candidate)
    return user


def test_a_second_answer_replaces_the_first_and_keeps_it(team):
    mandate = MandateFactory()
    first = give(team, mandate)
    second = answer_give(user=team, mandate=mandate, position="partly", text="Ішінара қолдаймыз.")
    rows = Answer.objects.filter(mandate=mandate).order_by("pk")
    assert [(a.pk, a.is_current, a.position) for a in rows] == [
        (first.pk, False, "support"), (second.pk, True, "partly"),
    ]  # fmt: skip


def test_only_the_team_of_an_addressed_candidate_answers(team, contest):
    with pytest.raises(AnswerRefused):
        give(UserFactory(role="citizen"), MandateFactory())
    other_contest = contest_create(ElectionFactory()).__class__.objects.create(
        election=ElectionFactory(), code="district-1", kind="single_member", name="District 1"
    )
    elsewhere = MandateFactory(contest=other_contest, election=other_contest.election)
    assert not addressed_to(TeamMember.objects.get(user=team).candidate).filter(pk=elsewhere.pk)
    with pytest.raises(AnswerRefused):
        give(team, elsewhere)
    assert Answer.objects.count() == 0


def test_a_copy_paste_is_marked_and_does_not_count(team):
    mandates = [MandateFactory() for _ in range(5)]
    for mandate in mandates[:4]:
        give(team, mandate)  # the same words to four mandates
    give(team, mandates[4], text="Аялдама салу біздің бағдарламада бар, әкімдікпен келісеміз.")
    # The whole group is marked, the first too: none of the four pasted answers counts.
    assert [a.is_copy for a in Answer.objects.order_by("pk")] == [True, True, True, True, False]
    rate = next(r for r in answer_rates(mandates[0].election) if r.addressed)
    assert (rate.addressed, rate.answered) == (5, 1)


def test_the_rate_has_its_wilson_interval_from_five_mandates(team):
    mandates = [MandateFactory() for _ in range(4)]
    texts = ["Жолды келесі жылы жөндейміз.", "Мектеп салуды бюджетке енгіземіз.",
             "Ауызсу құбыры әкімдікпен келісілді.", "Емханаға екі дәрігер шақырамыз."]  # fmt: skip
    for mandate, text in zip(mandates, texts, strict=True):
        give(team, mandate, text=text)
    rate = next(r for r in answer_rates(mandates[0].election) if r.answered)
    assert (rate.addressed, rate.answered, rate.rate, rate.low) == (4, 4, None, None)
    MandateFactory()
    rate = next(r for r in answer_rates(mandates[0].election) if r.answered)
    # 4 of 5, z = 1.96: centre (0.8 + 3.8416/10) / 1.76832 = 0.66965,
    # half 1.96·√(0.8·0.2/5 + 3.8416/100) / 1.76832 = 0.29412 → [0.37553, 0.96378].
    assert (rate.addressed, rate.answered, rate.rate) == (5, 4, 0.8)
    assert rate.low == pytest.approx(0.37553, abs=1e-5)
    assert rate.high == pytest.approx(0.96378, abs=1e-5)


def test_the_api_answers_and_lists_rates(client, team):
    mandate = MandateFactory()
    auth = token_for(client, team)
    url = f"/api/v1/mandates/{mandate.pk}/answers"
    body = {"position": "support", "text": "Қолдаймыз, бағдарламада бар."}
    first = client.post(url, body, content_type="application/json", **auth)
    assert first.status_code == 201
    again = client.post(
        url, {**body, "position": "against"}, content_type="application/json", **auth
    )
    assert (again.status_code, again.json()["position"]) == (201, "against")
    assert Answer.objects.filter(mandate=mandate).count() == 2
    bad = client.post(url, {**body, "position": "maybe"}, content_type="application/json", **auth)
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid")
    # The error names the answer and its position, not the mandate.
    assert bad.json()["detail"] == "Ответ недействителен."  # the default language, ru
    assert [e["field"] for e in bad.json()["errors"]] == ["position"]
    rates = client.get("/api/v1/candidates/answer-rates").json()
    assert set(rates[0]) == {
        "candidate", "candidate_id", "election", "addressed", "answered", "rate", "low", "high",
    }  # fmt: skip
    team_candidate = TeamMember.objects.get(user=team).candidate
    assert team_candidate.pk in [r["candidate_id"] for r in rates]
    assert {r["election"] for r in rates} == {mandate.election.slug}
    answered = [r for r in rates if r["answered"]]
    assert [(r["addressed"], r["answered"], r["rate"]) for r in answered] == [(1, 1, None)]


def test_the_api_refuses_others(client):
    mandate = MandateFactory()
    auth = token_for(client, UserFactory(role="citizen"))
    body = {"position": "support", "text": "Қолдаймыз, бағдарламада бар."}
    response = client.post(
        f"/api/v1/mandates/{mandate.pk}/answers", body, content_type="application/json", **auth
    )
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert Answer.objects.count() == 0


def test_a_team_answers_on_the_page_and_answers_show_side_by_side(client, team, contest):
    mandate = MandateFactory()
    others = contest.options.filter(candidate__isnull=False).exclude(
        candidate=TeamMember.objects.get(user=team).candidate
    )
    other_team = UserFactory(role="candidate_team")
    TeamMember.objects.create(user=other_team, candidate=others.first().candidate)
    give(other_team, mandate, text="Қарсымыз: бұл жол республикалық бюджеттен салынады.")
    client.force_login(team)
    page = client.get(f"/en/mandates/{mandate.pk}/").content.decode()
    assert f'action="/en/mandates/{mandate.pk}/answer/"' in page
    response = client.post(f"/en/mandates/{mandate.pk}/answer/", {
        "position": "partly", "text": "Ішінара қолдаймыз, аулаларды жөндейміз.", "confirm": "on",
    })  # fmt: skip
    assert response.status_code == 302
    page = client.get(f"/en/mandates/{mandate.pk}/").content.decode()
    assert "Supports in part" in page
    assert "Against" in page
    client.force_login(UserFactory(role="citizen"))
    refused = client.post(
        f"/en/mandates/{mandate.pk}/answer/", {"position": "support", "text": "x" * 20}
    )
    assert refused.status_code == 403
    assert Answer.objects.filter(is_current=True).count() == 2
    assert "too few mandates to say" in client.get("/en/mandates/answer-rates/").content.decode()


def test_the_rate_page_explains_itself_in_russian(client, team):
    page = client.get("/ru/mandates/answer-rates/").content.decode()
    assert "Доля адресованных кандидату наказов" in page
    assert "не меньше 5 наказов" in page
