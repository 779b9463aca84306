"""A Django cursor whose statements PostgreSQL may prepare, for the few election-day
statements of amanat.checklists.ingestion and the SMS sender's lookup.

Django binds parameters on the client (its default, kept for every other query), and such
statements can never be prepared: the server parses and plans each again. Measured on the
staffed election (bench/README.md), unprepared, a JSON report cost the database 3.7 times
the raw insert's CPU and JSON and SMS reached 51 % and 42 % of the raw-insert ceiling;
prepared, 1.3 times, and 72 % and 52 %. The cursor here is Django's own
(wrapped as any other: errors, query logging, execute wrappers, health check) around
psycopg's server-binding cursor, and psycopg prepares its statements after
`prepare_threshold` uses on a connection (settings; 0 behind a pooler in transaction mode)."""

from typing import Any

from django.db import connection


def cursor_preparable() -> Any:
    """connection.cursor(), binding parameters on the server on PostgreSQL."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    import psycopg

    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    # psycopg's own cursor, which binds on the server (django-stubs expect a wrapper here).
    server_bound: Any = psycopg.Cursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(server_bound)
    return connection.make_cursor(server_bound)
