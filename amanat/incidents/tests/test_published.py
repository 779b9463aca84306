"""The public incidents page: filters by date and credibility, statistics and the station map."""

import pytest

pytestmark = pytest.mark.django_db


def test_filters_by_credibility_and_date_narrow_the_list(client, published):
    day = published.occurred_at.date().isoformat()
    link = f'href="/ru/incidents/{published.pk}/"'
    narrowed = client.get(f"/ru/incidents/?credibility=documented&date_from={day}")
    assert link in narrowed.content.decode()
    assert link not in client.get("/ru/incidents/?credibility=single").content.decode()
    assert link not in client.get("/ru/incidents/?date_to=2000-01-01").content.decode()
    # A malformed date is ignored rather than failing the page.
    assert client.get("/ru/incidents/?date_from=31.12.2026").status_code == 200


def test_statistics_and_the_station_dot(client, published):
    page = client.get("/en/incidents/").content.decode()
    assert 'class="incident-dot"' in page
    # Astana (51.1 N, 71.4 E) lands inside the drawing, right of centre and above the middle.
    x = float(page.split('class="incident-dot"')[0].rsplit('cx="', 1)[1].split('"')[0])
    assert 335 < x < 665
    stats = client.get("/en/incidents/").context["statistics"]
    assert stats["phase"] == [("Voting day", 1)]
    assert stats["region"][0][1] == 1
    assert [count for _label, count in stats["category"]] == [1]
    empty = client.get("/en/incidents/?credibility=single")
    assert 'class="incident-dot"' not in empty.content.decode()
    assert empty.context["statistics"]["category"] == []
