"""Who may do what with debates: role × action, and the opener's own debate."""

import pytest
from django.contrib.auth.models import AnonymousUser

from amanat.accounts.roles import Role

from .factories_debates import DebateFactory

pytestmark = pytest.mark.django_db
STAFF = {Role.ADMIN, Role.MODERATOR, Role.ANALYST}


@pytest.mark.parametrize("role", list(Role))
def test_permissions_by_role(make_user, role):
    user = make_user(role=role)
    debate = DebateFactory()
    assert user.has_perm("dialogue.open_debate")
    assert user.has_perm("dialogue.take_part_in_debate")
    assert user.has_perm("dialogue.open_official_debate") is (role in STAFF)
    assert user.has_perm("dialogue.close_debate", debate) is (role in STAFF)
    hidden = role in {Role.ADMIN, Role.MODERATOR}
    assert user.has_perm("dialogue.see_hidden_debate_posts") is hidden


def test_the_opener_closes_their_own_debate_only(make_user):
    opener = make_user()
    assert opener.has_perm("dialogue.close_debate", DebateFactory(author=opener))
    assert not opener.has_perm("dialogue.close_debate", DebateFactory())


def test_an_anonymous_visitor_may_do_nothing():
    visitor = AnonymousUser()
    for perm in ("open_debate", "take_part_in_debate", "open_official_debate"):
        assert not visitor.has_perm(f"dialogue.{perm}")
    assert not visitor.has_perm("dialogue.close_debate", DebateFactory())
