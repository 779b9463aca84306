# The official results now belong to elections (elections.0003 takes the model into its state,
# keeping the table results_officialresult). Here the model leaves results' state only: no table
# is dropped, no row is lost.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('results', '0002_pvt_sample'),
        ('elections', '0003_official_results'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='OfficialResult')],
            database_operations=[],
        ),
    ]
