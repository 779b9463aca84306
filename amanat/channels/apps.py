from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "amanat.channels"
    label = "amanat_channels"
    verbose_name = _("Messages and channels")
