"""The analysts' page on the official results stored here: regions by name, in the page's
language, and a page that fits a phone."""

import numpy as np
import pytest

from amanat.accounts.roles import Role
from amanat.checklists.tests.test_ingestion import field  # noqa: F401 - fixture
from amanat.elections.models import OfficialResult
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.observers.tests.factories import region
from amanat.results.tests.protocol_setup import contest_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def official(field):  # noqa: F811
    """Official results of 60 stations in Astana and Almaty, turnout spread around 60 %."""
    contest = contest_create(field[0])
    rng = np.random.default_rng(7)
    for i in range(60):
        district = DistrictFactory(region=region("KZ-71" if i % 2 else "KZ-75"))
        station = PollingStationFactory(district=district, number=str(100 + i))
        voters = int(rng.integers(800, 1500))
        found = int(voters * rng.uniform(0.4, 0.8))
        figures = {"voters": voters, "issued": found + 3, "found": found,
                   "option:1": int(found * rng.uniform(0.4, 0.7))}  # fmt: skip
        OfficialResult.objects.create(contest=contest, station=station, source="test",
                                      figures=figures)  # fmt: skip
    return contest


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
