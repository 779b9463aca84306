# Certificates now belong to accounts (accounts 0003), in the same table: training forgets the
# model without dropping the table.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('training', '0001_initial'),
        ('accounts', '0003_certificate'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Certificate',
                ),
            ],
            database_operations=[],
        ),
    ]
