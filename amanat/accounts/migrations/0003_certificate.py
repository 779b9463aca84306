# Certificates move from training to accounts, below both training (which issues them) and
# observers (which deploy and message their holders). The table stays training_certificate:
# the state moves, the data does not.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_digest_credential'),
        ('training', '0001_initial'),  # which made the table
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Certificate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('program', models.CharField(choices=[('observer', 'Observer certification'), ('first_time_voter', 'First-time voter')], max_length=30, verbose_name='programme')),
                        ('code', models.CharField(max_length=20, unique=True, verbose_name='verification code')),
                        ('holder_name', models.CharField(max_length=200, verbose_name='holder')),
                        ('issued_at', models.DateTimeField(verbose_name='issued')),
                        ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='certificates', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'certificate',
                        'verbose_name_plural': 'certificates',
                        'db_table': 'training_certificate',
                        'ordering': ['-issued_at'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('revoked_at__isnull', True)), fields=('user', 'program'), name='one_valid_certificate_per_programme')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
