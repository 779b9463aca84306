"""The election-day statements written in SQL must give what the ORM would have given."""

import itertools
import re
import uuid
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection
from django.utils import timezone

from amanat.accounts.models import ApiToken
from amanat.accounts.services import api_token_authenticate
from amanat.checklists.models import Submission
from amanat.checklists.tests.factories import receive
from amanat.core import prepared
from amanat.core.tests.factories import a_submission, sms_log, token_for
from amanat.geography.models import PollingStation
from amanat.observers.selectors import station_deployed_at
from amanat.observers.tests.factories import ObserverFactory

pytestmark = pytest.mark.django_db


def test_token_gives_the_user_and_observer_in_one_statement(django_assert_num_queries):
    observer = ObserverFactory()
    key = token_for(observer.user, last_used_at=timezone.now())

    with django_assert_num_queries(1):
        user = api_token_authenticate(key)
        assert (user.pk, user.role, user.observer.pk) == (observer.user.pk, "observer", observer.pk)
        assert user.observer.user is user
        assert user.observer.region_id == observer.region_id
        assert user.date_joined.tzinfo is not None
        assert user.is_active is True


def test_token_of_someone_without_observer_profile(make_user, django_assert_num_queries):
    key = token_for(make_user(username="analyst", role="analyst"), last_used_at=timezone.now())
    with django_assert_num_queries(1):
        user = api_token_authenticate(key)
        assert getattr(user, "observer", None) is None
    assert user.username == "analyst"


def test_revoked_token_inactive_user_and_unknown_key_are_refused(make_user):
    revoked = token_for(make_user(username="a"), key="a" * 40, revoked_at=timezone.now())
    inactive_user = make_user(username="b")
    inactive = token_for(inactive_user, key="b" * 40)
    inactive_user.is_active = False
    inactive_user.save()

    assert api_token_authenticate(revoked) is None
    assert api_token_authenticate(inactive) is None
    assert api_token_authenticate("c" * 40) is None


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statements are prepared on PostgreSQL only"
)
def test_on_postgresql_the_token_statement_is_prepared_once_per_connection(make_user):
    key = token_for(make_user(username="a"), last_used_at=timezone.now())
    for _ in range(8):
        assert api_token_authenticate(key) is not None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%FROM "accounts_apitoken" t%'],
        )
        assert cursor.fetchone()[0] == 1


def test_last_use_is_written_at_most_once_a_minute(make_user):
    user = make_user(username="a")
    key = token_for(user)
    api_token_authenticate(key)
    first = ApiToken.objects.get().last_used_at
    api_token_authenticate(key)
    assert first is not None
    assert ApiToken.objects.get().last_used_at == first

    ApiToken.objects.update(last_used_at=first - timedelta(minutes=2))
    api_token_authenticate(key)
    assert ApiToken.objects.get().last_used_at > first


def test_deployed_station_is_the_whole_station(field):
    election, station, observer = field
    found = station_deployed_at(observer_id=observer.pk, election_id=election.pk, number="1")
    assert found == station
    assert (found.name, found.registered_voters, found.district_id) == (
        station.name, station.registered_voters, station.district_id,
    )  # fmt: skip
    other = ObserverFactory()
    assert station_deployed_at(observer_id=other.pk, election_id=election.pk, number="1") is None
    assert station_deployed_at(observer_id=observer.pk, election_id=election.pk, number="2") is None


def test_stored_submission_reads_back_as_the_orm_wrote_it(field):
    submission, created = receive(field, {"A": False, "D": 7})
    stored = Submission.objects.get()

    assert created
    assert stored.pk == submission.pk
    assert stored.answers == {"A": False, "D": 7}
    assert stored.raw == {"answers": {"A": False, "D": 7}}
    assert stored.client_id == submission.client_id
    assert stored.channel == "api"
    assert abs(stored.received_at - submission.received_at) < timedelta(seconds=1)


def test_insert_skips_a_repeated_key_without_breaking_the_transaction(field):
    client_id = uuid.uuid4()
    receive(field, {"A": False}, client_id=client_id)
    election, station, observer = field
    again = Submission(
        client_id=client_id, version=Submission.objects.get().version, election=election,
        station=station, observer=observer, channel="sms", observed_at=timezone.now(),
        raw={}, answers={},
    )  # fmt: skip

    assert prepared.insert(again, conflict=("client_id",)) is False
    assert again.pk is None
    assert Submission.objects.get().channel == "api"  # the transaction is still usable


def test_a_row_along_is_stored_with_the_inserted_one_and_points_to_it(field):
    from amanat.channels.models import InboundMessage

    submission, log = a_submission(field), sms_log()
    assert prepared.insert(
        submission, conflict=("client_id",), along=prepared.Along(log, "submission")
    )

    stored = InboundMessage.objects.get()
    assert (stored.pk, stored.submission_id) == (log.pk, submission.pk)
    assert (stored.text, stored.status, stored.reply) == ("VT 1 A2", "accepted", "ok")
    assert stored.received_at is not None
    assert log.submission is submission


def test_nothing_along_when_the_inserted_row_is_not_stored(field):
    from amanat.channels.models import InboundMessage

    client_id = uuid.uuid4()
    prepared.insert(a_submission(field, client_id))
    log = sms_log()
    again = prepared.insert(a_submission(field, client_id), conflict=("client_id",),
                            along=prepared.Along(log, "submission"))  # fmt: skip

    assert again is False
    assert log.pk is None
    assert not InboundMessage.objects.exists()


def test_when_the_row_along_cannot_be_stored_neither_is(field):
    from amanat.channels.models import InboundMessage

    prepared.insert(sms_log("m1"))
    with pytest.raises(IntegrityError):
        prepared.insert(a_submission(field), conflict=("client_id",),
                        along=prepared.Along(sms_log("m1"), "submission"))  # fmt: skip

    assert not Submission.objects.exists()  # and the transaction is still usable
    assert InboundMessage.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="computed by PostgreSQL")
def test_columns_along_are_computed_from_the_stored_row(field):
    from amanat.channels.models import InboundMessage

    submission, log = a_submission(field), sms_log()
    computed = {"reply": 'CAST(%s AS text) || main."id" || \' at \' || main."station_id"'}
    along = prepared.Along(log, "submission", columns=computed, params=("report ",))
    stations = PollingStation._meta.db_table
    source = prepared.Source(
        columns={"station": "s.id"},
        sql=f'FROM "{stations}" s WHERE s.id = %s',
        params=(submission.station_id,),
    )
    assert prepared.insert(submission, conflict=("client_id",), source=source, along=along)

    expected = f"report {submission.pk} at {submission.station_id}"
    assert log.reply == expected
    assert InboundMessage.objects.get().reply == expected


@pytest.mark.skipif(connection.vendor == "postgresql", reason="elsewhere than PostgreSQL")
def test_columns_along_are_refused_where_the_database_cannot_compute_them(field):
    from django.db import NotSupportedError

    along = prepared.Along(sms_log(), "submission", columns={"reply": "'x'"})
    with pytest.raises(NotSupportedError):
        prepared.insert(a_submission(field), conflict=("client_id",), along=along)
    assert not Submission.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one statement on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_row_along_costs_no_extra_statement(field, django_assert_num_queries):
    submission = a_submission(field)
    with django_assert_num_queries(1):
        prepared.insert(submission, conflict=("client_id",),
                        along=prepared.Along(sms_log(), "submission"))  # fmt: skip
    assert Submission.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="plans of PostgreSQL")
def test_the_sms_sender_is_found_by_the_phone_index_in_a_generic_plan():
    # After a few runs PostgreSQL may plan a prepared statement once for any phone number.
    from amanat.channels.selectors import _sender_statement

    numbered = itertools.count(1)
    sql = re.sub("%s", lambda _match: f"${next(numbered)}", _sender_statement())
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        cursor.execute("SET LOCAL enable_seqscan = off")  # a small table is read whole anyway
        cursor.execute(f"PREPARE sender AS {sql}")
        cursor.execute("EXPLAIN EXECUTE sender('+7701', 'k', 'accepted', now(), '+7701')")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("DEALLOCATE sender")
    assert "user_phone_unique" in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="plans of PostgreSQL")
def test_the_sms_sender_found_in_the_storing_statement_is_found_by_index_in_a_generic_plan():
    from amanat.channels.selectors import _lookup_sql

    numbered = itertools.count(1)
    sql = re.sub(
        "%s", lambda _match: f"${next(numbered)}", f'SELECT w."observer_id" FROM {_lookup_sql()}'
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"PREPARE lookup AS {sql}")
        cursor.execute("EXPLAIN EXECUTE lookup('+7701', '+7701', 'k', 'accepted', now())")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("DEALLOCATE lookup")
    assert "user_phone_unique" in plan
    assert "sms_repeat_lookup" in plan


def test_execute_wrappers_see_the_prepared_statements(make_user):
    key = token_for(make_user(username="analyst"), last_used_at=timezone.now())
    seen = []

    def watch(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        assert api_token_authenticate(key).username == "analyst"
    assert len(seen) == 1
    assert '"accounts_apitoken"' in seen[0]


def test_driver_errors_arrive_as_djangos_and_a_broken_transaction_runs_nothing(field):
    from django.db import transaction
    from django.db.transaction import TransactionManagementError

    first = a_submission(field)
    prepared.insert(first)
    # Django's own exception, as for any query (callers catch that one).
    with pytest.raises(IntegrityError), transaction.atomic():
        prepared.fetch_one(*_insert_again(first))
    with transaction.atomic():
        with pytest.raises(IntegrityError), transaction.atomic(savepoint=False):
            prepared.fetch_one(*_insert_again(first))
        # No savepoint: the transaction is broken, and the next statement is refused, not sent.
        assert connection.needs_rollback
        with pytest.raises(TransactionManagementError):
            prepared.fetch_one("SELECT 1", [])


def _insert_again(submission):
    """The plain INSERT of a row whose client id is already taken."""
    names, values = prepared._prepared_values(connection, submission, skip=())
    sql = f'INSERT INTO "checklists_submission" ({prepared._quoted(names)}) VALUES '  # noqa: S608
    return sql + f'({", ".join(["%s"] * len(names))}) RETURNING "id"', values


def test_values_passed_as_they_are_equal_what_djangos_preparation_gives(field):
    from django.utils.translation import gettext_lazy

    from amanat.channels.models import InboundMessage

    submission = a_submission(field)
    message = InboundMessage(
        gateway="smssync", message_id="m1", phone="+7701", text="VT 1 A2", text_key="k",
        status=InboundMessage.Status.ACCEPTED, reply=gettext_lazy("yes"), sent_at=None,
        submission=submission,
    )  # fmt: skip
    for instance in (submission, message):
        names, values = prepared._prepared_values(connection, instance, skip=())
        # pre_save has run (auto_now_add filled in): prepare the same values Django's way.
        fields = prepared._stored_fields(type(instance), ())[1]
        expected = [f.get_db_prep_save(getattr(instance, f.attname), connection) for f in fields]
        assert [_comparable(v) for v in values] == [_comparable(v) for v in expected]
        assert [type(v) for v in values] == [type(v) for v in expected], names
    # A lazy translation is not a str: it is made one, as Django would.
    assert type(values[names.index("reply")]) is str


def _comparable(value):
    return getattr(value, "obj", value)  # psycopg's Jsonb wraps the JSON value
