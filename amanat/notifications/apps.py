from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "amanat.notifications"
    verbose_name = _("Messages and channels")
