import uuid

import pytest

from amanat.readiness.models import SelfCheck
from amanat.readiness.selfcheck import counts_by_region, counts_by_station

from .factories_conditions import station_with_commission

pytestmark = pytest.mark.django_db


def _post(client, station="7101", outcome="error", client_id=None, lang="en"):
    return client.post(
        f"/{lang}/readiness/self-check/",
        {"client_id": str(client_id or uuid.uuid4()), "station": station, "outcome": outcome,
         "details": "Год рождения указан 1899."},
    )  # fmt: skip


def test_a_self_check_is_stored_once_and_leads_to_its_page(client):
    station = station_with_commission("7101")
    client_id = uuid.uuid4()

    first = _post(client, client_id=client_id)
    again = _post(client, client_id=client_id)

    check = SelfCheck.objects.get()
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"/en/readiness/self-check/{check.code}/"
    assert (check.station, check.region.code, check.outcome) == (station, "KZ-71", "error")
    page = client.get(first["Location"]).content.decode()
    assert "Precinct election commission No. 7101" in page
    assert 'name="name"' in page  # the finding offers the challenge


def test_a_correct_entry_offers_no_challenge(client):
    station_with_commission("7101")
    response = _post(client, outcome="correct")
    page = client.get(response["Location"]).content.decode()
    assert 'name="name"' not in page
    code = SelfCheck.objects.get().code
    refused = client.post(f"/en/readiness/self-check/{code}/challenge/",
                          {"name": "A", "contact": "B", "language": "ru"})  # fmt: skip
    assert refused.status_code == 404


@pytest.mark.parametrize(
    ("station", "outcome", "field"),
    [("9999", "error", "station"), ("7101", "guess", "outcome"), ("", "error", "station")],
)
def test_bad_input_is_answered_in_the_form_and_stores_nothing(client, station, outcome, field):
    station_with_commission("7101")
    response = _post(client, station=station, outcome=outcome, lang="ru")
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert SelfCheck.objects.count() == 0


def test_counts_are_per_region_and_station_and_never_an_estimate(client):
    astana, almaty = station_with_commission("7101"), station_with_commission("7501", "KZ-75")
    station_with_commission("7102")
    for number, outcome in [("7101", "error"), ("7101", "correct"), ("7102", "missing"),
                            ("7501", "strangers")]:  # fmt: skip
        _post(client, station=number, outcome=outcome)

    regions = {row.region.code: row for row in counts_by_region()}
    assert regions["KZ-71"].counts == {"correct": 1, "error": 1, "missing": 1, "strangers": 0}
    assert regions["KZ-71"].total == 3
    assert regions["KZ-75"].counts["strangers"] == 1
    assert regions["KZ-35"].total == 0
    stations = list(counts_by_station(astana.district.region))
    assert [(r["station__number"], r["total"], r["error"]) for r in stations] == [
        ("7101", 2, 1), ("7102", 1, 0),
    ]  # fmt: skip
    assert almaty.number not in {r["station__number"] for r in stations}

    page = client.get("/en/readiness/self-check/counts/?region=KZ-71").content.decode()
    assert "not an estimate" in page
    assert "%" not in page.split('id="not-an-estimate"')[1]


def test_the_form_is_rate_limited(client):
    station_with_commission("7101")
    statuses = [_post(client).status_code for _ in range(21)]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429
    assert SelfCheck.objects.count() == 20
