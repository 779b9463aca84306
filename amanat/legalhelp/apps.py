from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalhelpConfig(AppConfig):
    name = "amanat.legalhelp"
    verbose_name = _("Legal consultation")
