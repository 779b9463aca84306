"""What moderation and the post pages must not reveal or let through (review of issue #19):
anonymous askers' names, posts moderation has not let through, usernames as bylines."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.dialogue import services_moderation, services_voices
from amanat.dialogue.models import Statement
from amanat.dialogue.models_moderation import PostTranslation
from amanat.dialogue.posts import Visibility

from .factories import StatementFactory
from .factories_debates import ArgumentFactory, CommentFactory, DebateFactory
from .factories_events import LiveQuestionFactory
from .factories_voices import VoiceApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _url(name, post):
    ct = ContentType.objects.get_for_model(post).pk
    return reverse(f"dialogue:{name}", kwargs={"ct": ct, "pk": post.pk})


def test_an_anonymous_questions_author_is_named_nowhere(client, make_user):
    asker = make_user(username="secret-asker", first_name="Aigerim", last_name="Secretova")
    question = LiveQuestionFactory(author=asker, anonymous=True, text="Who counts the ballots?")
    services_moderation.post_report(post=question, reporter=make_user(), reason="spam")
    pages = [_url("post_report", question), _url("post_translate", question)]
    for role, extra in ((Role.CITIZEN, []), (Role.MODERATOR, [reverse("dialogue:moderation")])):
        client.force_login(make_user(role=role))
        for url in pages + extra:
            body = client.get(url).content.decode()
            assert "Who counts the ballots?" in body, url
            assert "Anonymous" in body, url
            for secret in ("secret-asker", "Aigerim", "Secretova"):
                assert secret not in body, (role, url)
    # The moderator can still warn the author without learning who it is.
    assert "Warn the author" in body
    assert "Ban the author" not in body
    # Nor does searching the queue by the author's name find the anonymous question.
    for name in ("Secretova", "secret-asker"):
        found = client.get(reverse("dialogue:moderation"), {"q": name}).content.decode()
        assert "Who counts the ballots?" not in found, name
    assert (
        "Who counts the ballots?"
        in client.get(reverse("dialogue:moderation"), {"q": "ballots"}).content.decode()
    )


def _not_public_posts(make_user):
    hidden_debate = DebateFactory(author=make_user(), visibility=Visibility.REPORTED)
    return [
        StatementFactory(status=Statement.Status.PENDING, text="Pending words"),
        StatementFactory(status=Statement.Status.REJECTED, text="Rejected words"),
        LiveQuestionFactory(state="hidden", text="Hidden question words"),
        ArgumentFactory(debate=hidden_debate, author=make_user(), text="Argument words"),
        CommentFactory(debate=hidden_debate, author=make_user(), text="Comment words"),
    ]


def test_posts_moderation_has_not_let_through_are_not_served_or_translated(client, make_user):
    posts = _not_public_posts(make_user)
    citizen = make_user()
    client.force_login(citizen)
    for post in posts:
        for name in ("post_report", "post_translate"):
            assert client.get(_url(name, post)).status_code == 404, (name, post)
        with pytest.raises(services_moderation.ModerationError):
            services_moderation.translation_add(
                post=post, translator=citizen, language="kk", text="Аударма"
            )
    assert not PostTranslation.objects.exists()
    # Moderators still open them (to review a report).
    client.force_login(make_user(role=Role.MODERATOR))
    for post in posts:
        assert client.get(_url("post_report", post)).status_code == 200, post


def test_a_translation_is_not_translated_and_follows_its_original(client, make_user):
    statement = StatementFactory(author=make_user(), text="Original words")
    volunteer = make_user()
    translated = services_moderation.translation_add(
        post=statement, translator=volunteer, language="kk", text="Аударма сөздер"
    )
    with pytest.raises(services_moderation.ModerationError):
        services_moderation.translation_add(
            post=translated, translator=make_user(), language="en", text="Words again"
        )
    client.force_login(make_user())
    assert client.get(_url("post_report", translated)).status_code == 200
    Statement.objects.filter(pk=statement.pk).update(status=Statement.Status.REJECTED)
    translated.refresh_from_db()
    assert client.get(_url("post_report", translated)).status_code == 404


def test_bylines_never_fall_back_to_the_username(client, make_user):
    by_sms = make_user(username="phone-77011234567", first_name="", last_name="")
    argument = ArgumentFactory(author=by_sms, text="Counting must be filmed", language="en")
    services_moderation.translation_add(
        post=argument, translator=by_sms, language="ru", text="Подсчёт надо снимать"
    )
    application = VoiceApplicationFactory(user=by_sms)
    services_voices.voice_approve(application=application, moderator=make_user(role=Role.MODERATOR))
    with translation.override("ru"):
        debate = client.get(reverse("dialogue:debate", args=[argument.debate.pk])).content.decode()
        voices = client.get(reverse("dialogue:voices")).content.decode()
    assert "Подсчёт надо снимать" in debate  # the volunteer's byline is on the page
    for body in (debate, voices):
        assert "77011234567" not in body
        assert "Участник" in body
