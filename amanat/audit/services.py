"""Writing to and verifying the hash-chained audit log."""

import hashlib
import json
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from amanat.core.client_address import client_ip

from .models import AuditEntry

GENESIS_HASH = "0" * 64
# Any constant will do: it names the advisory lock that serialises writers on PostgreSQL.
_PG_LOCK_KEY = 7_240_201


def entry_digest(entry: AuditEntry) -> str:
    """The SHA-256 of every recorded field of the row and the hash of the row before it."""
    payload = {
        "seq": entry.seq,
        "occurred_at": entry.occurred_at.isoformat(),
        "actor_id": entry.actor_id,
        "actor_repr": entry.actor_repr,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "ip_address": entry.ip_address,
        "user_agent": entry.user_agent,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return client_ip(request) or None  # behind a trusted proxy: the client's, not the proxy's


def audit_record(
    *,
    action: str,
    actor=None,
    obj: Model | None = None,
    request: HttpRequest | None = None,
    data: dict | None = None,
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


def _append(*, action, actor, obj, request, data) -> AuditEntry:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])
    last = AuditEntry.objects.order_by("-seq").only("seq", "hash").first()
    entry = AuditEntry(
        seq=(last.seq + 1) if last else 1,
        occurred_at=timezone.now(),
        actor=actor,
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


def audit_verify() -> tuple[int, ChainBreak | None]:
    """Walk the chain in order; return how many rows were checked and the first break."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return checked, ChainBreak(expected_seq, "row missing (sequence gap)")
        if entry.prev_hash != expected_prev:
            return checked, ChainBreak(entry.seq, "previous-hash link broken")
        if entry_digest(entry) != entry.hash:
            return checked, ChainBreak(entry.seq, "row content changed")
        expected_prev = entry.hash
        expected_seq += 1
        checked += 1
    return checked, None
