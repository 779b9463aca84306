"""The prepared statements on a connection's life: its cursor, Django's health check (which
the first repeatable statement of a request stands in for), a connection the server dropped."""

import psycopg
import pytest
from django.db import DataError, connection, connections
from django.utils import timezone

from amanat.accounts.services import api_token_authenticate
from amanat.checklists.models import Submission
from amanat.core import prepared
from amanat.core.tests.factories import a_submission, sms_log, token_for

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_gets_its_own_cursor(make_user):
    # After a database restart or CONN_MAX_AGE, the next report runs on a fresh connection.
    key = token_for(make_user(username="a"), last_used_at=timezone.now())
    assert api_token_authenticate(key).username == "a"
    connection.close()
    assert api_token_authenticate(key).username == "a"


def a_new_request(db):
    db.close_if_unusable_or_obsolete()  # what Django does as each request starts
    assert db.health_check_done is False


@pytest.fixture
def checks_counted(make_user, monkeypatch):
    """An open connection, a token, and the list of Django's health checks made from now."""
    db = connections["default"]
    key = token_for(make_user(username="a"), last_used_at=timezone.now())
    assert api_token_authenticate(key)
    checks = []
    monkeypatch.setattr(db, "is_usable", lambda: checks.append(1) or True)
    return db, key, checks


@pytest.mark.skipif(connection.vendor != "postgresql", reason="health checks on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_token_read_is_the_connections_health_check(checks_counted):
    db, key, checks = checks_counted
    a_new_request(db)
    assert api_token_authenticate(key).username == "a"
    assert checks == []  # no SELECT 1 first
    assert db.health_check_done  # nor later in the request
    assert db.health_check_enabled


@pytest.mark.skipif(connection.vendor != "postgresql", reason="health checks on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_report_on_a_connection_the_server_dropped_is_answered(checks_counted):
    db, key, checks = checks_counted
    dropped = db.connection
    with psycopg.connect(dropped.info.dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [dropped.info.backend_pid])

    a_new_request(db)
    assert api_token_authenticate(key).username == "a"
    assert db.connection is not dropped
    assert dropped.closed
    assert checks == []  # found lost by the read itself, which ran again


@pytest.mark.skipif(connection.vendor != "postgresql", reason="health checks on PostgreSQL")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("dropped", [False, True])
def test_an_insert_skipping_a_stored_key_is_the_health_check(field, checks_counted, dropped):
    db, _key, checks = checks_counted
    submission, log = a_submission(field), sms_log()
    kept = db.connection
    if dropped:
        with psycopg.connect(kept.info.dsn, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [kept.info.backend_pid])

    a_new_request(db)
    along = prepared.Along(log, "submission")
    assert prepared.insert(submission, conflict=("client_id",), along=along)
    assert checks == []  # no SELECT 1 first: a lost connection is found by the insert
    assert (db.connection is kept) is not dropped
    assert Submission.objects.get().pk == submission.pk  # stored once, either way
    assert log.pk is not None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="health checks on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_an_insert_that_may_fail_on_its_key_is_checked_first(field, checks_counted):
    db, _key, checks = checks_counted
    a_new_request(db)
    assert prepared.insert(a_submission(field))  # run twice, it would fail: not repeatable
    assert checks == [1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="health checks on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_read_that_fails_by_itself_is_not_run_again(make_user):
    db = connections["default"]
    api_token_authenticate("k" * 40)
    kept = db.connection
    a_new_request(db)
    with pytest.raises(DataError):
        prepared.fetch_one("SELECT 1 / %s", [0], repeatable=True)
    assert db.connection is kept
