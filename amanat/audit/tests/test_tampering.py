"""The three kinds of tampering the unkeyed chain missed (issue 16, finding 8): a row rewritten
with every later hash recomputed, the newest rows deleted, and the table emptied."""

import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from amanat.audit.anchors import anchor_latest, anchor_write
from amanat.audit.models import AuditEntry
from amanat.audit.services import audit_verify, entry_canonical
from amanat.audit.tests.factories import TABLE, _tamper, _three_entries

pytestmark = pytest.mark.django_db


def _empty() -> str:
    # SQLite has no TRUNCATE; its DELETE without WHERE is the same thing there.
    return f"TRUNCATE {TABLE}" if connection.vendor == "postgresql" else f"DELETE FROM {TABLE}"


def _rechain_without_the_key(from_seq: int, **changes) -> None:
    """An intruder with full database access: change a row, then recompute its hash and every
    later one, as the unkeyed chain allowed (plain SHA-256; the HMAC key is not theirs)."""
    rows = list(AuditEntry.objects.order_by("seq"))
    prev = rows[from_seq - 2].hash if from_seq > 1 else "0" * 64
    for entry in rows[from_seq - 1 :]:
        if entry.seq == from_seq:
            for field, value in changes.items():
                setattr(entry, field, value)
        entry.prev_hash = prev
        entry.hash = prev = hashlib.sha256(entry_canonical(entry)).hexdigest()
        _tamper(
            f"UPDATE {TABLE} SET action = %s, data = %s, prev_hash = %s, hash = %s WHERE seq = %s",
            [entry.action, json.dumps(entry.data), entry.prev_hash, entry.hash, entry.seq],
        )


def test_a_rewritten_row_with_every_later_hash_recomputed_is_found(make_user):
    _three_entries(make_user())
    _rechain_without_the_key(2, data={"created": 0})

    checked, broken = audit_verify()

    assert checked == 1
    assert (broken.seq, broken.reason) == (2, "row content changed")
    with pytest.raises(CommandError, match=r"row #2: row content changed"):
        call_command("audit", "verify")


def test_newest_rows_deleted_after_an_anchor_are_found(make_user):
    _three_entries(make_user())
    call_command("audit", "anchor", stdout=io.StringIO())
    _tamper(f"DELETE FROM {TABLE} WHERE seq >= %s", [2])

    checked, broken = audit_verify(anchor_latest())

    assert checked == 1
    assert broken.seq == 2
    assert "rows deleted from the end" in broken.reason
    with pytest.raises(CommandError, match=r"deleted from the end: the log ends at #1, but row #3"):
        call_command("audit", "verify")


def test_an_emptied_table_is_found(make_user):
    _three_entries(make_user())
    anchor_write()
    _tamper(_empty(), [])

    with pytest.raises(CommandError, match=r"the log ends at #0, but row #3 was anchored"):
        call_command("audit", "verify")


def test_the_database_refuses_truncate(make_user):
    _three_entries(make_user())
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_empty())
    assert AuditEntry.objects.count() == 3


def test_a_row_changed_at_the_anchor_is_found(make_user):
    """Even by someone holding the key: the anchor outside the database disagrees."""
    _three_entries(make_user())
    anchor = anchor_write()
    _tamper(f"DELETE FROM {TABLE} WHERE seq = %s", [3])
    user = AuditEntry.objects.get(seq=2).actor
    from amanat.audit.services import audit_record

    audit_record(action="accounts.logout", actor=user, data={"forged": True})

    _, broken = audit_verify(anchor)
    assert broken.seq == 3
    assert "differs from the one anchored" in broken.reason


def test_anchor_appends_one_line_per_run(make_user, anchor_file):
    out = io.StringIO()
    call_command("audit", "anchor", stdout=out)
    assert "nothing to anchor" in out.getvalue()
    assert not anchor_file.exists()

    first, second, third = _three_entries(make_user())
    anchor_write()
    call_command("audit", "anchor", stdout=out)

    lines = anchor_file.read_text().splitlines()
    assert len(lines) == 2
    at, seq, digest = lines[-1].split()
    assert (int(seq), digest) == (3, third.hash)
    assert at.startswith("20")
    verified = io.StringIO()
    call_command("audit", "verify", stdout=verified)
    assert "3 rows verified; row #3 matches its anchor" in verified.getvalue()


def test_anchor_refuses_to_cover_a_shortened_chain(make_user, anchor_file):
    _three_entries(make_user())
    anchor_write()
    _tamper(f"DELETE FROM {TABLE} WHERE seq = %s", [3])
    before = anchor_file.read_text()

    with pytest.raises(CommandError, match=r"not anchored: row #3, anchored at .* is missing"):
        call_command("audit", "anchor")
    assert anchor_file.read_text() == before


def test_a_torn_last_line_is_ignored(make_user, anchor_file):
    _three_entries(make_user())
    anchor = anchor_write()
    with anchor_file.open("a") as file:
        file.write("2026-12-05T13:00:00+00:00 4 abc")  # a crash mid-write

    assert anchor_latest() == anchor
