"""The demo's online events tell the story the brief asks for, and loading twice keeps one copy."""

import pytest

from amanat.accounts.roles import Role
from amanat.demo.dialogue_events import LIKERS, QUESTIONS, REGISTERED, WAITING, events_load
from amanat.dialogue.models import Event, LiveQuestion, QuestionLike, Registration

pytestmark = pytest.mark.django_db


def test_demo_events_load_twice_into_one_story(make_user):
    for name in {q[0] for q in QUESTIONS} | set(REGISTERED) | set(WAITING) | set(LIKERS):
        make_user(username=name, role=name if name in Role.values else Role.CITIZEN)
    events_load(None)
    night, past = events_load(None)
    assert Event.objects.count() == 2
    assert night.is_running
    assert past.is_past
    assert past.recording_url
    assert past.summary_kk
    assert past.summary_ru
    states = sorted(LiveQuestion.objects.filter(event=night).values_list("state", flat=True))
    assert states.count("live") == 1
    assert states.count("answered") == 1
    assert len(states) == 8
    assert LiveQuestion.objects.filter(event=night, anonymous=True).count() == 1
    assert set(LiveQuestion.objects.values_list("language", flat=True)) == {"kk", "ru"}
    for question in LiveQuestion.objects.all():
        assert question.likes == QuestionLike.objects.filter(question=question).count()
    statuses = list(Registration.objects.filter(event=night).values_list("status", flat=True))
    assert statuses.count("waiting") == 1
    assert statuses.count("registered") == night.capacity
