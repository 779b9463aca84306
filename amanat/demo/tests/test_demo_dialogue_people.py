"""The demo dialogue's synthetic participants carry plausible names in public bylines (never
"Demo"), the same on every load, and the demo event embeds no made-up video."""

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.models import User
from amanat.demo.dialogue import FIRST_NAMES, VOICE_PREFIX, _participants, participant_name
from amanat.demo.dialogue_events import NIGHT
from amanat.dialogue.models import Event

pytestmark = pytest.mark.django_db


def test_synthetic_participants_have_first_names_and_initials(demo):
    people = list(User.objects.filter(username__startswith=VOICE_PREFIX))
    assert len(people) == 300
    assert all(u.first_name in FIRST_NAMES for u in people)
    assert all(len(u.last_name) == 2 and u.last_name.endswith(".") for u in people)
    assert len({u.get_full_name() for u in people}) > 250  # hardly any two alike
    assert participant_name(1) == participant_name(1)


def test_a_participant_loaded_as_demo_gets_a_name_on_the_next_load(demo):
    User.objects.filter(username=f"{VOICE_PREFIX}005").update(first_name="Demo", last_name="")
    _participants()
    renamed = User.objects.get(username=f"{VOICE_PREFIX}005")
    assert (renamed.first_name, renamed.last_name) == participant_name(5)


def test_the_demo_event_shows_names_and_no_made_up_video(demo, client):
    night = Event.objects.get(title_en=NIGHT["en"])
    assert not night.video_url
    with translation.override("ru"):
        page = client.get(reverse("dialogue:event", args=[night.pk])).content.decode()
    assert "Demo" not in page
    assert "youtube" not in page
    assert "<iframe" not in page
    first, last = participant_name(2)  # demo-voice-002 asked a question, not anonymously
    assert f"{first} {last}" in page
    assert "видеотрансляции нет" in page
