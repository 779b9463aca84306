# The voter-list audit (0001_initial) and the monitoring, self-checks and refusals register
# (0001_conditions) were made side by side; neither depends on the other.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("readiness", "0001_conditions"),
        ("readiness", "0001_initial"),
    ]

    operations: list = []
