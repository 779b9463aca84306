"""Writing to and verifying the hash-chained audit log.

Each row's hash is an HMAC-SHA256, keyed with AMANAT_AUDIT_KEY (kept outside the database), of
the row's fields and the hash of the row before it. Without the key nobody can recompute the
hashes after changing a row, so a rewrite is found even when every later hash was redone.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, connection, transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from amanat.core.client_address import client_ip

from .models import AuditEntry

if TYPE_CHECKING:
    from .anchors import Anchor

GENESIS_HASH = "0" * 64
# Any constant will do: it names the advisory lock that serialises writers on PostgreSQL.
_PG_LOCK_KEY = 7_240_201


# What a row's hash covers: every recorded field and the hash of the row before it.
HASHED_FIELDS = (
    "seq", "occurred_at", "actor_id", "actor_repr", "action", "object_type", "object_id",
    "object_repr", "ip_address", "user_agent", "data", "prev_hash",
)  # fmt: skip


def entry_digest(entry: AuditEntry) -> str:
    """The row's keyed hash (HMAC-SHA256 with AMANAT_AUDIT_KEY)."""
    return _digest({name: getattr(entry, name) for name in HASHED_FIELDS})


def entry_canonical(entry: AuditEntry) -> bytes:
    """The row's fields as canonical JSON: what its hash is computed over."""
    return _canonical({name: getattr(entry, name) for name in HASHED_FIELDS})


def _canonical(fields: dict[str, Any]) -> bytes:
    payload = {**fields, "occurred_at": fields["occurred_at"].isoformat()}
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return canonical.encode()


def _digest(fields: dict[str, Any]) -> str:
    key = settings.AMANAT_AUDIT_KEY.encode()
    return hmac.new(key, _canonical(fields), hashlib.sha256).hexdigest()


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return client_ip(request) or None  # behind a trusted proxy: the client's, not the proxy's


def audit_record(
    *,
    action: str,
    actor: AbstractBaseUser | None = None,
    obj: Model | None = None,
    request: HttpRequest | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one row to the audit log, inside the caller's transaction if there is one."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _append(action=action, actor=actor, obj=obj, request=request, data=data)
        except IntegrityError:
            # Another writer took this sequence number first (SQLite without the lock); retry.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _append(
    *,
    action: str,
    actor: AbstractBaseUser | None,
    obj: Model | None,
    request: HttpRequest | None,
    data: dict[str, Any] | None,
) -> AuditEntry:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])
    last = AuditEntry.objects.order_by("-seq").only("seq", "hash").first()
    entry = AuditEntry(
        seq=(last.seq + 1) if last else 1,
        occurred_at=timezone.now(),
        actor_id=actor.pk if actor is not None else None,
        actor_repr=str(actor.get_username()) if actor is not None else "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        ip_address=_client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request else ""),
        data=data or {},
        prev_hash=last.hash if last else GENESIS_HASH,
    )
    # JSON round trip so the digest is computed over what the database will give back.
    entry.data = json.loads(json.dumps(entry.data, default=str))
    entry.hash = entry_digest(entry)
    entry.save()
    return entry


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def audit_verify(anchor: "Anchor | None" = None) -> tuple[int, ChainBreak | None]:
    """Walk the chain in order; return how many rows were checked and the first break.

    With an `anchor` (the latest hash written outside the database, see anchors.py) the chain
    must still hold the anchored row, unchanged: rows deleted from the end or an emptied table
    are found too. Rows are streamed, so memory stays flat whatever the length of the log.
    """
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    # Plain values rather than model instances: a third faster over a long log.
    rows = AuditEntry.objects.order_by("seq").values(*HASHED_FIELDS, "hash")
    for row in rows.iterator(chunk_size=2000):
        seq, stored = row["seq"], row.pop("hash")
        if seq != expected_seq:
            return checked, ChainBreak(expected_seq, "row missing (sequence gap)")
        if row["prev_hash"] != expected_prev:
            return checked, ChainBreak(seq, "previous-hash link broken")
        if not hmac.compare_digest(_digest(row), stored):
            return checked, ChainBreak(seq, "row content changed")
        if anchor is not None and seq == anchor.seq and stored != anchor.hash:
            reason = f"row differs from the one anchored at {anchor.at}"
            return checked, ChainBreak(seq, reason)
        expected_prev = stored
        expected_seq += 1
        checked += 1
    if anchor is not None and checked < anchor.seq:
        reason = (
            f"rows deleted from the end: the log ends at #{checked}, "
            f"but row #{anchor.seq} was anchored at {anchor.at}"
        )
        return checked, ChainBreak(checked + 1, reason)
    return checked, None
