from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadinessConfig(AppConfig):
    name = "amanat.readiness"
    verbose_name = _("Pre-election readiness")

    def ready(self) -> None:
        from . import rules_conditions  # noqa: F401  (registers the permissions)
        from .monitoring import monitoring_listen

        monitoring_listen()
