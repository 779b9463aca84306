"""Hypothesis over the CSV imports (issue 16, guards): random cells, rows of any length and
bytes that are not UTF-8 give a clear error per row (or per file), never a crash; a
coordinator's upload is answered with a page, never a 500."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amanat.accounts.roles import Role
from amanat.geography.models import Country
from amanat.geography.services import stations_import_text
from amanat.geography.tests.factories import PollingStationFactory
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory, region

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
cells = st.text(max_size=40) | st.sampled_from(
    ["", "KZ-75", "Астана", "12", "٣", "²", "1e9", "99999999999999999999", "-1", "=1+1", "да"]
)
rows = st.lists(st.lists(cells, max_size=12), min_size=1, max_size=4)
STATION_HEADER = ["number", "region", "district", "address", "registered_voters", "latitude",
                  "longitude", "is_abroad", "name", "settlement", "district_kk"]  # fmt: skip


def _csv(header, body) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue()


def test_station_import_reports_every_bad_row(db):
    country = Country.objects.get(code="KZ")

    @FUZZ
    @given(body=rows, skip_invalid=st.booleans())
    def check(body, skip_invalid):
        report = stations_import_text(
            text=_csv(STATION_HEADER, body), country=country, skip_invalid=skip_invalid
        )
        for error in report.errors:
            assert error.line >= 2
            assert error.field
            assert error.message
        assert report.applied or report.errors

    check()


@pytest.mark.parametrize("voters", ["²", "٣", "99999999999999999999"])
def test_station_import_refuses_a_count_that_is_no_number_of_voters(db, voters):
    row = ["77001", "KZ-75", "Есильский", "ул. Абая 1", voters, "", "", "", "", "", ""]
    report = stations_import_text(
        text=_csv(STATION_HEADER, [row]), country=Country.objects.get(code="KZ")
    )
    assert [(e.line, e.field) for e in report.errors] == [(2, "registered_voters")]
    assert not report.applied


def test_a_coordinator_s_deployment_upload_never_crashes(client, make_user):
    ElectionFactory()
    observer = ObserverFactory()
    station = PollingStationFactory()
    coordinator = make_user(role=Role.COORDINATOR, regions=[region("KZ-71"), region("KZ-75")])
    client.force_login(coordinator)
    known = st.sampled_from([observer.user.username, station.number, "mobile", "full_day"])

    @FUZZ
    @given(body=st.lists(st.lists(cells | known, max_size=6), min_size=1, max_size=4),
           tail=st.binary(max_size=8))  # fmt: skip
    def check(body, tail):
        content = _csv(["observer", "station", "kind", "shift"], body).encode() + tail
        upload = SimpleUploadedFile("deployments.csv", content, content_type="text/csv")
        response = client.post("/en/observers/deployments/csv/", {"file": upload})
        assert response.status_code in (200, 400), response.status_code

    check()
