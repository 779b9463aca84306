# The official results move from results to elections (forensics reads them too, and the two
# apps of one layer may not import each other). The table and its rows stay where they are:
# this migration only tells Django's state that the model now lives here.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('elections', '0002_programmes'),
        ('geography', '0004_station_number_index'),
        ('results', '0002_pvt_sample'),  # the table results_officialresult exists
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OfficialResult',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('figures', models.JSONField(verbose_name='figures')),
                        ('source', models.CharField(max_length=300, verbose_name='source')),
                        ('imported_at', models.DateTimeField(auto_now=True, verbose_name='imported')),
                        ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='official_results', to='elections.contest')),
                        ('station', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='official_results', to='geography.pollingstation')),
                    ],
                    options={
                        'verbose_name': 'official result',
                        'verbose_name_plural': 'official results',
                        'db_table': 'results_officialresult',
                        'constraints': [models.UniqueConstraint(fields=('contest', 'station'), name='official_result_once')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
