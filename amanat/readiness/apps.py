from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadinessConfig(AppConfig):
    name = "amanat.readiness"
    verbose_name = _("Pre-election readiness")
