"""Reference data: Kazakhstan, its 20 first-level units, the CEC and territorial commissions."""

from django.db import migrations

from amanat.geography.reference import kazakhstan_load


def load(apps, schema_editor):
    kazakhstan_load(apps)


class Migration(migrations.Migration):
    dependencies = [("geography", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
