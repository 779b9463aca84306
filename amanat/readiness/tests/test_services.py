from datetime import date, timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.audit.models import AuditEntry
from amanat.geography.tests.factories import PollingStationFactory
from amanat.readiness.models import AuditProject, ExtractEntry, SampledName
from amanat.readiness.selectors import findings
from amanat.readiness.services import (
    AuditError,
    extract_upload,
    extracts_purge_due,
    project_draw_stations,
)
from amanat.readiness.tasks import purge_extracts

from .factories import AuditProjectFactory, audit_in, extract_csv

pytestmark = pytest.mark.django_db


def test_stations_are_drawn_once_proportional_to_voters_and_numbered():
    big = PollingStationFactory(registered_voters=3000)
    small = [PollingStationFactory(registered_voters=10) for _ in range(20)]
    project = AuditProjectFactory(stations_wanted=2, seed=3)
    assert project_draw_stations(project=project, actor=None) == 2
    drawn = list(project.stations.order_by("number"))
    # 3000 of 3200 voters: the big station is larger than the interval 1600, always drawn.
    assert big.pk in {row.station_id for row in drawn}
    assert [row.number for row in drawn] == [1, 2]
    assert {row.station_id for row in drawn} <= {big.pk, *(s.pk for s in small)}
    project.refresh_from_db()
    assert project.status == AuditProject.Status.FIELDWORK
    with pytest.raises(AuditError):
        project_draw_stations(project=project, actor=None)
    assert project.stations.count() == 2
    assert AuditEntry.objects.filter(action="readiness.stations_drawn").count() == 1


def test_an_extract_gives_systematically_drawn_names_with_codes():
    project = audit_in(regions=("KZ-71",), per_region=1)
    row = project.stations.get()
    assert row.extract_size == 30
    names = list(row.names.select_related("entry").order_by("code"))
    assert [n.code for n in names] == [f"L-0001-0{i}" for i in range(1, 6)]
    positions = [n.entry.position for n in names]
    assert {b - a for a, b in zip(positions, positions[1:], strict=False)} == {6}  # 30 / 5


def test_a_bad_extract_changes_nothing():
    project = audit_in(regions=("KZ-71",), per_region=1)
    row = project.stations.get()
    before = list(row.names.values_list("code", "entry__full_name"))
    admin = UserFactory(role=Role.ADMIN)
    for data in (b"who,when\nx,y\n", b"name,birth_date,address\nA,31.02.1990,X\n", b"\xff\xfe"):
        with pytest.raises(AuditError):
            extract_upload(audit_station=row, data=data, actor=admin)
    assert list(row.names.values_list("code", "entry__full_name")) == before


def test_computer_tests_find_duplicates_ages_and_crowded_addresses():
    project = audit_in(regions=("KZ-71",), per_region=1)
    row = project.stations.get()
    day = project.election.election_day
    lines = [
        "name,birth_date,address",
        "Fake Person,1970-01-01,Street 1",
        " fake  person ,01.01.1970,Street 2",  # the same person, written differently
        f"Too Young,{(day - timedelta(days=17 * 366)).isoformat()},Street 3",
        "Too Old,1900-01-01,Street 3",
        *[f"Crowd {i},1980-01-01,Crowded street 9" for i in range(11)],
    ]
    extract_upload(audit_station=row, data="\n".join(lines).encode(),
                   actor=UserFactory(role=Role.ADMIN))  # fmt: skip
    found = findings(row)
    assert [[e.full_name for e in group] for group in found.duplicates] == [
        ["Fake Person", "fake person"]
    ]
    assert [e.full_name for e in found.too_young] == ["Too Young"]
    assert [e.full_name for e in found.too_old] == ["Too Old"]
    assert found.crowded == [("Crowded street 9", 11)]


def test_purge_deletes_extracts_on_the_day_keeps_codes_and_writes_the_log():
    project = audit_in(purge_on=timezone.localdate() + timedelta(days=1))
    codes = sorted(SampledName.objects.values_list("code", flat=True))
    assert extracts_purge_due() == 0  # not yet
    assert ExtractEntry.objects.count() == 120
    assert extracts_purge_due(timezone.localdate() + timedelta(days=1)) == 120
    assert ExtractEntry.objects.count() == 0
    assert sorted(SampledName.objects.values_list("code", flat=True)) == codes
    assert not SampledName.objects.exclude(entry=None).exists()
    entry = AuditEntry.objects.get(action="readiness.extracts_purged")
    assert (entry.object_id, entry.data) == (str(project.pk), {"entries": 120})
    project.refresh_from_db()
    assert project.purged_at is not None
    # Run again (beat runs it every hour): nothing more, no second log row.
    assert purge_extracts() == 0
    assert AuditEntry.objects.filter(action="readiness.extracts_purged").count() == 1
    with pytest.raises(AuditError):
        extract_upload(audit_station=project.stations.first(), data=extract_csv("X"),
                       actor=UserFactory(role=Role.ADMIN))  # fmt: skip


def test_extract_dates_in_both_formats():
    project = audit_in(regions=("KZ-71",), per_region=1)
    row = project.stations.get()
    extract_upload(audit_station=row, data=b"name,birth_date,address\nA,02.03.1990,X\nB,,Y\n",
                   actor=UserFactory(role=Role.ADMIN))  # fmt: skip
    assert list(row.entries.values_list("birth_date", flat=True)) == [date(1990, 3, 2), None]
