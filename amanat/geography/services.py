"""Writes for geography: importing polling stations."""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from amanat.audit.services import audit_record

from .models import Country, District, ElectionCommission, PollingStation, Settlement
from .selectors import region_lookup
from .station_rows import LANGS, RowInvalid, StationRow, parse_station_row

BATCH = 1000
REQUIRED_COLUMNS = {"number", "region", "registered_voters"}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("line %(line)s, %(field)s: %(message)s") % {
            "line": self.line,
            "field": self.field,
            "message": self.message,
        }


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False


def _read_rows(
    stream: Iterable[str], regions: dict[str, int], report: ImportReport
) -> list[StationRow]:
    reader = csv.DictReader(stream)
    header = {name.strip() for name in (reader.fieldnames or [])}
    missing = REQUIRED_COLUMNS - header
    if not {"district", "district_ru"} & header:
        missing.add("district")
    if not {f"address{suffix}" for suffix in ("", "_ru", "_kk", "_en")} & header:
        missing.add("address")
    if missing:
        report.errors.append(
            RowError(1, "header", _("missing columns: %s") % ", ".join(sorted(missing)))
        )
        return []
    rows: list[StationRow] = []
    first_line: dict[str, int] = {}
    line = reader.line_num + 1
    for raw in reader:
        raw = {(key or "").strip(): value for key, value in raw.items()}
        try:
            row = parse_station_row(raw, line=line, regions=regions)
            if row.number in first_line:
                raise RowInvalid(
                    "number",
                    _("station %(number)s is already on line %(line)s")
                    % {"number": row.number, "line": first_line[row.number]},
                )
            first_line[row.number] = line
            rows.append(row)
        except RowInvalid as invalid:
            report.errors.append(RowError(line, invalid.field, invalid.message))
        line = reader.line_num + 1
    return rows


def stations_import(
    *,
    stream: Iterable[str],
    country: Country,
    skip_invalid: bool = False,
    actor: AbstractBaseUser | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import polling stations from CSV text, creating districts and settlements as needed.

    All or nothing: with any bad row nothing is written unless skip_invalid is set, in which
    case the good rows are written and the bad ones reported. Re-importing the same file
    changes nothing (stations are matched by number within the country).
    """
    report = ImportReport()
    rows = _read_rows(stream, region_lookup(country), report)
    header_broken = any(error.field == "header" for error in report.errors)
    if header_broken or (report.errors and not skip_invalid):
        return report
    report.skipped = len(report.errors)
    with transaction.atomic():
        _StationWriter(country, report, progress).write(rows)
        report.applied = True
        audit_record(
            action="geography.import_stations",
            actor=actor,
            data={
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": report.skipped,
            },
        )
    return report


def stations_import_text(*, text: str, **kwargs: Any) -> ImportReport:
    return stations_import(stream=io.StringIO(text), **kwargs)


class _StationWriter:
    """Bulk upsert of parsed rows: a handful of queries per thousand stations."""

    FIELDS = ("name", "address")

    def __init__(
        self, country: Country, report: ImportReport, progress: Callable[[int], None] | None
    ) -> None:
        self.country = country
        self.report = report
        self.progress: Callable[[int], None] = progress or (lambda n: None)

    def write(self, rows: list[StationRow]) -> None:
        districts = self._districts(rows)
        settlements = self._settlements(rows, districts)
        existing = {s.number: s for s in PollingStation.objects.filter(country=self.country)}
        to_create, to_update = [], []
        for row in rows:
            district = districts[(row.region_id, row.district["ru"])]
            settlement = settlements.get((district.pk, row.settlement["ru"]))
            station = existing.get(row.number)
            if station is None:
                station = self._station(PollingStation(country=self.country), row)
                station.district, station.settlement = district, settlement
                station.search_text = station_search_text(station)
                to_create.append(station)
            elif self._apply(station, row, district, settlement):
                to_update.append(station)
            else:
                self.report.unchanged += 1
        self._create(to_create)
        self._update(to_update)

    def _districts(self, rows: list[StationRow]) -> dict[tuple[int, str | None], District]:
        known = {(d.region_id, d.name_ru): d for d in District.objects.all()}
        new: dict[tuple[int, str | None], District] = {}
        for row in rows:
            key = (row.region_id, row.district["ru"])
            if key not in known and key not in new:
                new[key] = District(region_id=row.region_id, **_names("name", row.district))
        District.objects.bulk_create(new.values(), batch_size=BATCH)
        known.update(new)
        self._district_commissions(new.values())
        return known

    def _district_commissions(self, districts: Iterable[District]) -> None:
        territorial = {
            c.region_id: c
            for c in ElectionCommission.objects.filter(
                country=self.country, level=ElectionCommission.Level.TERRITORIAL
            )
        }
        ElectionCommission.objects.bulk_create(
            [
                ElectionCommission(
                    country=self.country,
                    level=ElectionCommission.Level.DISTRICT,
                    code=f"D{d.pk}",
                    parent=territorial.get(d.region_id),
                    region_id=d.region_id,
                    district=d,
                    **_commission_names(d),
                )
                for d in districts
            ],
            batch_size=BATCH,
        )

    def _settlements(
        self, rows: list[StationRow], districts: dict[tuple[int, str | None], District]
    ) -> dict[tuple[int, str | None], Settlement]:
        known = {(s.district_id, s.name_ru): s for s in Settlement.objects.all()}
        new: dict[tuple[int, str | None], Settlement] = {}
        for row in rows:
            if not row.settlement["ru"]:
                continue
            district = districts[(row.region_id, row.district["ru"])]
            key = (district.pk, row.settlement["ru"])
            if key not in known and key not in new:
                new[key] = Settlement(district=district, **_names("name", row.settlement))
        Settlement.objects.bulk_create(new.values(), batch_size=BATCH)
        known.update(new)
        return known

    def _station(self, station: PollingStation, row: StationRow) -> PollingStation:
        station.number = row.number
        for field_name in self.FIELDS:
            for lang, value in getattr(row, field_name).items():
                setattr(station, f"{field_name}_{lang}", value)
        station.latitude, station.longitude = row.latitude, row.longitude
        station.registered_voters = row.registered_voters
        station.is_abroad, station.is_synthetic = row.is_abroad, row.is_synthetic
        return station

    def _apply(
        self,
        station: PollingStation,
        row: StationRow,
        district: District,
        settlement: Settlement | None,
    ) -> bool:
        before = self._snapshot(station)
        self._station(station, row)
        station.district, station.settlement = district, settlement
        station.search_text = station_search_text(station)
        return self._snapshot(station) != before

    def _snapshot(self, station: PollingStation) -> tuple[object, ...]:
        values: list[object] = [
            station.district_id,
            station.settlement_id,
            station.latitude,
            station.longitude,
        ]
        values += [station.registered_voters, station.is_abroad, station.is_synthetic]
        values += [getattr(station, f"{f}_{lang}") for f in self.FIELDS for lang in LANGS]
        values.append(station.search_text)
        return tuple(values)

    def _create(self, stations: list[PollingStation]) -> None:
        parents = {
            c.district_id: c
            for c in ElectionCommission.objects.filter(
                country=self.country, level=ElectionCommission.Level.DISTRICT
            )
        }
        for start in range(0, len(stations), BATCH):
            batch = stations[start : start + BATCH]
            commissions = ElectionCommission.objects.bulk_create(
                [self._precinct_commission(s, parents) for s in batch]
            )
            for station, commission in zip(batch, commissions, strict=True):
                station.commission = commission
            PollingStation.objects.bulk_create(batch)
            self.report.created += len(batch)
            self.progress(len(batch))

    def _precinct_commission(
        self, station: PollingStation, parents: dict[int | None, ElectionCommission]
    ) -> ElectionCommission:
        return ElectionCommission(
            country=self.country,
            level=ElectionCommission.Level.PRECINCT,
            code=station.number,
            parent=parents.get(station.district.pk),
            region_id=station.district.region_id,
            district=station.district,
            name_kk=f"№{station.number} учаскелік сайлау комиссиясы",
            name_ru=f"Участковая избирательная комиссия №{station.number}",
            name_en=f"Precinct election commission No. {station.number}",
        )

    def _update(self, stations: list[PollingStation]) -> None:
        fields = ["district", "settlement", "latitude", "longitude", "registered_voters"]
        fields += ["is_abroad", "is_synthetic", "search_text"]
        fields += [f"{f}_{lang}" for f in self.FIELDS for lang in LANGS]
        PollingStation.objects.bulk_update(stations, fields, batch_size=BATCH)
        self.report.updated += len(stations)
        self.progress(len(stations) + self.report.unchanged)


def station_search_text(station: PollingStation) -> str:
    """What the public station finder matches against (see PollingStation.search_text)."""
    parts = [station.number]
    parts += [getattr(station, f"{f}_{lang}") or "" for f in ("name", "address") for lang in LANGS]
    for place in (station.district, station.settlement):
        if place is not None:
            parts += [getattr(place, f"name_{lang}") or "" for lang in LANGS]
    return " ".join(part for part in parts if part).casefold()


def station_save(
    *, station: PollingStation, actor: AbstractBaseUser | None = None
) -> PollingStation:
    """Save a station edited by hand (the admin), keeping its search text in step."""
    station.search_text = station_search_text(station)
    station.save()
    audit_record(action="geography.change_station", actor=actor, obj=station)
    return station


def _names(field_name: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field_name}_{lang}": value for lang, value in values.items()}


def _commission_names(district: District) -> dict[str, str]:
    return {
        "name_kk": f"{district.name_kk or district.name_ru} аумақтық сайлау комиссиясы",
        "name_ru": f"Избирательная комиссия: {district.name_ru}",
        "name_en": f"Election commission: {district.name_en or district.name_ru}",
    }
