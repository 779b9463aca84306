from django.db import migrations


class Migration(migrations.Migration):
    """Joins the three branches that followed the promises: appeals, the elected, and the
    phone confirmation."""

    dependencies = [
        ("mandates", "0003_appeals"),
        ("mandates", "0003_elected"),
        ("mandates", "0003_confirmation_phone"),
    ]

    operations = []
