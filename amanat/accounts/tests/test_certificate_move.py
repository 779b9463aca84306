"""Certificates moved from training to accounts in their table (accounts 0003, training 0002):
those issued before the move are kept, valid or revoked, and read the same after it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("accounts", "0002_digest_credential"), ("training", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_certificates_issued_before_the_move_are_kept():
    old = _migrate(BEFORE)
    User = old.get_model("accounts", "User")
    OldCertificate = old.get_model("training", "Certificate")
    holder = User.objects.create(username="aigerim.observer")
    issued = timezone.now()
    OldCertificate.objects.create(
        user=holder, program="observer", code="AMN-AAAA-BBBB-CCCC", holder_name="Aigerim",
        issued_at=issued,
    )  # fmt: skip
    OldCertificate.objects.create(
        user=holder, program="first_time_voter", code="AMN-DDDD-EEEE-FFFF",
        holder_name="Aigerim", issued_at=issued, revoked_at=issued,
    )  # fmt: skip

    _migrate_to_latest()

    from amanat.accounts.models import Certificate, Program
    from amanat.accounts.selectors import certificates_valid

    assert Certificate._meta.db_table == "training_certificate"
    rows = Certificate.objects.order_by("code").values_list(
        "code", "user_id", "program", "issued_at"
    )
    assert list(rows) == [
        ("AMN-AAAA-BBBB-CCCC", holder.pk, Program.OBSERVER, issued),
        ("AMN-DDDD-EEEE-FFFF", holder.pk, Program.FIRST_TIME_VOTER, issued),
    ]
    assert list(certificates_valid(program=Program.OBSERVER).values_list("user_id", flat=True)) == [
        holder.pk
    ]
    assert not certificates_valid(program=Program.FIRST_TIME_VOTER).exists()
