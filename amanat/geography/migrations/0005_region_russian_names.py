"""The Russian names of KZ-33 and KZ-62 in their official Russian spelling ("область Жетысу",
"область Улытау", not with the Kazakh letters і and ұ); the reference data is loaded again."""

from django.db import migrations

from amanat.geography.reference import kazakhstan_load


def load(apps, schema_editor):
    kazakhstan_load(apps)


class Migration(migrations.Migration):
    dependencies = [("geography", "0004_station_number_index")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
