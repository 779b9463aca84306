# Full-text search of guides with word forms: on SQLite, an FTS5 table of each guide's search
# text (services.guide_index keeps it in step); on PostgreSQL the columns are searched as they
# are. Every guide's search text is folded again ("ё" as "е") and, on SQLite, indexed.

from django.db import migrations

from amanat.core.textsearch import fold

TABLE = "voterinfo_guide_fts"
FIELDS = [f"{field}_{lang}" for field in ("title", "summary", "body") for lang in ("kk", "ru", "en")]


def forwards(apps, schema_editor):
    Guide = apps.get_model("voterinfo", "Guide")
    sqlite = schema_editor.connection.vendor == "sqlite"
    if sqlite:
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, tokenize = 'unicode61')"
        )
    for guide in Guide.objects.all():
        guide.search_text = fold(" ".join(getattr(guide, name) or "" for name in FIELDS))
        guide.save(update_fields=["search_text"])
        if sqlite:
            schema_editor.execute(
                f"INSERT INTO {TABLE} (rowid, text) VALUES (%s, %s)", [guide.pk, guide.search_text]
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("voterinfo", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
