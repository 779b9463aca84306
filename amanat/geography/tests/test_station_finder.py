import textwrap

import pytest

from amanat.geography.selectors import country_default
from amanat.geography.services import stations_import_text
from amanat.geography.tests.factories import GOOD, HEADER


@pytest.fixture
def stations(db):
    stations_import_text(text=GOOD, country=country_default())


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("101", ["101"]),
        ("абая", ["101"]),  # Cyrillic in another case: SQLite's LIKE alone would miss it
        ("АЛМАЛИНСКИЙ", ["101", "102"]),
        ("калбатау школьная", ["103"]),
        ("абай к-сі", ["101"]),  # the Kazakh address
        ("нет такого", []),
    ],
)
def test_search_matches_every_word_in_any_language(client, stations, query, numbers):
    response = client.get("/api/v1/stations", {"q": query})
    assert response.status_code == 200
    assert [s["number"] for s in response.json()["items"]] == numbers


def test_api_filters_by_region_and_pages(client, stations):
    body = client.get("/api/v1/stations", {"region": "KZ-75", "limit": 1}).json()
    assert body["count"] == 2
    assert [s["number"] for s in body["items"]] == ["101"]
    station = body["items"][0]
    assert station["address"] == {"kk": "Абай к-сі 10", "ru": "ул. Абая 10", "en": ""}
    assert station["region"] == "KZ-75"
    assert station["latitude"] == pytest.approx(43.238949)


def test_finder_page_and_htmx_partial(client, stations):
    page = client.get("/kk/stations/", {"q": "алмалинский"})
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="kk">' in html
    assert "Абай к-сі 10" in html  # the Kazakh address where there is one
    assert "ул. Толе би 5" in html  # the Russian one where there is not
    assert "ул. Школьная 1" not in html
    assert 'hx-get="/kk/stations/"' in html

    partial = client.get("/kk/stations/", {"q": "калбатау"}, HTTP_HX_REQUEST="true")
    fragment = partial.content.decode()
    assert "<html" not in fragment
    assert "ул. Школьная 1" in fragment


def test_finder_lists_in_constant_queries(client, stations, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get("/ru/stations/", HTTP_HX_REQUEST="true")


ASTANA = textwrap.dedent(
    f"""\
    {HEADER}
    100,KZ-71,район Есиль,,ул. Кенесары 1,,,,500
    10,KZ-71,район Есиль,,ул. Кенесары 2,,,,500
    2,KZ-71,район Есиль,,пр. Республики 3,,,,500
    1,KZ-71,район Есиль,,пр. Республики 4,,,,500
    """
)


@pytest.mark.parametrize(
    "query",
    ["Астана", "астане", "Astana", "город Астана", "Астана, Кенесары"],
)
def test_search_by_region_name_in_any_language_sorts_numbers_as_numbers(client, db, query):
    stations_import_text(text=GOOD + ASTANA.split("\n", 1)[1], country=country_default())
    items = client.get("/api/v1/stations", {"q": query}).json()["items"]
    expected = ["10", "100"] if "Кенесары" in query else ["1", "2", "10", "100"]
    assert [s["number"] for s in items] == expected


def test_finder_page_finds_the_region_in_kazakh_and_russian(client, stations):
    ru = client.get("/ru/stations/", {"q": "алматы"}).content.decode()
    kk = client.get("/kk/stations/", {"q": "Алматыдағы абая"}).content.decode()
    assert ("ул. Абая 10" in ru, "ул. Толе би 5" in ru, "ул. Школьная 1" in ru) == (
        True,
        True,
        False,
    )
    assert ("Абай к-сі 10" in kk, "ул. Толе би 5" in kk) == (True, False)
