from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "amanat.training"
    verbose_name = _("Training and certification")

    def ready(self) -> None:
        from amanat.accounts.signup import carried_arrived

        from .services import carried_attempt_claim

        # A visitor who passed the first-time voter quiz keeps the badge in their account.
        carried_arrived.connect(carried_attempt_claim, dispatch_uid="training.attempt_claim")
