"""The few statements every election-day report runs: who holds this token (or phone), is
this observer deployed at this station, store the submission (with the SMS log row that
brought it, in the same statement). They are written once in SQL and, on PostgreSQL,
prepared on each connection. Through the ORM each costs milliseconds of Python to compile
and of the server to plan, for every report; prepared, it only binds and runs. Everything
else stays in the ORM.

The statements run on Django's own connection and transaction; errors, debug logging, query
counting and execute wrappers behave as for any other query. Only the cursor differs:
psycopg's server-binding cursor, which can be prepared (Django's default cursor binds
parameters on the client, and such statements can never be prepared). A connection pooler in
transaction mode needs prepared statements turned off (AMANAT_PG_PREPARE_THRESHOLD=0)."""

import dataclasses
import functools
import threading
import uuid
from dataclasses import dataclass

from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    NotSupportedError,
    connection,
    connections,
    models,
    transaction,
)
from django.db.models import Model

# One server-binding cursor per thread's open connection (Django's connections are per
# thread too), reused: making a cursor costs more than running a prepared statement with it.
_kept = threading.local()


def fetch_one(sql: str, params: list, *, repeatable: bool = False) -> tuple | None:
    """The statement's first row. A `repeatable` statement, one that has the same effect
    run twice as once (a read; an insert that skips a key already stored), may be run again
    when the connection turns out to be lost, so it needs no health check first (below)."""
    db = connections[DEFAULT_DB_ALIAS]  # once: each `connection.x` looks the wrapper up again
    if db.vendor != "postgresql":
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()
    if repeatable and _health_check_due(db):
        return _run_checking_health(db, sql, params)
    db.close_if_health_check_failed()
    return _run(db, sql, params)


def _health_check_due(db) -> bool:
    return (
        db.connection is not None
        and db.health_check_enabled
        and not db.health_check_done
        and not db.in_atomic_block
    )


def _run_checking_health(db, sql: str, params: list) -> tuple | None:
    """Django checks a kept connection with a `SELECT 1` before a request's first statement
    (CONN_HEALTH_CHECKS), so that a database restart costs no request an error. For a
    repeatable statement, running it is check enough: if the connection is found lost, it is
    opened again and the statement repeated. That saves every report a round trip."""
    try:
        row = _run(db, sql, params)
    except DatabaseError:
        if db.connection is not None and not (db.connection.closed or db.connection.broken):
            raise  # the statement failed, not the connection
        db.close()
        row = _run(db, sql, params)
    db.health_check_done = True
    return row


def _run(db, sql: str, params: list) -> tuple | None:
    cursor = _kept_cursor(db)  # not closed after use: it serves the next statement too
    if db.queries_logged or db.execute_wrappers:
        # Through Django's cursor wrapper, so that query logging (DEBUG, tests counting
        # queries) and execute wrappers see the statement.
        wrapped = db.make_debug_cursor(cursor) if db.queries_logged else db.make_cursor(cursor)
        wrapped.execute(sql, params)
        return wrapped.fetchone()
    # What the wrapper would do, without making one and passing through its layers on
    # every report: refuse to run in a broken transaction, translate the driver's errors.
    db.validate_no_broken_transaction()
    with db.wrap_database_errors:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _kept_cursor(db):
    """The connection's own server-binding cursor, made once per open connection."""
    db.ensure_connection()
    cursor = getattr(_kept, "cursor", None)
    if cursor is None or cursor.closed or cursor.connection is not db.connection:
        import psycopg

        cursor = _kept.cursor = psycopg.Cursor(db.connection)
    db.validate_thread_sharing()
    return cursor


def columns(model: type[Model], alias: str) -> str:
    """Every stored column of the model, in field order, for a SELECT list."""
    return ", ".join(f'{alias}."{field.column}"' for field in model._meta.concrete_fields)


def model_from_row(model: type[Model], row: tuple, start: int = 0) -> tuple[Model | None, int]:
    """The instance whose columns (see columns()) begin at row[start], or None when its
    primary key is NULL (an outer join found nothing); and where the next model begins."""
    db = connections[DEFAULT_DB_ALIAS]
    reading = _reading(model, db.vendor)
    end = start + len(reading.attnames)
    values = list(row[start:end])
    if values[reading.pk_index] is None:
        return None, end
    for index, column, converters in reading.converters:
        for converter in converters:
            values[index] = converter(values[index], column, db)
    return model.from_db(db.alias, reading.attnames, values), end


@dataclass(frozen=True)
class _Reading:
    attnames: list[str]
    pk_index: int
    converters: list[tuple]  # (index, column, the converters the ORM would apply)


@functools.cache
def _reading(model: type[Model], vendor: str) -> _Reading:
    """How to read the model's columns back, found once per model: JSON text to Python,
    SQLite's datetime strings to datetimes, as the ORM would."""
    fields = model._meta.concrete_fields
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(model._meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if found:
            converters.append((index, column, found))
    return _Reading([f.attname for f in fields], fields.index(model._meta.pk), converters)


@dataclass(frozen=True)
class Source:
    """Columns an insert takes from a query rather than from the instance, e.g. the station
    an observer is deployed at. The row is stored only if the query finds a row; `sql` is
    everything from FROM on and should find at most one."""

    columns: dict[str, str]  # field name: SQL expression
    sql: str
    params: tuple
    # PostgreSQL only: a WITH query (`name AS (…)`) the statement runs as well, whether or
    # not the row is stored, e.g. an UPDATE recording a token's use; its parameters.
    first: str = ""
    first_params: tuple = ()


@dataclass(frozen=True)
class Along:
    """A row stored with the inserted one and only if it is, its foreign key `link` set to
    the new row: e.g. an SMS's log row with the submission it brought. On PostgreSQL both go
    in one statement, atomic by itself; elsewhere in one transaction."""

    instance: Model
    link: str
    # Columns the statement computes, PostgreSQL only: field name to an SQL expression over
    # `main`, the stored row's key and Source columns (e.g. a reply in the language of the
    # observer it found); their values are set on the instance.
    columns: dict[str, str] = dataclasses.field(default_factory=dict)
    params: tuple = ()


def insert(
    instance: Model,
    conflict: tuple[str, ...] = (),
    source: Source | None = None,
    along: Along | None = None,
) -> bool:
    """Store a new instance as Model.save() would (auto_now_add filled in, JSON adapted) and
    set its primary key, in one statement. With `conflict` (the fields of a unique key), a
    row already holding that key is left alone and False is returned; without it,
    IntegrityError is raised. With `source`, False also when its query finds nothing; with
    `along`, that row too is stored, or neither is."""
    db = connections[DEFAULT_DB_ALIAS]
    if db.vendor != "postgresql" and ((along and along.columns) or (source and source.first)):
        raise NotSupportedError("Computed columns along and queries first need PostgreSQL.")
    if along is not None and db.vendor != "postgresql":
        with transaction.atomic():  # SQLite cannot insert from a WITH clause
            stored = insert(instance, conflict, source)
            if stored:
                setattr(along.instance, along.link, instance)
                insert(along.instance)
        return stored
    taken = {} if source is None else source.columns
    names, values = _prepared_values(db, instance, skip=tuple(taken))
    statement = _insert_statement(
        type(instance), names, conflict, tuple(taken.items()), source and source.sql
    )
    params = values + list(source.params if source else ())
    if along is not None:
        computed = tuple(along.columns.items())
        skip = (along.link, *along.columns)
        along_names, along_values = _prepared_values(db, along.instance, skip=skip)
        statement = _along_statement(
            statement, instance._meta.pk.column, type(along.instance), along_names,
            along.link, computed,
        )  # fmt: skip
        params += along_values + list(along.params)
    if source is not None and source.first:
        statement = _first_statement(source.first, statement)
        params = list(source.first_params) + params
    if db.in_atomic_block and (along or not conflict):
        # A savepoint: a key already taken fails the statement but not the caller's
        # transaction, just as it fails nothing else outside a transaction.
        with transaction.atomic():
            row = fetch_one(statement, params)
    else:
        # Skipping a key already stored, it stores at most once however often it runs: the
        # first statement of a request, it is the connection's health check too.
        row = fetch_one(statement, params, repeatable=bool(conflict))
    if row is None:
        return False
    _mark_stored(db, instance, row[0])
    _set_taken(instance, taken, row[1 : 1 + len(taken)])
    if along is not None:
        setattr(along.instance, along.link, instance)
        start = 1 + len(taken)
        _mark_stored(db, along.instance, row[start])
        _set_taken(along.instance, along.columns, row[start + 1 :])
    return True


def _set_taken(instance: Model, names, values) -> None:
    for name, value in zip(names, values, strict=True):
        setattr(instance, instance._meta.get_field(name).attname, value)


def _prepared_values(db, instance: Model, skip: tuple[str, ...]) -> tuple[tuple, list]:
    names, fields = _stored_fields(type(instance), skip)
    unchanged = _kept_as_is(type(instance), skip, db.features.has_native_uuid_field)
    values = []
    for field, as_is in zip(fields, unchanged, strict=True):
        value = field.pre_save(instance, True)
        # Django's preparation costs a few microseconds a field, for every report, and for
        # these values would return them unchanged.
        if type(value) not in as_is:
            value = field.get_db_prep_save(value, db)
        values.append(value)
    return names, values


@functools.cache
def _stored_fields(model: type[Model], skip: tuple[str, ...]) -> tuple[tuple, tuple]:
    """The columns an insert writes and their fields: all but the primary key and `skip`."""
    fields = tuple(
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in skip
    )
    return tuple(field.column for field in fields), fields


@functools.cache
def _kept_as_is(model: type[Model], skip: tuple[str, ...], native_uuid: bool) -> tuple:
    """For each field _stored_fields gives, the value types its preparation returns unchanged."""
    return tuple(_as_is(field, native_uuid) for field in _stored_fields(model, skip)[1])


_TEXT = (models.CharField, models.TextField)
_INTEGER = (models.AutoField, models.BigAutoField, models.IntegerField, models.BigIntegerField)


def _as_is(field, native_uuid: bool) -> frozenset:
    """Known only for Django's own field classes (exactly: a subclass may prepare otherwise);
    JSON, dates and times and every other field always go through the field."""
    kind = type(field)
    if kind is models.ForeignKey:
        return _as_is(field.target_field, native_uuid)
    if kind in _TEXT:
        return frozenset({str, type(None)})
    if kind in _INTEGER:
        return frozenset({int, type(None)})
    if kind is models.BooleanField:
        return frozenset({bool, type(None)})
    if kind is models.UUIDField and native_uuid:
        return frozenset({uuid.UUID, type(None)})
    return frozenset()


def _mark_stored(db, instance: Model, pk) -> None:
    instance.pk = pk
    instance._state.adding, instance._state.db = False, db.alias


def _quoted(columns) -> str:
    return ", ".join(f'"{column}"' for column in columns)


def _typed(model: type[Model], names) -> list[str]:
    """Parameters in a SELECT list have no column to take their type from: say it."""
    if connection.vendor != "postgresql":
        return ["%s"] * len(names)
    types = {field.column: field.db_type(connection) for field in model._meta.concrete_fields}
    return [f"CAST(%s AS {types[name]})" for name in names]


@functools.cache
def _insert_statement(
    model: type[Model], names: tuple, conflict: tuple, taken: tuple, source: str | None
) -> str:
    meta = model._meta
    taken_columns = [meta.get_field(name).column for name, _expression in taken]
    if source is None:
        rows = f"VALUES ({', '.join(['%s'] * len(names))})"
    else:
        bound = _typed(model, names)
        rows = f"SELECT {', '.join(bound + [expression for _name, expression in taken])} {source}"
    conflict_columns = [meta.get_field(name).column for name in conflict]
    skip = f"ON CONFLICT ({_quoted(conflict_columns)}) DO NOTHING " if conflict else ""
    return (
        f'INSERT INTO "{meta.db_table}" ({_quoted([*names, *taken_columns])}) {rows} '  # noqa: S608 - names from the model
        f"{skip}RETURNING {_quoted([meta.pk.column, *taken_columns])}"
    )


@functools.cache
def _first_statement(first: str, statement: str) -> str:
    if statement.startswith("WITH "):
        return f"WITH {first}, {statement.removeprefix('WITH ')}"
    return f"WITH {first} {statement}"


@functools.cache
def _along_statement(
    main: str, main_pk: str, model: type[Model], names: tuple, link: str, computed: tuple = ()
) -> str:
    """The main insert in a WITH clause, the second row inserted from what it returned: no
    row stored by the first, none by the second."""
    meta = model._meta
    link_column = meta.get_field(link).column
    computed_columns = [meta.get_field(name).column for name, _expression in computed]
    selected = [*_typed(model, names), *(expression for _name, expression in computed)]
    return (
        f"WITH main AS ({main}), "  # noqa: S608 - names from the models
        f'along AS (INSERT INTO "{meta.db_table}" '
        f"({_quoted([*names, *computed_columns, link_column])}) "
        f'SELECT {", ".join(selected)}, main."{main_pk}" FROM main '
        f"RETURNING {_quoted([meta.pk.column, *computed_columns])}) "
        "SELECT main.*, along.* FROM main, along"
    )
