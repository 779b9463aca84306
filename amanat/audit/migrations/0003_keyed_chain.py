"""Key the audit chain (HMAC-SHA256 with AMANAT_AUDIT_KEY) and refuse TRUNCATE on PostgreSQL.

Rows written before this migration were hashed with plain SHA-256, which anyone with database
access can recompute. They are re-keyed here, once, in order: one scheme for the whole chain,
so no "old-style" row can later be forged (a version field would let an intruder downgrade a
row to the unkeyed scheme). Before re-keying, the old chain is checked with its own SHA-256;
the verdict is appended as a last row (`audit.chain_rekeyed`), inside the keyed chain, so a
break found before the migration stays on record and cannot be laundered by it.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import migrations
from django.utils import timezone

from amanat.audit.guard import audit_guard_install, audit_guard_remove

GENESIS_HASH = "0" * 64


def _canonical(entry) -> bytes:
    # The same fields and form as amanat.audit.services.entry_canonical, frozen here.
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
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _keyed(entry) -> str:
    return hmac.new(
        settings.AMANAT_AUDIT_KEY.encode(), _canonical(entry), hashlib.sha256
    ).hexdigest()


def _old_break(entry, expected_seq, expected_prev) -> str:
    """Why the row breaks the old, unkeyed chain ('' when it does not)."""
    if entry.seq != expected_seq:
        return f"row #{expected_seq} missing"
    if entry.prev_hash != expected_prev:
        return f"row #{entry.seq}: previous-hash link broken"
    if hashlib.sha256(_canonical(entry)).hexdigest() != entry.hash:
        return f"row #{entry.seq}: content changed"
    return ""


def _write(connection, batch) -> None:
    # executemany of a plain UPDATE: several times faster than bulk_update's CASE on SQLite.
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE id = %s", batch
        )


def rekey(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    if not AuditEntry.objects.exists():
        return
    audit_guard_remove(schema_editor.connection)
    broken, old_prev, new_prev, seq, batch = "", GENESIS_HASH, GENESIS_HASH, 0, []
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        seq += 1
        broken = broken or _old_break(entry, seq, old_prev)
        old_prev = entry.hash
        seq = entry.seq
        entry.prev_hash = new_prev
        entry.hash = new_prev = _keyed(entry)
        batch.append((entry.prev_hash, entry.hash, entry.pk))
        if len(batch) == 2000:
            _write(schema_editor.connection, batch)
            batch = []
    _write(schema_editor.connection, batch)
    data = {"last_rekeyed_row": seq, "unkeyed_chain_intact": not broken}
    if broken:
        data["unkeyed_chain_break"] = broken
    record = AuditEntry(
        seq=seq + 1,
        occurred_at=timezone.now(),
        action="audit.chain_rekeyed",
        data=data,
        prev_hash=new_prev,
        actor_repr="",
        object_type="",
        object_id="",
        object_repr="",
        user_agent="",
    )
    record.hash = _keyed(record)
    record.save()
    audit_guard_install(schema_editor.connection)


def install_guard(apps, schema_editor):
    audit_guard_install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only")]
    operations = [
        migrations.RunPython(rekey, migrations.RunPython.noop),
        # Now with the TRUNCATE trigger too (PostgreSQL); backwards, 0002 keeps its own guard.
        migrations.RunPython(install_guard, migrations.RunPython.noop),
    ]
