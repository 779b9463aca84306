"""Migration 0003 re-keys the rows written with plain SHA-256 and records the old chain's state."""

import hashlib

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from amanat.audit.guard import audit_guard_remove
from amanat.audit.services import GENESIS_HASH, audit_verify, entry_canonical

BEFORE = [("audit", "0002_append_only")]
AFTER = [("audit", "0003_keyed_chain")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _unkeyed_rows(apps, count: int, tamper_seq: int | None = None) -> None:
    AuditEntry = apps.get_model("audit", "AuditEntry")
    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        entry = AuditEntry(
            seq=seq,
            occurred_at=timezone.now(),
            action="accounts.login",
            data={"n": seq},
            prev_hash=prev,
        )
        entry.hash = prev = hashlib.sha256(entry_canonical(entry)).hexdigest()
        if seq == tamper_seq:
            entry.data = {"n": 0}  # changed after hashing, as an intruder would
        entry.save()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("tamper_seq", [None, 2])
def test_old_rows_are_rekeyed_and_the_old_verdict_is_kept(tamper_seq):
    apps = _migrate(BEFORE)
    audit_guard_remove(connection)
    _unkeyed_rows(apps, 3, tamper_seq)

    _migrate(AFTER)

    assert audit_verify() == (4, None)
    from amanat.audit.models import AuditEntry

    last = AuditEntry.objects.get(seq=4)
    assert last.action == "audit.chain_rekeyed"
    assert last.data["unkeyed_chain_intact"] is (tamper_seq is None)
    if tamper_seq:
        assert last.data["unkeyed_chain_break"] == "row #2: content changed"
    # The guard is back after the re-keying.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEntry._meta.db_table} SET action = 'x'")
