"""The application's district list is filled: every district under its region's name
without JavaScript, the chosen region's districts only once a region is chosen (htmx asks
the same page with ?region=), and a district of another region is refused."""

import re
import uuid

import pytest

from amanat.geography.tests.factories import DistrictFactory
from amanat.observers.models import Application
from amanat.observers.tests.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def districts():
    return {
        "esil": DistrictFactory(region=region("KZ-71"), name_ru="Есильский", name_kk="Есіл"),
        "saryarka": DistrictFactory(region=region("KZ-71"), name_ru="Сарыаркинский"),
        "medeu": DistrictFactory(region=region("KZ-75"), name_ru="Медеуский"),
    }


def district_select(page: str) -> str:
    return re.search(r'<select name="district"[^>]*id="id_district".*?</select>', page, re.S)[0]


def test_without_a_region_every_district_is_offered_under_its_region(client, districts):
    select = district_select(client.get("/ru/observers/apply/").content.decode())

    astana = re.search(rf'<optgroup label="{region("KZ-71").name_ru}">(.*?)</optgroup>', select,
                       re.S)[1]  # fmt: skip
    assert f'<option value="{districts["esil"].pk}">Есильский</option>' in astana
    assert f'<option value="{districts["saryarka"].pk}">Сарыаркинский</option>' in astana
    assert "Медеуский" not in astana
    assert f'<option value="{districts["medeu"].pk}">Медеуский</option>' in select


def test_choosing_a_region_narrows_the_list_and_the_region_asks_for_it(client, districts):
    page = client.get("/kk/observers/apply/", {"region": region("KZ-71").pk}).content.decode()
    select = district_select(page)

    assert "<optgroup" not in select
    assert f'<option value="{districts["esil"].pk}">Есіл</option>' in select
    assert "Медеуский" not in select
    region_select = re.search(r'<select name="region"[^>]*>', page)[0]
    assert 'hx-get="/kk/observers/apply/"' in region_select
    assert 'hx-select="#id_district"' in region_select


def form(**overrides) -> dict:
    return {"client_id": str(uuid.uuid4()), "full_name": "Нурлан Абенов",
            "phone": "+7 702 000 11 22", "region": region("KZ-71").pk, "languages": ["ru"],
            "availability": ["election_day"], "consent": "on", "pledge": "on",
            **overrides}  # fmt: skip


def test_the_chosen_district_is_stored_and_another_regions_is_refused(client, districts):
    wrong = client.post("/ru/observers/apply/", form(district=districts["medeu"].pk))
    right = client.post("/ru/observers/apply/", form(district=districts["esil"].pk))

    assert wrong.status_code == 400
    assert "Этот район не входит в выбранный регион." in wrong.content.decode()
    assert right.status_code == 200
    assert Application.objects.get().district == districts["esil"]
