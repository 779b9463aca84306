"""The coverage page's tile map: drawn where it compares regions, left out for one region."""

import re

import pytest

from amanat.accounts.roles import Role

from .factories import region

pytestmark = pytest.mark.django_db


def tiles(client, path="/ru/observers/coverage/") -> list[str]:
    return re.findall(r'<rect x="\d+" y="\d+" width="104"', client.get(path).content.decode())


def test_the_map_compares_regions_and_is_left_out_for_a_single_one(client, make_user, network):
    client.force_login(make_user(role=Role.ADMIN))
    assert len(tiles(client)) == 20
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-71"), region("KZ-75")]))
    assert len(tiles(client)) == 2
    # A coordinator of one region saw a lone tile in an empty frame; the table says it all.
    client.force_login(make_user(role=Role.COORDINATOR, regions=[region("KZ-71")]))
    page = client.get("/ru/observers/coverage/").content.decode()
    assert "<svg" not in page
    assert 'href="/ru/observers/coverage/KZ-71/"' in page


def test_long_region_names_are_fitted_inside_their_tile(client, make_user, network):
    client.force_login(make_user(role=Role.ADMIN))
    page = client.get("/ru/observers/coverage/").content.decode()
    # 12px Cyrillic is wider than the 104-unit tile past 13 letters: squeezed to 96 units.
    assert ('class="tile-name" textLength="96" lengthAdjust="spacingAndGlyphs">'
            "Северо-Казахста…</text>") in page  # fmt: skip
    assert 'class="tile-name">город Астана</text>' in page
