"""What moderation and the post pages must not reveal or let through (review of issue #19):
anonymous askers' names, posts moderation has not let through, usernames as bylines."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from amanat.accounts.roles import Role
from amanat.dialogue import services_moderation

from .factories_events import LiveQuestionFactory

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
