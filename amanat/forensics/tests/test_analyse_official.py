"""The analysts' page on the official results stored here: regions by name, in the page's
language, and a page that fits a phone."""

import pytest

from amanat.accounts.roles import Role

pytestmark = pytest.mark.django_db


def analyse_official(client, language):
    return client.post(f"/{language}/forensics/", {"official-option": "1"})


def test_regions_are_named_in_the_pages_language(client, make_user, official):
    client.force_login(make_user(role=Role.ANALYST))
    names = [("kk", "Астана", "Алматы"), ("ru", "город Астана", "город Алматы"),
             ("en", "Astana", "Almaty")]  # fmt: skip
    for language, astana, almaty in names:
        response = analyse_official(client, language)
        assert [row["region"] for row in response.context["regions"]] == sorted([astana, almaty])
        assert f'<th scope="row">{astana}</th><td>30</td>' in response.content.decode()
        assert "KZ-71" not in response.content.decode()


def test_wide_tables_scroll_in_their_own_box_on_a_phone(client, make_user, official):
    client.force_login(make_user(role=Role.ANALYST))
    page = analyse_official(client, "ru").content.decode()
    assert page.count('<div class="table-scroll"><table>') == 2  # regions, digit tests
    assert '<img class="fingerprint"' in page  # shrinks to the screen (amanat.css)
