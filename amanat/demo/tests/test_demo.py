import pytest

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.demo.people import DEMO_PASSWORD
from amanat.demo.services import demo_load
from amanat.demo.stations import synthetic_station_rows
from amanat.elections.models import BallotOption, Election, ElectionStage
from amanat.geography.models import PollingStation, Region
from amanat.incidents.views_published import EAST, NORTH, SOUTH, WEST


@pytest.mark.django_db
def test_synthetic_rows_cover_all_twenty_units_with_about_ten_thousand_stations():
    rows = synthetic_station_rows()
    assert 9_900 <= len(rows) <= 10_200
    assert {row["region"] for row in rows} == set(Region.objects.values_list("code", flat=True))
    assert all(row["synthetic"] == "1" for row in rows)
    assert rows == synthetic_station_rows()  # same seed, same rows


def test_synthetic_stations_lie_within_kazakhstan_as_the_incidents_map_draws_it():
    home = [row for row in synthetic_station_rows() if row["is_abroad"] != "1"]
    assert all(WEST <= float(row["longitude"]) <= EAST for row in home)
    assert all(SOUTH <= float(row["latitude"]) <= NORTH for row in home)


@pytest.mark.django_db
def test_demo_is_loaded_and_labelled(demo):
    assert PollingStation.objects.count() == len(synthetic_station_rows())
    assert not PollingStation.objects.filter(is_synthetic=False).exists()
    counts = {r.code: r.districts.count() for r in Region.objects.all()}
    assert len(counts) == 20
    assert all(n > 0 for n in counts.values())
    election = Election.objects.get(slug="demo-presidential-2027")
    assert "fictional" in election.name_en
    assert BallotOption.objects.filter(contest__election=election).count() == 4
    assert set(ElectionStage.objects.filter(election=election).values_list("code", flat=True)) >= {
        "voter_lists_open",
        "campaign",
        "silence_day",
        "voting",
        "counting",
        "results",
    }


def _story_counts() -> dict[str, int]:
    from django.apps import apps

    models = ["checklists.Submission", "checklists.CriticalAlert", "observers.CheckIn",
              "observers.SosAlert", "observers.Application", "incidents.Report",
              "incidents.Evidence", "incidents.PublicationApproval", "legalhelp.Question",
              "legalhelp.FaqEntry", "training.Attempt", "accounts.Certificate",
              "results.PvtSample", "readiness.ExtractEntry", "readiness.ListOutcome",
              "readiness.PeopleCheck", "dialogue.Statement", "dialogue.Vote"]  # fmt: skip
    return {name: apps.get_model(name).objects.count() for name in models}


@pytest.mark.django_db
def test_loading_again_changes_nothing(demo):
    before = _story_counts()
    assert all(before.values()), before
    again = demo_load()
    assert _story_counts() == before
    assert (again.stations.created, again.stations.updated) == (0, 0)
    assert again.stations.unchanged == demo.stations.created
    from amanat.demo.dialogue import VOICE_PREFIX
    from amanat.demo.mandates import SECOND_TEAM, SYNTHETIC_VOTER
    from amanat.demo.observers import SYNTHETIC_PREFIX

    synthetic = User.objects.filter(username__startswith=SYNTHETIC_PREFIX)
    # One login per role, and the second media monitor whom double coding needs; apart from
    # them the synthetic people: observers, the opinion map's voices, the mandates' voters
    # and a second candidate's team.
    voices = User.objects.filter(username__startswith=VOICE_PREFIX).count()
    voters = User.objects.filter(username__startswith=SYNTHETIC_VOTER).count()
    assert User.objects.filter(username=SECOND_TEAM).exists()
    others = voices + voters + 1
    assert User.objects.count() - synthetic.count() - others == len(Role) + 1
    assert synthetic.count() > 3000


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_every_demo_login_works_on_the_web_and_the_api(client, demo, role, settings):
    settings.AMANAT_REQUIRE_2FA = False
    response = client.post(
        "/en/accounts/login/", {"username": role.value, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=client.session["_auth_user_id"]).role == role

    token = client.post(
        "/api/v1/auth/token",
        {"username": role.value, "password": DEMO_PASSWORD},
        content_type="application/json",
    )
    assert token.status_code == 200
    assert token.json()["role"] == role.value


@pytest.mark.django_db
def test_demo_coordinator_coordinates_astana_only(demo):
    coordinator = User.objects.get(username="coordinator")
    assert set(coordinator.regions.values_list("code", flat=True)) == {"KZ-71"}
    from amanat.geography.selectors import stations_for_user

    visible = stations_for_user(coordinator)
    assert visible.count() == PollingStation.objects.filter(district__region__code="KZ-71").count()
    assert 0 < visible.count() < PollingStation.objects.count()


@pytest.mark.django_db
def test_demo_coverage_matches_an_independent_count(demo):
    from collections import Counter

    from amanat.elections.selectors import election_current
    from amanat.observers.models import DeploymentStation
    from amanat.observers.selectors import coverage_by_region

    election = election_current()
    observers_at: dict[int, set[int]] = {}
    links = DeploymentStation.objects.filter(election=election)
    for station_id, observer_id in links.values_list("station_id", "deployment__observer_id"):
        observers_at.setdefault(station_id, set()).add(observer_id)
    region_of = dict(PollingStation.objects.values_list("pk", "district__region__code"))
    expected = Counter()
    for station_id, observers in observers_at.items():
        expected[region_of[station_id], "one" if len(observers) == 1 else "two_plus"] += 1

    rows = coverage_by_region(election=election, regions=Region.objects.all())
    assert len(rows) == 20
    for row in rows:
        assert row.one == expected[row.key.code, "one"]
        assert row.two_plus == expected[row.key.code, "two_plus"]
        assert (
            row.stations
            == PollingStation.objects.filter(district__region__code=row.key.code).count()
        )
    astana = next(r for r in rows if r.key.code == "KZ-71")
    assert astana.covered > 0
    assert sum(r.covered for r in rows) == len(observers_at)


@pytest.mark.django_db
def test_demo_observer_is_certified_and_deployed_in_astana(demo):
    from amanat.observers.models import Deployment

    deployment = Deployment.objects.get(observer__user__username="observer")
    assert deployment.stations.get().district.region.code == "KZ-71"


@pytest.mark.django_db
def test_demo_coordinator_dashboard_shows_astana_only(client, demo, django_assert_max_num_queries):
    client.force_login(User.objects.get(username="coordinator"))
    with django_assert_max_num_queries(12):
        page = client.get("/ru/observers/coverage/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "/ru/observers/coverage/KZ-71/" in html
    assert "/ru/observers/coverage/KZ-75/" not in html
    region_page = client.get("/ru/observers/coverage/KZ-71/")
    assert region_page.status_code == 200
    assert client.get("/ru/observers/coverage/KZ-75/").status_code == 404


@pytest.mark.django_db
def test_demo_election_is_today_and_the_observer_is_at_station_1_with_a_known_phone(demo, demo_day):
    from amanat.elections.selectors import election_current
    from amanat.observers.models import Deployment

    assert election_current().election_day == demo_day
    observer = User.objects.get(username="observer")
    assert observer.phone == "+77010000001"
    deployment = Deployment.objects.get(observer__user=observer, election=election_current())
    station = deployment.stations.get()
    assert (station.number, station.district.region.code) == ("1", "KZ-71")


@pytest.mark.django_db
def test_demo_with_polls_closed_shows_reconciliation_and_pvt(demo):
    """`load-demo --polls-closed` adds the count (official results after 20:00)."""
    from amanat.checklists.models import Submission
    from amanat.demo.results import demo_results_load, demo_results_remove
    from amanat.elections.models import Contest, OfficialResult
    from amanat.results.pvt import pvt_estimates
    from amanat.results.selectors import reconciliation

    contest = Contest.objects.get(code="president", election__slug=demo.election)
    assert not OfficialResult.objects.filter(contest=contest).exists()  # polls still open
    demo_results_load(contest)
    assert OfficialResult.objects.filter(contest=contest).count() == PollingStation.objects.count()
    result = reconciliation(contest)
    assert 1 <= len(result.differing) <= 25
    assert all(d.lines[0][0].startswith("option:") for d in result.differing)
    assert result.moved["option:1"] > 0  # the official figures favour the first candidate
    national, _regions = pvt_estimates(contest, contest.pvt_sample)
    assert national.reported >= 100
    assert 0.45 < national.shares[0].central < 0.6
    demo_results_remove(contest)  # a plain load-demo again: the polls are open
    assert not OfficialResult.objects.filter(contest=contest).exists()
    assert not Submission.objects.filter(version__form__code=contest.protocol_form.form.code)


@pytest.mark.django_db
def test_the_opinion_map_shows_camps_and_consensus(demo):
    from amanat.demo.dialogue import STATEMENTS, TITLE
    from amanat.dialogue.models import Conversation

    conversation = Conversation.objects.get(title_en=TITLE["en"])
    result = conversation.analysis.result
    assert 2 <= len(result["groups"]) <= 3
    assert len(result["clustered"]) > 200
    texts = dict(conversation.statements.values_list("pk", "text"))
    agreed = [texts[pk] for pk in result["consensus"]["agree"][:2]]
    assert sorted(agreed) == sorted(text for _, text, stance in STATEMENTS[:2])
    assert texts[result["consensus"]["disagree"][0]] == STATEMENTS[2][1]
    participants = User.objects.filter(username__startswith="demo-voice-")
    assert not any(u.has_usable_password() for u in participants[:5])
    assert User.objects.get(username="candidate_team").pk in result["candidates"]


@pytest.mark.django_db
def test_the_dialogue_has_verified_voices_and_a_moderation_log(demo, client):
    from amanat.dialogue.models_moderation import ModerationAction, PostTranslation, Report
    from amanat.dialogue.models_voices import VoiceApplication

    approved = dict(
        VoiceApplication.objects.filter(status="approved").values_list("user__username", "capacity")
    )
    assert approved == {"expert": "expert", "journalist": "journalist"}
    assert list(
        VoiceApplication.objects.filter(status="pending").values_list("user__username", flat=True)
    ) == ["candidate_team"]
    assert set(ModerationAction.objects.values_list("kind", "reason")) == {
        ("removed", "abuse"),
        ("warned", "abuse"),
    }
    assert Report.objects.count() == 2
    assert PostTranslation.objects.count() == 4
    demo_load()  # again: the same rows, not twice as many
    assert VoiceApplication.objects.count() == 3
    assert ModerationAction.objects.count() == 2
    assert (Report.objects.count(), PostTranslation.objects.count()) == (2, 4)
    page = client.get("/ru/dialogue/voices/").content.decode()
    assert "✓ Эксперт" in page
    assert "✓ Журналист" in page
