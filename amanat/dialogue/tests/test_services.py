"""Votes (the last counts), moderation, and the throttled background analysis."""

import pytest

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.dialogue import services
from amanat.dialogue.analysis import analysis_compute
from amanat.dialogue.models import Analysis, Statement, Vote
from amanat.dialogue.tasks import analyse_task

from .factories import ConversationFactory, StatementFactory, camps

pytestmark = pytest.mark.django_db


def test_a_new_vote_replaces_the_old_one(make_user):
    statement = StatementFactory()
    user = make_user()
    conversation = statement.conversation
    services.vote_cast(conversation=conversation, statement=statement, user=user, value=1)
    first = Vote.objects.get().voted_at
    services.vote_cast(conversation=conversation, statement=statement, user=user, value=-1)
    vote = Vote.objects.get()
    assert vote.value == -1
    assert vote.voted_at >= first


@pytest.mark.parametrize(
    ("change", "code"),
    [("closed", "closed"), ("pending", "statement"), ("other", "statement"), ("value", "value")],
)
def test_votes_that_cannot_count_are_refused(make_user, change, code):
    statement = StatementFactory()
    conversation, value = statement.conversation, 1
    if change == "closed":
        conversation.is_open = False
    elif change == "pending":
        statement.status = Statement.Status.PENDING
    elif change == "other":
        conversation = ConversationFactory()
    else:
        value = 7
    with pytest.raises(services.DialogueError) as failure:
        services.vote_cast(
            conversation=conversation, statement=statement, user=make_user(), value=value
        )
    assert failure.value.message == code
    assert not Vote.objects.exists()


def test_votes_queue_one_analysis_after_commit_and_not_in_the_request(
    make_user, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr(
        analyse_task, "apply_async", lambda args, countdown: queued.append((args, countdown))
    )
    statement = StatementFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            services.vote_cast(
                conversation=statement.conversation, statement=statement, user=make_user(), value=1
            )
    # Three votes, one queued run, delayed to gather the votes that follow.
    assert queued == [((statement.conversation.pk,), services.THROTTLE_SECONDS)]
    analysis = Analysis.objects.get()
    assert analysis.computed_at is None
    assert analysis.requested_at is not None
    # Once the run starts, the next vote asks for another.
    analysis_compute(statement.conversation)
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(
            conversation=statement.conversation, statement=statement, user=make_user(), value=0
        )
    assert len(queued) == 2


def test_the_task_stores_the_groups_and_keeps_their_ids(make_user):
    conversation, items, people = camps(make_user)
    version = analyse_task(conversation.pk)
    analysis = Analysis.objects.get(conversation=conversation)
    assert version == analysis.version == 1
    result = analysis.result
    groups = {frozenset(g["members"]): g["id"] for g in result["groups"]}
    assert set(groups) == {
        frozenset(u.pk for u in people["a"]),
        frozenset(u.pk for u in people["b"]),
    }
    assert result["consensus"]["agree"] == [items[0].pk]
    assert result["candidates"] == [people["b"][0].pk]
    # A newcomer votes with camp a: recomputed, the groups keep their ids.
    newcomer = make_user()
    for i, statement in enumerate(items):
        services.vote_cast(
            conversation=conversation,
            statement=statement,
            user=newcomer,
            value=1 if i % 2 == 0 else -1,
        )
    assert analyse_task(conversation.pk) == 2
    again = Analysis.objects.get(conversation=conversation).result
    for group in again["groups"]:
        before = next(m for m, gid in groups.items() if gid == group["id"])
        assert before <= set(group["members"])


def test_moderating_out_is_audited_and_takes_the_statement_out_of_the_map(make_user):
    conversation, items, _ = camps(make_user)
    moderator = make_user(role=Role.MODERATOR)
    services.statement_moderate(statement=items[0], moderator=moderator, accept=False)
    entry = AuditEntry.objects.filter(action="dialogue.statement_moderated").get()
    assert entry.data == {"from": "accepted", "to": "rejected"}
    analyse_task(conversation.pk)
    result = Analysis.objects.get(conversation=conversation).result
    assert str(items[0].pk) not in result["group_informed_consensus"]
    assert items[0].pk not in result["consensus"]["agree"]


def test_participant_statements_wait_for_a_moderator(make_user):
    conversation = ConversationFactory()
    statement = services.statement_add(
        conversation=conversation, user=make_user(), text="  Count  aloud ", language="kk"
    )
    assert statement.status == Statement.Status.PENDING
    assert statement.text == "Count aloud"
    with pytest.raises(services.DialogueError, match="duplicate"):
        services.statement_add(
            conversation=conversation, user=make_user(), text="count ALOUD", language="ru"
        )


def test_posting_refused_only_while_a_ban_is_in_force(db):
    from datetime import timedelta

    from django.utils import timezone

    from amanat.accounts.tests.factories import UserFactory
    from amanat.dialogue.models import Ban
    from amanat.dialogue.moderation import posting_refused

    user = UserFactory()
    assert posting_refused(user) is None
    ban = Ban.objects.create(user=user, reason="spam", until=timezone.now() + timedelta(days=1))
    assert posting_refused(user) == ban
    ban.until = timezone.now() - timedelta(minutes=1)
    ban.save()
    assert posting_refused(user) is None
    Ban.objects.create(user=user, reason="threats", lifted_at=timezone.now())
    assert posting_refused(user) is None
