"""Online events must not reveal who asked anonymously, nor the join link to people who did
not register (review of issue #19)."""

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.dialogue import services as opinion
from amanat.dialogue import services_events as services
from amanat.dialogue.models import Statement
from amanat.dialogue.models_moderation import ModerationAction
from amanat.dialogue.selectors_events import audience_stats

from .factories import StatementFactory
from .factories_events import EventFactory, LiveQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_anonymous_questions_and_their_likes_are_counted_apart(make_user):
    event = EventFactory()
    journalist, expert, citizen = (
        make_user(role=r) for r in (Role.JOURNALIST, Role.EXPERT, "citizen")
    )
    named = services.question_ask(
        event=event, user=expert, text="Named question?", anonymous=False, language="ru"
    )
    unnamed = services.question_ask(
        event=event, user=journalist, text="Who pays the counters?", anonymous=True, language="ru"
    )
    services.question_like(question=unnamed, user=citizen)
    services.question_like(question=unnamed, user=expert)
    services.question_like(question=named, user=citizen)
    rows = {r.group: (r.questions, r.likes_received, r.likes_given) for r in audience_stats(event)}
    # The journalist's anonymous question is not counted under "Journalist".
    assert rows == {"Anonymous": (1, 2, 0), "Expert": (1, 1, 1), "Citizen": (0, 0, 2)}


def test_the_public_calendar_file_has_no_join_link(client):
    event = EventFactory(online_url="https://meet.example/secret-room")
    raw = client.get(reverse("dialogue:event_ics", args=[event.pk])).content.decode()
    assert "secret-room" not in raw.replace("\r\n ", "")
    assert "LOCATION" not in raw
    assert f"/dialogue/events/{event.pk}/" in raw.replace("\r\n ", "")


def test_the_public_log_counts_statements_moderated_out_and_hidden_questions(client, make_user):
    moderator = make_user(role=Role.MODERATOR)
    pending = StatementFactory(status=Statement.Status.PENDING)
    opinion.statement_moderate(statement=pending, moderator=moderator, accept=False)
    opinion.statement_moderate(statement=pending, moderator=moderator, accept=False)  # once
    accepted = StatementFactory(status=Statement.Status.PENDING)
    opinion.statement_moderate(statement=accepted, moderator=moderator, accept=True)
    question = LiveQuestionFactory()
    services.question_mark(question=question, state="hidden", moderator=moderator)
    assert ModerationAction.objects.filter(kind="removed").count() == 2
    body = client.get(reverse("dialogue:moderation_log")).content.decode()
    assert "<td>Removed</td><td>—</td><td>2</td>" in body
