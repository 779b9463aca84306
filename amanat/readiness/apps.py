from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadinessConfig(AppConfig):
    name = "amanat.readiness"
    verbose_name = _("Pre-election readiness")

    def ready(self) -> None:
        from amanat.core.signals import report_stored

        from . import (
            receivers,
            rules_conditions,  # noqa: F401  (registers the permissions)
        )
        from .monitoring import monitoring_listen
        from .services import NAMES_FORM, PEOPLE_FORM

        report_stored.connect(
            receivers.on_name_report, sender=NAMES_FORM, dispatch_uid="readiness-names"
        )
        report_stored.connect(
            receivers.on_person_report, sender=PEOPLE_FORM, dispatch_uid="readiness-people"
        )
        monitoring_listen()
