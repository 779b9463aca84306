import io
import textwrap

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from amanat.audit.models import AuditEntry
from amanat.geography.models import District, ElectionCommission, PollingStation, Settlement
from amanat.geography.selectors import country_default
from amanat.geography.services import stations_import_text
from amanat.geography.tests.factories import GOOD


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def run(text, **kwargs):
    return stations_import_text(text=text, country=country_default(), **kwargs)


@pytest.mark.django_db
def test_import_creates_stations_districts_settlements_and_commissions():
    report = run(GOOD)

    assert (report.created, report.updated, report.unchanged, report.errors) == (4, 0, 0, [])
    station = PollingStation.objects.select_related("district__region").get(number="101")
    assert station.district.region.code == "KZ-75"
    assert station.address_ru == "ул. Абая 10"
    assert station.address_kk == "Абай к-сі 10"
    assert str(station.latitude) == "43.238949"
    assert station.registered_voters == 1850
    assert PollingStation.objects.get(number="103").district.region.code == "KZ-10"
    assert PollingStation.objects.get(number="104").district.region.code == "KZ-33"
    assert PollingStation.objects.get(number="103").settlement.name_ru == "село Калбатау"
    assert District.objects.count() == 3
    assert Settlement.objects.count() == 1
    commission = station.commission
    assert commission.level == ElectionCommission.Level.PRECINCT
    assert commission.parent.level == ElectionCommission.Level.DISTRICT
    assert commission.parent.parent.level == ElectionCommission.Level.TERRITORIAL
    assert commission.parent.parent.parent.level == ElectionCommission.Level.CENTRAL


@pytest.mark.django_db
def test_reimport_changes_nothing_and_a_changed_row_is_updated():
    run(GOOD)
    again = run(GOOD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert PollingStation.objects.count() == 4
    assert ElectionCommission.objects.filter(level="precinct").count() == 4

    changed = run(GOOD.replace(",1850", ",1900"))
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 3)
    assert PollingStation.objects.get(number="101").registered_voters == 1900


@pytest.mark.django_db
def test_any_bad_row_imports_nothing_and_each_is_reported_with_its_line():
    bad = GOOD + textwrap.dedent(
        """\
        105,Нарния,Район,,ул. 1,,,,10
        106,KZ-75,Район,,ул. 2,,91.5,76.9,10
        107,KZ-75,Район,,ул. 3,,,,много
        101,KZ-75,Район,,ул. 4,,,,10
        108,KZ-75,Район,,ул. 5,,43.2,,10
        """
    )
    report = run(bad)

    assert not report.applied
    assert PollingStation.objects.count() == 0
    assert District.objects.count() == 0
    assert [(e.line, e.field) for e in report.errors] == [
        (6, "region"),
        (7, "latitude"),
        (8, "registered_voters"),
        (9, "number"),
        (10, "latitude"),
    ]
    assert "Нарния" in report.errors[0].message
    assert "line 2" in report.errors[3].message


@pytest.mark.django_db
def test_skip_invalid_imports_the_good_rows_only():
    bad = GOOD + "105,Нарния,Район,,ул. 1,,,,10\n"
    report = run(bad, skip_invalid=True)

    assert report.applied
    assert (report.created, report.skipped) == (4, 1)
    assert set(PollingStation.objects.values_list("number", flat=True)) == {
        "101",
        "102",
        "103",
        "104",
    }


@pytest.mark.django_db
def test_missing_columns_are_named():
    report = run("number,region\n1,KZ-75\n", skip_invalid=True)
    assert not report.applied
    assert report.errors[0].line == 1
    assert "address" in report.errors[0].message
    assert "district" in report.errors[0].message
    assert "registered_voters" in report.errors[0].message


@pytest.mark.django_db
def test_import_is_audited():
    run(GOOD)
    entry = AuditEntry.objects.get(action="geography.import_stations")
    assert entry.data == {"created": 4, "updated": 0, "unchanged": 0, "skipped": 0}


@pytest.mark.django_db
def test_command_reports_bad_rows_and_exits_non_zero(tmp_path):
    path = tmp_path / "stations.csv"
    path.write_text(GOOD + "105,Нарния,Район,,ул. 1,,,,10\n", encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 invalid row"):
        call_command("import_stations", str(path), "--no-progress", stderr=err)

    assert "line 6, region: unknown region “Нарния”" in err.getvalue()
    assert PollingStation.objects.count() == 0

    out = io.StringIO()
    call_command("import_stations", str(path), "--skip-invalid", "--no-progress", stdout=out)
    assert "created 4, updated 0, unchanged 0, skipped 1" in out.getvalue()


@pytest.mark.django_db
def test_command_speaks_russian_when_asked(tmp_path):
    path = tmp_path / "stations.csv"
    path.write_text(GOOD + "105,Нарния,Район,,ул. 1,,,,10\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_stations", str(path), "--no-progress", "--lang", "ru", stderr=err)
    assert "строка 6" in err.getvalue()
