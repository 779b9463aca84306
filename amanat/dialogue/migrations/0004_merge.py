from django.db import migrations


class Migration(migrations.Migration):
    """Joins the three branches that followed the bans: debates, events, voices and
    moderation."""

    dependencies = [
        ("dialogue", "0003_debates"),
        ("dialogue", "0003_events"),
        ("dialogue", "0003_voices"),
    ]

    operations = []
