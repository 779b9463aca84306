"""A statement hidden by readers' reports takes no votes, on the web nor by SMS (review of
issue #19)."""

import pytest

from amanat.channels.tests.factories import reply_of, smssync
from amanat.dialogue import services
from amanat.dialogue.models import Vote
from amanat.dialogue.posts import Visibility
from amanat.dialogue.tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def test_a_statement_hidden_by_reports_takes_no_votes(client, settings, make_user):
    settings.AMANAT_SMSSYNC_SECRET = "s3cret"
    statement = StatementFactory(visibility=Visibility.REPORTED)
    with pytest.raises(services.DialogueError):
        services.vote_cast(
            conversation=statement.conversation, statement=statement, user=make_user(), value=1
        )
    reply = reply_of(smssync(client, f"O {statement.pk} A", message_id="h1", sender="87011234567"))
    assert not Vote.objects.exists()
    assert f"Утверждения {statement.pk} для голосования нет." in reply
