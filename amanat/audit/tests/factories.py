from django.db import connection

from amanat.audit.models import AuditEntry
from amanat.audit.services import audit_record

TABLE = AuditEntry._meta.db_table


def _tamper(sql: str, params: list) -> None:
    """What an intruder with database access would do: drop the guard, then edit rows."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        cursor.execute(sql, params)


def _three_entries(user):
    return [
        audit_record(action="accounts.login", actor=user, obj=user),
        audit_record(action="geography.import_stations", actor=user, data={"created": 10}),
        audit_record(action="accounts.logout", actor=user, obj=user),
    ]
