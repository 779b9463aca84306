"""The demo's debates: on the election held today, both sides argued by different people in
Russian and Kazakh, stance comments with replies, endorsements, and one closed debate."""

import pytest

from amanat.accounts.models import User
from amanat.demo.debates import HOURS, PHOTOS, debates_load
from amanat.dialogue.models_debates import Argument, Comment, Debate, Endorsement
from amanat.elections.models import Election

pytestmark = pytest.mark.django_db


def _counts() -> list[int]:
    return [m.objects.count() for m in (Debate, Argument, Comment, Endorsement)]


def test_a_debate_on_todays_election_argued_on_both_sides(demo):
    debate = Debate.objects.get(title=PHOTOS[0])
    assert debate.election == Election.objects.get(slug="demo-presidential-2027")
    assert debate.is_official
    authors = set(debate.arguments.values_list("author__username", flat=True))
    assert {"expert", "journalist", "citizen", "candidate_team"} <= authors
    assert set(debate.arguments.values_list("side", flat=True)) == {"for", "against"}
    assert set(debate.arguments.values_list("language", flat=True)) == {"ru", "kk"}
    tops = debate.comments.filter(parent=None)
    assert set(tops.values_list("stance", flat=True)) == {"for", "neutral", "against"}
    assert debate.comments.filter(depth=2, stance="").exists()
    assert debate.endorsements.filter(argument=None).count() == 24


def test_a_closed_debate_with_its_conclusion(demo):
    closed = Debate.objects.get(title=HOURS[0])
    assert closed.is_closed
    assert closed.conclusion.startswith("Пікірталас көрсеткендей")
    assert closed.language == "kk"
    assert closed.region.code == "KZ-71"


def test_loading_the_debates_again_changes_nothing(demo):
    before = _counts()
    voices = list(User.objects.filter(username__startswith="demo-voice-").order_by("username"))
    debates_load(voices=voices[:30])
    assert _counts() == before
