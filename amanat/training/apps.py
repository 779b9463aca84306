from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "amanat.training"
    verbose_name = _("Training and certification")

    def ready(self) -> None:
        from amanat.accounts.signup import account_created

        from .services import carried_attempt_claim

        # A visitor who passed the first-time voter quiz keeps the badge in the new account.
        account_created.connect(carried_attempt_claim, dispatch_uid="training.attempt_claim")
