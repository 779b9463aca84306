"""The election fingerprint, distributions by region, and the analysts' page."""

import csv
import io
import re

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from amanat.accounts.roles import Role
from amanat.forensics.fingerprint import (
    distribution,
    distributions_by_region,
    fingerprint_histogram,
    fingerprint_png,
)
from amanat.forensics.integer_percentages import integer_percentages_test
from amanat.forensics.tests.factories import CAST, ISSUED, LEADER, VOTERS, results_csv


def test_voters_land_in_their_whole_percent_cells():
    turnout = np.array([0.60, 0.604, 0.70, np.nan])
    share = np.array([0.70, 0.696, 0.50, 0.5])
    weights = np.array([1000.0, 500.0, 200.0, 999.0])
    histogram = fingerprint_histogram(turnout, share, weights)
    assert histogram.shape == (101, 101)
    assert histogram[70, 60] == 1500  # rows are share, columns turnout
    assert histogram[50, 70] == 200
    assert histogram.sum() == 1700  # the station without a turnout is left out


def test_the_image_puts_high_share_at_the_top_and_is_darkest_where_most_voters_are():
    turnout, share = np.array([0.9, 0.3]), np.array([0.95, 0.2])
    png = fingerprint_png(turnout, share, np.array([5000.0, 50.0]), scale=2)
    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    assert image.shape == (202, 202, 3)
    darkest = np.unravel_index(image.sum(axis=2).argmin(), image.shape[:2])
    assert darkest[0] // 2 == 100 - 95  # share 95 % near the top
    assert darkest[1] // 2 == 90
    light = image[(100 - 20) * 2, 30 * 2].sum()
    assert image[darkest].sum() < light < 3 * 255  # the small station shows, lighter


def test_distributions_count_stations_per_five_percent_band_by_region():
    assert distribution(np.array([0.0, 0.04, 0.05, 0.97, 1.0, np.nan]))[:2] == [2, 1]
    assert distribution(np.array([0.97, 1.0]))[-1] == 2
    rows = distributions_by_region(
        np.array([0.5, 0.95, 0.92, 0.4]), np.array([0.6, 0.9, 0.8, 0.5]),
        np.array(["B", "A", "A", "B"], dtype=object),
    )  # fmt: skip
    assert [(r["region"], r["stations"], r["high_turnout"]) for r in rows] == [
        ("A", 2, 1.0), ("B", 2, 0.0)]  # fmt: skip
    assert rows[1]["median_turnout"] == pytest.approx(0.45)


@pytest.mark.django_db
def test_an_analyst_brings_a_file_and_sees_fingerprint_regions_and_tests(client, make_user,
                                                                         tmp_path):  # fmt: skip
    path, (voters, turnout, votes) = results_csv(tmp_path)
    client.force_login(make_user(role=Role.ANALYST))
    with path.open("rb") as upload:
        response = client.post("/en/forensics/", {
            "table-file": upload, "table-voters": VOTERS, "table-turnout": ISSUED[0],
            "table-ballots": f"{CAST[0]}\n{CAST[1]}", "table-votes": LEADER,
            "table-region": "region", "table-min_voters": "100",
        })  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert 'src="data:image/png;base64,' in page
    expected = integer_percentages_test(voters=voters, turnout_count=turnout, ballots=turnout,
                                        votes=votes, replicates=0)  # fmt: skip
    observed = re.search(r"With a whole-number turnout or share</th><td>(\d+)", page).group(1)
    assert int(observed) == expected.observed
    assert page.count('class="bars"') == 6  # turnout and share for R0, R1, R2


@pytest.mark.django_db
def test_a_wrong_column_is_named_and_the_page_is_closed_to_others(client, make_user, tmp_path):
    path, _figures = results_csv(tmp_path, n=50, forged=0)
    client.force_login(make_user(role=Role.JOURNALIST))
    with path.open("rb") as upload:
        response = client.post("/ru/forensics/", {
            "table-file": upload, "table-voters": "Voters", "table-turnout": ISSUED[0],
            "table-ballots": CAST[1], "table-votes": LEADER, "table-min_voters": "100",
        })  # fmt: skip
    page = response.content.decode()
    assert "В файле results.csv нет столбца «Voters»." in page
    assert not re.search(r"tmp\w+\.csv", page)  # the server's temporary copy stays unnamed
    client.force_login(make_user(role=Role.OBSERVER))
    assert client.get("/ru/forensics/").status_code == 403


def _upload(client, language, name, content, voters=VOTERS):
    return client.post(f"/{language}/forensics/", {
        "table-file": SimpleUploadedFile(name, content), "table-voters": voters,
        "table-turnout": ISSUED[0], "table-ballots": "Ballots\nSpoilt", "table-votes": LEADER,
        "table-min_voters": "100",
    })  # fmt: skip


@pytest.mark.django_db
def test_file_errors_speak_the_pages_language(client, make_user):
    client.force_login(make_user(role=Role.ANALYST))
    table = io.StringIO()
    csv.writer(table).writerows([[VOTERS, ISSUED[0], LEADER], [1000, 600, 300]])
    header = table.getvalue().encode()
    two_missing = _upload(client, "kk", "results.csv", header).content.decode()
    assert "results.csv файлында «Ballots», «Spoilt» бағандары жоқ." in two_missing
    # Windows-1251, a zip or gzip that is not one: named, not a server error.
    for name, content in [("cik.csv", "Избиратели\n1000\n".encode("cp1251")),
                          ("cik.zip", b"not a zip"), ("cik.gz", b"not a gzip")]:  # fmt: skip
        response = _upload(client, "ru", name, content)
        assert response.status_code == 200
        assert (f"Файл {name} не удаётся прочитать. Загрузите CSV-файл в кодировке UTF-8, можно "
                "в архиве .zip или .gz.") in response.content.decode()  # fmt: skip
    english = _upload(client, "en", "results.csv", header, voters="Voters").content.decode()
    assert "results.csv has no columns “Voters”, “Ballots”, “Spoilt”." in english
