# The inbox, the delivery log and the Telegram links now belong to the notifications app
# (notifications.0001 takes them into its state with the same tables). Only the state goes:
# the tables and their rows stay.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("amanat_channels", "0006_notification_language"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Delivery"),
                migrations.DeleteModel(name="Notification"),
                migrations.DeleteModel(name="TelegramLink"),
                migrations.DeleteModel(name="TelegramLinkCode"),
            ],
            database_operations=[],
        ),
    ]
