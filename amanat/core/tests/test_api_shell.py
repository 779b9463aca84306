import pytest


@pytest.mark.django_db
def test_regions_lists_all_twenty_units_in_three_languages(client):
    response = client.get("/api/v1/regions")

    assert response.status_code == 200
    regions = response.json()
    assert len(regions) == 20
    assert sum(r["type"] == "city" for r in regions) == 3
    almaty = next(r for r in regions if r["code"] == "KZ-75")
    assert almaty["name"] == {"kk": "Алматы", "ru": "город Алматы", "en": "Almaty"}
    assert (almaty["name_kk"], almaty["name_ru"], almaty["name_en"]) == (
        "Алматы",
        "город Алматы",
        "Almaty",
    )
    assert almaty["kato"] == "750000000"


@pytest.mark.django_db
def test_openapi_describes_the_api(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/auth/token" in schema["paths"]
    assert "/api/v1/regions" in schema["paths"]


@pytest.mark.django_db
def test_api_docs_use_our_own_static_files(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in html
    assert "https://" not in html.split("<body")[0]


@pytest.mark.django_db
def test_unknown_api_path_is_404(client):
    assert client.get("/api/v1/nothing-here").status_code == 404
