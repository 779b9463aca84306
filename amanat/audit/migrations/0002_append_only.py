"""The database itself refuses to change or delete audit rows (PostgreSQL and SQLite)."""

from django.db import migrations

from amanat.audit.guard import audit_guard_install, audit_guard_remove


def forwards(apps, schema_editor):
    audit_guard_install(schema_editor.connection)


def backwards(apps, schema_editor):
    audit_guard_remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
