import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from amanat.audit.models import AuditEntry
from amanat.audit.services import GENESIS_HASH, audit_verify
from amanat.audit.tests.factories import TABLE, _tamper, _three_entries


@pytest.mark.django_db
def test_entries_are_chained_in_sequence(make_user):
    user = make_user()
    first, second, third = _three_entries(user)

    assert [first.seq, second.seq, third.seq] == [1, 2, 3]
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert first.actor_repr == user.username
    assert audit_verify() == (3, None)


@pytest.mark.django_db
def test_changed_row_is_named(make_user):
    _three_entries(make_user())
    _tamper(f"UPDATE {TABLE} SET data = %s WHERE seq = 2", ['{"created": 0}'])

    checked, broken = audit_verify()

    assert checked == 1
    assert (broken.seq, broken.reason) == (2, "row content changed")


@pytest.mark.django_db
def test_removed_row_is_named(make_user):
    _three_entries(make_user())
    _tamper(f"DELETE FROM {TABLE} WHERE seq = %s", [2])

    checked, broken = audit_verify()

    assert checked == 1
    assert broken.seq == 2
    assert "missing" in broken.reason


@pytest.mark.django_db
def test_rehashed_row_still_breaks_the_link(make_user):
    """Recomputing a changed row's own hash does not help: the next row points at the old one."""
    entries = _three_entries(make_user())
    entry = AuditEntry.objects.get(seq=2)
    entry.action = "nothing.happened"
    from amanat.audit.services import entry_digest

    _tamper(
        f"UPDATE {TABLE} SET action = %s, hash = %s WHERE seq = 2",
        [entry.action, entry_digest(entry)],
    )

    _, broken = audit_verify()
    assert (broken.seq, broken.reason) == (3, "previous-hash link broken")
    assert entries[2].prev_hash != entry_digest(entry)


@pytest.mark.django_db
def test_command_exits_non_zero_and_names_the_row(make_user):
    _three_entries(make_user())
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert "3 rows verified" in out.getvalue()

    _tamper(f"UPDATE {TABLE} SET actor_repr = %s WHERE seq = 3", ["someone-else"])
    with pytest.raises(CommandError, match=r"row #3: row content changed"):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_the_database_refuses_changes_and_deletes(make_user):
    _three_entries(make_user())
    for sql in (f"UPDATE {TABLE} SET action = 'x'", f"DELETE FROM {TABLE}"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(seq=1).update(action="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.get(seq=1).save()
    assert AuditEntry.objects.count() == 3
    assert audit_verify() == (3, None)
