"""The transfers of days off and the Kurban Ait dates known for 2025 and 2026 (legal.known_days
says where each comes from)."""

from django.db import migrations


def load(apps, schema_editor):
    from amanat.legal.known_days import known_days_load

    known_days_load(apps)


def unload(apps, schema_editor):
    from amanat.legal.known_days import KNOWN_DAYS

    CalendarDay = apps.get_model("legal", "CalendarDay")
    CalendarDay.objects.filter(date__in=[day for day, _kind, _note in KNOWN_DAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_calendar_day")]

    operations = [migrations.RunPython(load, unload)]
