from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForensicsConfig(AppConfig):
    name = "amanat.forensics"
    verbose_name = _("Election forensics")
