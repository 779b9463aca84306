from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "amanat.results"
    verbose_name = _("Results protocols")

    def ready(self) -> None:
        from amanat.evidence.exports import export_builder_register

        from .exports import KIND

        export_builder_register(KIND)
