"""Voting with htmx, adding statements, the report, export and moderation pages."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.dialogue.models import Statement, Vote
from amanat.dialogue.tasks import analyse_task

from .factories import ConversationFactory, StatementFactory, camps

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):  # /en/ pages: the messages below are read in English
        yield


def test_voting_needs_a_sign_in(client):
    conversation = ConversationFactory()
    response = client.get(reverse("dialogue:vote", args=[conversation.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_htmx_vote_records_it_and_shows_the_next_statement(client, make_user):
    conversation = ConversationFactory()
    first, second = (StatementFactory(conversation=conversation) for _ in range(2))
    user = make_user()
    client.force_login(user)
    page = client.get(reverse("dialogue:vote", args=[conversation.pk]))
    shown = first if first.text in page.content.decode() else second
    other = second if shown == first else first
    response = client.post(
        reverse("dialogue:cast", args=[conversation.pk]),
        {"statement": shown.pk, "value": "-1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert Vote.objects.get(participant=user).value == -1
    body = response.content.decode()
    assert other.text in body
    assert shown.text not in body
    assert 'id="vote-card"' in body
    assert "<html" not in body
    client.post(
        reverse("dialogue:cast", args=[conversation.pk]), {"statement": other.pk, "value": "0"}
    )
    page = client.get(reverse("dialogue:vote", args=[conversation.pk]))
    assert "voted on every statement" in page.content.decode()


@pytest.mark.parametrize(
    "data", [{"statement": "x", "value": "1"}, {"statement": "1", "value": "9"}, {}]
)
def test_bad_votes_answer_400_in_the_card(client, make_user, data):
    conversation = ConversationFactory()
    StatementFactory(conversation=conversation)
    client.force_login(make_user())
    response = client.post(
        reverse("dialogue:cast", args=[conversation.pk]), data, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert "Choose agree, disagree or pass." in response.content.decode()
    assert not Vote.objects.exists()


def test_a_pending_statement_cannot_be_voted_on(client, make_user):
    statement = StatementFactory(status=Statement.Status.PENDING)
    client.force_login(make_user())
    response = client.post(
        reverse("dialogue:cast", args=[statement.conversation.pk]),
        {"statement": statement.pk, "value": "1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_a_participant_adds_a_statement_and_a_moderator_accepts_it(client, make_user):
    conversation = ConversationFactory()
    client.force_login(make_user())
    url = reverse("dialogue:statement_add", args=[conversation.pk])
    response = client.post(url, {"text": "Observers should photograph the protocol"}, follow=True)
    assert "a moderator accepts it" in response.content.decode()
    statement = Statement.objects.get()
    assert statement.status == Statement.Status.PENDING
    assert client.post(url, {"text": ""}).status_code == 400
    # A citizen may not moderate; a moderator may.
    moderate = reverse("dialogue:moderate", args=[statement.pk])
    assert client.post(moderate, {"decision": "accept"}).status_code == 403
    client.force_login(make_user(role=Role.MODERATOR))
    queue = client.get(reverse("dialogue:moderation"))
    assert statement.text in queue.content.decode()
    response = client.post(moderate, {"decision": "accept"}, follow=True)
    assert "participants now vote on it" in response.content.decode()
    statement.refresh_from_db()
    assert statement.status == Statement.Status.ACCEPTED


def test_the_report_shows_map_groups_consensus_and_sorts(client, make_user):
    conversation, items, people = camps(make_user)
    empty = client.get(reverse("dialogue:report", args=[conversation.pk]))
    assert "No analysis yet" in empty.content.decode()
    analyse_task(conversation.pk)
    body = client.get(reverse("dialogue:report", args=[conversation.pk])).content.decode()
    assert body.count('r="1.6"') == 11  # 12 participants, one a candidate's team member
    assert 'stroke="#000000"' in body  # the candidate's square
    assert "Group 1: 6 participants" in body
    assert "Group 2: 6 participants" in body
    agreed = body.index("What most people agree on")
    assert agreed < body.index(items[0].text) < body.index("What sets each group apart")
    rows = body[body.index('id="all"') :]
    assert rows.index(items[0].text) < rows.index(items[1].text)  # highest consensus first
    assert (
        client.get(
            reverse("dialogue:report", args=[conversation.pk]), {"order": "votes"}
        ).status_code
        == 200
    )


def test_export_is_for_analysts_in_the_usual_convention(client, make_user):
    conversation, items, people = camps(make_user, size=2, statements=2)
    url = reverse("dialogue:export", args=[conversation.pk])
    client.force_login(make_user())
    assert client.get(url).status_code == 403
    client.force_login(make_user(role=Role.ANALYST))
    response = client.get(url)
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 8
    assert {r["vote"] for r in rows} == {"1", "-1"}
    first = next(
        r
        for r in rows
        if r["participant"] == str(people["b"][1].pk) and r["statement"] == str(items[1].pk)
    )
    assert first["vote"] == "1"  # camp b agrees with odd statements


def test_markup_in_statements_is_shown_as_text(client, make_user):
    conversation, items, _ = camps(make_user, statements=7)
    Statement.objects.filter(pk=items[0].pk).update(text="<script>alert(1)</script>")
    analyse_task(conversation.pk)
    body = client.get(reverse("dialogue:report", args=[conversation.pk])).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_staff_open_a_conversation_with_seed_statements_in_the_admin(client, make_user):
    statement = StatementFactory()
    admin = make_user(role=Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:dialogue_conversation_change", args=[statement.conversation.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert statement.text in response.content.decode()
