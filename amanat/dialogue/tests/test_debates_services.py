"""Debates' services and selectors: stances, threads, endorsements, closing, bans, idempotent
intake, the ranking and its totals."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.dialogue import selectors_debates as read
from amanat.dialogue import services_debates as write
from amanat.dialogue.models import Ban
from amanat.dialogue.models_debates import Argument, Comment, Debate, Endorsement
from amanat.dialogue.posts import Visibility

from .factories_debates import ArgumentFactory, CommentFactory, DebateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _comment(debate, user, **kw):
    return write.comment_add(debate=debate, user=user, text="I think so", language="ru", **kw)


def test_a_top_level_comment_needs_a_stance_and_a_reply_takes_none(make_user):
    debate, user = DebateFactory(), make_user()
    with pytest.raises(write.DebateRefused, match="Choose your stance"):
        _comment(debate, user)
    top = _comment(debate, user, stance="against")
    assert (top.stance, top.depth) == ("against", 0)
    with pytest.raises(write.DebateRefused, match="A reply takes no stance"):
        _comment(debate, user, stance="for", parent=top)
    reply = _comment(debate, user, parent=top)
    assert (reply.stance, reply.depth, reply.parent_id) == ("", 1, top.pk)
    assert Comment.objects.count() == 2


def test_threads_stop_at_the_third_level(make_user):
    debate, user = DebateFactory(), make_user()
    top = _comment(debate, user, stance="for")
    second = _comment(debate, user, parent=top)
    third = _comment(debate, user, parent=second)
    assert third.depth == 2
    with pytest.raises(write.DebateRefused, match="as deep as it goes"):
        _comment(debate, user, parent=third)
    roots = read.threads([top], see_hidden=False)
    assert roots[0].children[0].pk == second.pk
    assert roots[0].children[0].children[0].pk == third.pk


def test_a_reply_to_another_debates_comment_is_refused(make_user):
    other = CommentFactory()
    with pytest.raises(write.DebateRefused, match="not in this debate"):
        _comment(DebateFactory(), make_user(), parent=other)
    assert Comment.objects.count() == 1


def test_one_endorsement_per_person_for_the_debate_and_for_each_argument(make_user):
    debate, user, other = DebateFactory(), make_user(), make_user()
    argument = ArgumentFactory(debate=debate)
    assert write.endorse(user=user, debate=debate)[1] is True
    assert write.endorse(user=user, debate=debate)[1] is False
    assert write.endorse(user=user, debate=debate, argument=argument)[1] is True
    assert write.endorse(user=user, debate=debate, argument=argument)[1] is False
    write.endorse(user=other, debate=debate)
    assert Endorsement.objects.filter(argument=None).count() == 2
    assert Endorsement.objects.filter(argument=argument).count() == 1
    assert read.debate_for(debate.pk, see_hidden=False).endorsement_count == 2
    side = read.sides(debate, user, see_hidden=False)["for"]
    assert (side[0].endorsement_count, side[0].endorsed) == (1, True)
    assert read.sides(debate, other, see_hidden=False)["for"][0].endorsed is False


def test_an_argument_of_another_debate_cannot_be_endorsed_here(make_user):
    with pytest.raises(write.DebateRefused, match="not in this debate"):
        write.endorse(user=make_user(), debate=DebateFactory(), argument=ArgumentFactory())
    assert not Endorsement.objects.exists()


def test_a_closed_debate_takes_no_posts_nor_endorsements(make_user):
    debate, user = DebateFactory(), make_user()
    moderator = make_user(role=Role.MODERATOR)
    write.debate_close(debate=debate, user=moderator, conclusion="Both sides agreed on photos.")
    debate.refresh_from_db()
    for attempt in (
        lambda: write.argument_add(
            debate=debate, user=user, side="for", title="Late", text="Too late", language="ru"
        ),
        lambda: _comment(debate, user, stance="for"),
        lambda: write.endorse(user=user, debate=debate),
    ):
        with pytest.raises(write.DebateRefused, match="This debate is closed") as refused:
            attempt()
        assert refused.value.code == "closed"
    assert not Argument.objects.exists()
    assert not Comment.objects.exists()
    assert not Endorsement.objects.exists()


def test_closing_is_for_staff_or_the_opener_and_is_audit_logged(make_user):
    opener = make_user()
    debate = DebateFactory(author=opener)
    with pytest.raises(write.DebateRefused, match="Only staff or the person"):
        write.debate_close(debate=debate, user=make_user(), conclusion="Not mine to close")
    with pytest.raises(write.DebateRefused, match="Write the conclusion"):
        write.debate_close(debate=debate, user=opener, conclusion="   ")
    closed = write.debate_close(debate=debate, user=opener, conclusion=" We agreed. ")
    assert (closed.conclusion, closed.closed_by) == ("We agreed.", opener)
    assert closed.closed_at is not None
    entry = AuditEntry.objects.get(action="dialogue.debate_closed")
    assert (entry.actor, entry.object_id) == (opener, str(debate.pk))
    with pytest.raises(write.DebateRefused, match="already closed"):
        write.debate_close(debate=debate, user=make_user(role=Role.ANALYST), conclusion="Again")
    assert AuditEntry.objects.filter(action="dialogue.debate_closed").count() == 1


def test_a_banned_participant_is_refused_with_the_reason(make_user):
    user = make_user()
    debate = DebateFactory()
    Ban.objects.create(user=user, reason="Insults to other participants")
    calls = [
        lambda: write.debate_open(
            user=user, title="Question", text="Intro", topic="other", language="ru"
        ),
        lambda: write.argument_add(
            debate=debate, user=user, side="for", title="T", text="Text", language="ru"
        ),
        lambda: _comment(debate, user, stance="for"),
        lambda: write.endorse(user=user, debate=debate),
    ]
    for call in calls:
        with pytest.raises(write.DebateRefused, match="Insults to other participants"):
            call()
    assert Debate.objects.count() == 1
    assert not Argument.objects.exists()
    assert not Comment.objects.exists()
    assert not Endorsement.objects.exists()
    # A lifted ban no longer bars.
    Ban.objects.filter(user=user).update(lifted_at=timezone.now())
    assert _comment(debate, user, stance="for").pk


def test_only_staff_open_an_official_debate(make_user):
    fields = {"title": "Question?", "text": "Intro", "topic": "law", "language": "kk"}
    with pytest.raises(write.DebateRefused, match="Only staff"):
        write.debate_open(user=make_user(), official=True, **fields)
    debate = write.debate_open(user=make_user(role=Role.ANALYST), official=True, **fields)
    assert (debate.is_official, debate.language) == (True, "kk")


def test_the_same_form_sent_twice_writes_one_post(make_user):
    debate, user, token = DebateFactory(), make_user(), uuid.uuid4()
    fields = {"debate": debate, "user": user, "side": "against", "language": "ru"}
    first = write.argument_add(title="Once", text="Only once", client_token=token, **fields)
    again = write.argument_add(title="Once", text="Only once", client_token=token, **fields)
    assert first.pk == again.pk
    assert Argument.objects.count() == 1
    # Another person's form may carry any token: tokens are per author.
    other = write.argument_add(
        **(fields | {"user": make_user()}), title="Mine", text="Mine too", client_token=token
    )
    assert other.pk != first.pk
    comment_token = uuid.uuid4()
    for _ in range(2):
        _comment(debate, user, stance="for", client_token=comment_token)
    assert Comment.objects.count() == 1


def test_posting_moves_the_debate_up_the_activity_ranking(make_user):
    old = DebateFactory(last_activity_at=timezone.now() - timedelta(days=2))
    new = DebateFactory(last_activity_at=timezone.now() - timedelta(days=1))
    ranked = list(read.debates_ranked(read.DebateFilters()))
    assert ranked == [new, old]
    _comment(old, make_user(), stance="neutral")
    assert list(read.debates_ranked(read.DebateFilters())) == [old, new]


def test_support_ranking_and_totals_count_visible_posts_only(make_user):
    quiet, popular = DebateFactory(), DebateFactory(last_activity_at=timezone.now() - timedelta(1))
    for _ in range(3):
        write.endorse(user=make_user(), debate=popular)
    write.endorse(user=make_user(), debate=quiet)
    ArgumentFactory.create_batch(2, debate=popular, side="for")
    ArgumentFactory(debate=popular, side="against")
    ArgumentFactory(debate=popular, side="against", visibility=Visibility.REPORTED)
    top = CommentFactory(debate=popular, stance="for")
    CommentFactory(debate=popular, stance="against")
    CommentFactory(debate=popular, stance="against", visibility=Visibility.REMOVED)
    CommentFactory(debate=popular, stance="", parent=top, depth=1)
    ranked = list(read.debates_ranked(read.DebateFilters(order="support")))
    assert ranked == [popular, quiet]
    totals = ranked[0]
    assert (totals.endorsement_count, totals.arguments_for, totals.arguments_against) == (3, 2, 1)
    assert (totals.comments_for, totals.comments_neutral, totals.comments_against) == (1, 0, 1)
    assert totals.reply_count == 1
    assert list(read.debates_ranked(read.DebateFilters(order="activity"))) == [quiet, popular]


def test_filters_and_search(make_user, region):
    a = DebateFactory(title="Камеры на участках", topic="observation", region=region)
    b = DebateFactory(title="Photos of protocols", topic="counting")
    DebateFactory(title="Hidden photos", visibility=Visibility.REMOVED)
    write.debate_close(debate=b, user=make_user(role=Role.MODERATOR), conclusion="Done")

    def found(**kw):
        return set(read.debates_ranked(read.DebateFilters(**kw)))

    assert found() == {a, b}
    assert found(region=region) == {a}
    assert found(topic="counting") == {b}
    assert found(status="closed") == {b}
    assert found(status="open") == {a}
    assert found(search="photos") == {b}
    assert found(search="Камеры участках") == {a}
    assert found(search="nothing like it") == set()
