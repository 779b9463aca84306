"""Writes for incidents: taking a report with its evidence, once per client id."""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypedDict

from django.contrib.auth.models import AnonymousUser
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.core.codes import code_derived, code_hash
from amanat.evidence.allowance import UploadRefused, allowance_take, files_count_check
from amanat.evidence.services import (
    EVIDENCE_FOLDER,
    Checked,
    EvidenceRejected,
    file_check,
    file_store,
)
from amanat.geography.models import PollingStation, Region

from .models import Category, Evidence, Report
from .timeline import event_add

TAXONOMY = Path(__file__).resolve().parent / "content" / "taxonomy.toml"
CLOCK_SKEW = timedelta(minutes=10)


class ReportInvalid(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass
class ReportInput:
    client_id: uuid.UUID
    source: str
    description: str
    occurred_at: datetime | None
    region_code: str = ""
    station_number: str = ""
    place: str = ""
    category_code: str = ""
    contact: str = ""
    # (name, content): an uploaded file (streamed to disk, never read whole) or bytes.
    files: Sequence[tuple[str, bytes | File[Any]]] = field(default_factory=list)
    # Whom the files count against (amanat.evidence.allowance.uploader_key); "" counts nothing.
    uploader: str = ""


def categories_load(path: Path = TAXONOMY) -> int:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for position, item in enumerate(data["categories"], start=1):
        Category.objects.update_or_create(
            code=item["code"],
            defaults={"phase": item["phase"], "position": position,
                      **{f"name_{lang}": item[lang] for lang in ("kk", "ru", "en")}},
        )  # fmt: skip
    return len(data["categories"])


class _Found(TypedDict):
    station: PollingStation | None
    region: Region | None
    category: Category | None


def _resolve(data: ReportInput) -> tuple[_Found, dict[str, str]]:
    errors: dict[str, str] = {}
    if len(data.description.strip()) < 10:
        errors["description"] = _("Describe what happened in a sentence or two.")
    if data.occurred_at is None:
        errors["occurred_at"] = _("Say when it happened.")
    elif data.occurred_at > timezone.now() + CLOCK_SKEW:
        errors["occurred_at"] = _("This time is in the future.")
    station = None
    if data.station_number:
        station = (
            PollingStation.objects.select_related("district")
            .filter(number=data.station_number.strip())
            .first()
        )
        if station is None:
            errors["station"] = _("There is no station %(number)s.") % {
                "number": data.station_number
            }
    region = (
        Region.objects.filter(code=data.region_code.strip().upper()).first()
        if data.region_code
        else None
    )
    if station is not None:
        region = Region.objects.get(pk=station.district.region_id)
    elif region is None and "station" not in errors:
        errors["region"] = _("Give the polling station, or the region and the place.")
    category = None
    if data.category_code:
        category = Category.objects.filter(code=data.category_code).first()
        if category is None:
            errors["category"] = _("Unknown category “%(code)s”.") % {"code": data.category_code}
    return _Found(station=station, region=region, category=category), errors


def report_submit(
    *, data: ReportInput, reporter: User | AnonymousUser | None = None
) -> tuple[Report, str | None]:
    """Check everything, then store the report and every file, or nothing. The follow-up code
    is derived from the client id, so a resent form gets the same report and the same code;
    a client id resent by someone else gets the report but no code (None)."""
    code = code_derived(data.client_id, "incident")
    existing = Report.objects.filter(client_id=data.client_id).first()
    if existing is not None:
        return existing, code if report_resent_by_reporter(existing, data, reporter) else None
    found, errors = _resolve(data)
    checked, file_errors = _files_check(data.files)
    errors.update(file_errors)
    if not errors:
        errors.update(_allowance_take(data.uploader, checked))
    occurred_at = data.occurred_at
    if errors or occurred_at is None:  # _resolve names a missing time
        raise ReportInvalid(errors)
    with transaction.atomic():
        report = Report.objects.create(
            client_id=data.client_id, follow_up_hash=code_hash(code), source=data.source,
            reporter=reporter if isinstance(reporter, User) else None,
            contact=data.contact.strip()[:200], description=data.description.strip(),
            occurred_at=occurred_at, place=data.place.strip()[:300], **found,
        )  # fmt: skip
        _evidence_save(report, checked)
        event_add(report, "received")
    return report, code


def report_resent_by_reporter(
    report: Report, data: ReportInput, reporter: User | AnonymousUser | None
) -> bool:
    """Whether a resent client id comes from whoever sent the report: the same account, or,
    for a report sent without one, the same words, time and contact. A lost answer is resent
    by the same phone or page with what the reporter typed; someone who only learned the id
    (a log, a shared link, a predictable id) does not know them, and must not get the code
    that opens the report's follow-up."""
    if report.reporter_id is not None:
        return isinstance(reporter, User) and reporter.pk == report.reporter_id
    return (
        report.description == data.description.strip()
        and report.occurred_at == _aware(data.occurred_at)
        and report.contact == data.contact.strip()[:200]
    )


def _aware(moment: datetime | None) -> datetime | None:
    """As the database stores it: a time without a zone is read in the current one."""
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _files_check(
    files: Sequence[tuple[str, bytes | File[Any]]],
) -> tuple[list[Checked], dict[str, str]]:
    """Every file checked; one bad file is named and, by the caller, stops the whole report."""
    checked: list[Checked] = []
    errors: dict[str, str] = {}
    try:
        files_count_check(len(files))
    except UploadRefused as refused:
        return [], {"evidence": refused.message}
    for name, content in files:
        try:
            checked.append(file_check(name=name, content=content))
        except EvidenceRejected as rejected:
            errors[f"evidence:{name}"] = rejected.message
    return checked, errors


def _allowance_take(uploader: str, checked: list[Checked]) -> dict[str, str]:
    """The reporter's hourly allowance is counted only once everything else is valid."""
    try:
        allowance_take(uploader, [item.size for item in checked])
    except UploadRefused as refused:
        return {"evidence": refused.message}
    return {}


def _evidence_save(report: Report, checked: list[Checked]) -> None:
    for item in checked:
        evidence = Evidence(
            report=report, kind=item.sniffed.kind, size=item.size,
            content_type=item.sniffed.content_type, sha256=item.sha256,
        )  # fmt: skip
        evidence.original, evidence.public_copy = file_store(
            checked=item, folder=EVIDENCE_FOLDER, public_id=evidence.public_id
        )
        evidence.save()


def report_by_code(code: str) -> Report | None:
    return Report.objects.filter(follow_up_hash=code_hash(code)).first()


def report_add_information(
    *, report: Report, text: str, files: Sequence[tuple[str, bytes | File[Any]]], uploader: str = ""
) -> Report:
    """The reporter, with the follow-up code, adds what they learned or a photo later."""
    checked, errors = _files_check(files)
    if not text.strip() and not checked and not errors:
        errors["text"] = _("Write what you want to add, or attach a file.")
    if not errors:
        errors.update(_allowance_take(uploader, checked))
    if errors:
        raise ReportInvalid(errors)
    with transaction.atomic():
        _evidence_save(report, checked)
        event_add(report, "reporter_added", is_public=False, text=text.strip())
        event_add(report, "added")
    return report
