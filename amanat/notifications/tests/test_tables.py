"""The models moved from amanat_channels kept their tables, so existing rows are theirs."""

from django.apps import apps


def test_moved_models_keep_the_tables_of_channels():
    tables = {
        name: apps.get_model("notifications", name)._meta.db_table
        for name in ("Notification", "Delivery", "TelegramLink", "TelegramLinkCode")
    }
    assert tables == {
        "Notification": "amanat_channels_notification",
        "Delivery": "amanat_channels_delivery",
        "TelegramLink": "amanat_channels_telegramlink",
        "TelegramLinkCode": "amanat_channels_telegramlinkcode",
    }
    channels = {m.__name__ for m in apps.get_app_config("amanat_channels").get_models()}
    assert channels == {"InboundMessage", "TelegramConversation", "TelegramUpdate"}
