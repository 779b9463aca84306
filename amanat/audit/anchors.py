"""Anchors: the audit chain's latest hash, appended at intervals to a file outside the database.

The keyed chain finds a changed row, but not rows deleted from its end (or an emptied table):
what is left is still a valid chain. An anchor remembers "row #N had hash H at time T" where
the database cannot reach, so `amanat audit verify` can tell that row #N is gone or changed.
Rows written after the latest anchor are not covered: the interval of `amanat audit anchor`
is the window an intruder has.

One line per anchor, `TIME SEQ HASH`, only ever appended (the file can be made append-only
with `chattr +a`); each line is also logged, so that it reaches the system's journal.
"""

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .models import AuditEntry

logger = logging.getLogger("amanat.audit")


@dataclass(frozen=True)
class Anchor:
    at: str
    seq: int
    hash: str

    def line(self) -> str:
        return f"{self.at} {self.seq} {self.hash}\n"


class AnchorConflict(Exception):
    """The chain no longer holds the row the previous anchor named: refuse to anchor over it."""


def _path(path: Path | None) -> Path:
    return Path(path or settings.AMANAT_AUDIT_ANCHOR_FILE)


def _parse(line: str) -> Anchor | None:
    parts = line.split()
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[2]) != 64:
        return None  # e.g. a last line cut short by a crash while writing
    return Anchor(at=parts[0], seq=int(parts[1]), hash=parts[2])


def anchor_latest(path: Path | None = None) -> Anchor | None:
    """The last well-formed anchor in the file, or None when there is none yet."""
    path = _path(path)
    if not path.exists():
        return None
    latest = None
    with path.open(encoding="ascii", errors="replace") as lines:
        for line in lines:
            latest = _parse(line) or latest
    return latest


def anchor_write(path: Path | None = None) -> Anchor | None:
    """Append the chain's latest row to the anchor file; None when the log is still empty.

    The row the previous anchor named must still be there, unchanged: otherwise anchoring the
    shortened chain would hide the deletion from every later `verify`.
    """
    path = _path(path)
    previous = anchor_latest(path)
    if previous is not None:
        row = AuditEntry.objects.filter(seq=previous.seq).values_list("hash", flat=True).first()
        if row != previous.hash:
            raise AnchorConflict(
                f"row #{previous.seq}, anchored at {previous.at}, is "
                f"{'missing' if row is None else 'changed'}: run `amanat audit verify`"
            )
    last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    if last is None:
        return None
    anchor = Anchor(at=timezone.now().isoformat(timespec="seconds"), seq=last[0], hash=last[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    with os.fdopen(descriptor, "a", encoding="ascii") as file:
        file.write(anchor.line())
        file.flush()
        os.fsync(file.fileno())
    logger.info("audit anchor %s", anchor.line().strip())
    return anchor
