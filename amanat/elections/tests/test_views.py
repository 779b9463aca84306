"""The front page, served by elections under its old name core:home."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.observers.tests.factories import ElectionFactory


@pytest.mark.django_db
def test_home_lists_the_three_latest_published_elections(client):
    for year in (2091, 2092, 2093, 2094):
        ElectionFactory(name_en=f"Vote of {year}", election_day=date(year, 3, 15))
    ElectionFactory(name_en="Hidden vote", election_day=date(2099, 3, 15), is_published=False)

    with translation.override("en"):
        response = client.get(reverse("core:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert [e.name_en for e in response.context["elections"]] == [
        "Vote of 2094",
        "Vote of 2093",
        "Vote of 2092",
    ]
    assert "Vote of 2091" not in html
    assert "Hidden vote" not in html
    assert html.index("Vote of 2094") < html.index("Vote of 2093") < html.index("Vote of 2092")
