"""Exports built in the background: a staff member asks, a task builds the file, the page
follows its progress and offers the download when it is ready.

The apps that own the data register a builder by name in their AppConfig.ready
(`export_builder_register`), so results, incidents and the others use this one model, task and
download without importing each other. A builder gets the person who asked and the export's
parameters, and scopes what it reads to that person (a coordinator's export holds only their
regions), exactly as the page it is asked from does."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.audit.services import audit_record

from .files import file_write
from .models import Export
from .services import private_dir

log = logging.getLogger(__name__)
EXPORTS_FOLDER = "exports"


@dataclass(frozen=True)
class Built:
    """What a builder returns: the file's bytes, the name it downloads under, its type."""

    content: bytes
    file_name: str
    content_type: str


class ExportRefused(Exception):
    """The builder will not build this for this person (no longer allowed, nothing to export):
    the export fails at once, with this message, and is not tried again."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ExportKind:
    name: str
    title: Any  # a lazy translated string, shown on the export's page
    build: Callable[[User, dict[str, Any]], Built]
    back_url: Callable[[dict[str, Any]], str]  # the page it was asked from


_KINDS: dict[str, ExportKind] = {}


def export_builder_register(kind: ExportKind) -> None:
    _KINDS[kind.name] = kind


def export_kind(name: str) -> ExportKind | None:
    return _KINDS.get(name)


def _params_key(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, separators=(",", ":"))[:200]


def export_request(*, user: User, builder: str, params: dict[str, Any]) -> Export:
    """The pending export of this person for this builder and these parameters, or a new one
    whose build is enqueued once the transaction commits. Asking twice while it is being
    built returns the same export."""
    if builder not in _KINDS:
        raise ValueError(f"no export builder named {builder!r}")
    key = _params_key(params)
    pending = Export.objects.filter(
        requested_by=user, builder=builder, params_key=key, status=Export.Status.PENDING
    )
    existing = pending.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            export = Export.objects.create(
                requested_by=user, builder=builder, params=params, params_key=key,
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )  # fmt: skip
            audit_record(action="evidence.export_requested", actor=user, obj=export,
                         data={"builder": builder, "params": params})  # fmt: skip
    except IntegrityError:  # asked twice at the same moment: the other request made it
        return pending.get()
    from .tasks import export_build_task  # the tasks module imports this one

    transaction.on_commit(lambda: export_build_task.delay(export.pk))
    return export


def exports_visible_to(user: User) -> QuerySet[Export]:
    """A person sees the exports they asked for; administrators every one."""
    if user.role == Role.ADMIN:
        return Export.objects.all()
    return Export.objects.filter(requested_by=user)


def export_path(export: Export) -> Path:
    return private_dir(EXPORTS_FOLDER) / export.stored_name


def export_build(*, export_id: int) -> str:
    """Build the file of a pending export; an export already built (the task run twice) is
    left as it is. Returns the export's status. A builder's ExportRefused fails the export;
    any other error propagates, for the task to try again."""
    with transaction.atomic():
        export = Export.objects.select_for_update().select_related("requested_by").get(pk=export_id)
        if export.status != Export.Status.PENDING:
            return export.status
        kind = _KINDS.get(export.builder)
        export.attempts += 1
        try:
            if kind is None:
                raise ExportRefused(f"no builder {export.builder}")
            with translation.override(export.language):
                built = kind.build(export.requested_by, export.params)
        except ExportRefused as refusal:
            export.status, export.error = Export.Status.FAILED, refusal.message[:300]
            export.finished_at = timezone.now()
            export.save(update_fields=["status", "error", "attempts", "finished_at"])
            return export.status
        suffix = Path(built.file_name).suffix[:10]
        export.stored_name = f"{export.public_id}{suffix}"
        path = export_path(export)
        file_write(built.content, path)
        export.sha256 = hashlib.sha256(built.content).hexdigest()
        export.size = len(built.content)
        export.file_name, export.content_type = built.file_name, built.content_type[:100]
        export.status, export.finished_at = Export.Status.READY, timezone.now()
        try:
            export.save()
        except Exception:
            path.unlink(missing_ok=True)  # no row will name it
            raise
        return export.status


def export_give_up(*, export_id: int, error: str) -> None:
    """The last attempt failed: the page says so, and the person may ask again."""
    Export.objects.filter(pk=export_id, status=Export.Status.PENDING).update(
        status=Export.Status.FAILED, error=error[:300], finished_at=timezone.now()
    )


def retention() -> timedelta:
    return timedelta(hours=settings.AMANAT_EXPORT_RETENTION_HOURS)


def exports_purge(*, now: datetime | None = None) -> int:
    """Delete the exports (and their files) finished longer ago than the retention period,
    and pending ones asked for that long ago (a build that never came). Run again, it finds
    nothing more. Returns how many were deleted."""
    cutoff = (now or timezone.now()) - retention()
    old = Export.objects.filter(
        Q(finished_at__lt=cutoff) | Q(status=Export.Status.PENDING, created_at__lt=cutoff)
    )
    deleted = 0
    for export in old.iterator():
        if export.stored_name:
            export_path(export).unlink(missing_ok=True)
        export.delete()
        deleted += 1
    if deleted:
        log.info("exports purged: %s", deleted)
    return deleted
