"""A report from a region with nobody to assign it to says so instead of an empty choice."""

import pytest

from amanat.accounts.roles import Role
from amanat.observers.tests.factories import region

pytestmark = pytest.mark.django_db


def test_a_region_without_responders_explains_instead_of_an_empty_list(client, report, make_user):
    client.force_login(make_user(role=Role.MODERATOR))
    page = client.get(f"/ru/incidents/moderation/{report.pk}/").content.decode()
    assert 'name="assignee"' not in page
    assert "В этом регионе пока нет ни юриста, ни координатора" in page
    make_user(role=Role.LAWYER, regions=[region("KZ-71")], username="lawyer71")
    page = client.get(f"/ru/incidents/moderation/{report.pk}/").content.decode()
    assert 'name="assignee"' in page
    assert "lawyer71" in page
