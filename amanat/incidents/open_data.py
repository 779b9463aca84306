"""The published incidents as open data (CSV and GeoJSON): public fields only, no reporter, no
contact, no text of the original report.

The whole set is a file for each format, rebuilt by a task after every change of what is
published (publication, withdrawal, a published report's status or a merge:
`open_data_changed`, in the transaction of the change). Each change writes a new version and the
files carry it in their name, so from the moment a withdrawal commits its file is no longer
the current one: the next download never serves the withdrawn report, even before the task ran.
While the current version has no file yet, the download builds it in the request (as every
download did before) and keeps it for the next ones. A filtered download is built in the
request from the database, as before."""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.db import transaction

from amanat.core.spreadsheets import csv_writer
from amanat.evidence.files import file_write
from amanat.evidence.services import private_dir

from . import selectors
from .models import OpenDataVersion

FOLDER = "open-data"
FORMATS = ("csv", "geojson")
FIELDS = ["id", "occurred_at", "category", "phase", "region", "station", "status",
          "credibility", "summary", "latitude", "longitude"]  # fmt: skip
NAMED = re.compile(r"^incidents-([0-9a-f]{32})\.(csv|geojson)$")


def public_rows(**filters: Any) -> Iterator[dict[str, Any]]:
    for report in selectors.reports_published(**filters).iterator(chunk_size=2000):
        station = report.station
        yield {
            "id": report.pk,
            "occurred_at": report.occurred_at.isoformat(),
            "category": report.category.code if report.category else "",
            "phase": report.category.phase if report.category else "",
            "region": report.region.code,
            "station": station.number if station else "",
            "status": report.status,
            "credibility": report.credibility,
            "summary": report.public_summary,
            "latitude": float(station.latitude) if station and station.latitude else None,
            "longitude": float(station.longitude) if station and station.longitude else None,
        }


def csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    """With a byte-order mark so that spreadsheet programs read the Cyrillic right; text a
    reporter typed never runs as a formula (csv_writer)."""
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv_writer(stream)
    writer.writerow(FIELDS)
    writer.writerows([row[field] for field in FIELDS] for row in rows)
    return stream.getvalue().encode("utf-8")


def geojson_bytes(rows: list[dict[str, Any]]) -> bytes:
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
         if row["latitude"] is not None else None,
         "properties": {k: v for k, v in row.items() if k not in ("latitude", "longitude")}}
        for row in rows
    ]  # fmt: skip
    body = {"type": "FeatureCollection", "features": features}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


ENCODERS = {"csv": csv_bytes, "geojson": geojson_bytes}


def version_current() -> str:
    row, _created = OpenDataVersion.objects.get_or_create(pk=1)
    return row.version.hex


def _path(version: str, fmt: str) -> Path:
    return private_dir(FOLDER) / f"incidents-{version}.{fmt}"


def open_data_file(fmt: str) -> Path | None:
    """The current file of this format, or None while it is being prepared."""
    path = _path(version_current(), fmt)
    return path if path.is_file() else None


def _files_stale() -> None:
    """Delete the files of every version but the current one (read now, not when a build
    began: a build that found a newer version meanwhile deletes its own files)."""
    current = version_current()
    for path in private_dir(FOLDER).iterdir():
        named = NAMED.match(path.name)
        if named and named.group(1) != current:
            path.unlink(missing_ok=True)


def open_data_changed() -> None:
    """What is published changed: a new version inside the caller's transaction (the old files
    stop being served when the change commits); after the commit the old files are deleted and
    the new ones built by a task."""
    OpenDataVersion.objects.update_or_create(pk=1, defaults={"version": uuid.uuid4()})
    from .tasks import open_data_build_task  # the tasks module imports this one

    def after_commit() -> None:
        _files_stale()
        open_data_build_task.delay()

    transaction.on_commit(after_commit)


def open_data_build() -> str:
    """Write the current version's files, unless they exist (the task run twice does nothing
    more), and delete the others. The version is read before the rows: the rows are never
    older than the version the files are named by. Returns the version."""
    version = version_current()
    paths = {fmt: _path(version, fmt) for fmt in FORMATS}
    if not all(path.is_file() for path in paths.values()):
        rows = list(public_rows())
        for fmt, path in paths.items():
            file_write(ENCODERS[fmt](rows), path)
    _files_stale()
    return version


def open_data_open(fmt: str) -> IO[bytes]:
    """The current file of this format, open: as it is, or built now while it is being
    prepared. A file deleted between finding and opening it (a change committed meanwhile) is
    looked for again; an open file stays readable when it is deleted."""
    for _attempt in range(3):
        path = open_data_file(fmt) or _path(open_data_build(), fmt)
        try:
            return path.open("rb")
        except FileNotFoundError:
            continue
    return io.BytesIO(ENCODERS[fmt](list(public_rows())))
