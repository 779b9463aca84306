from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoterinfoConfig(AppConfig):
    name = "amanat.voterinfo"
    verbose_name = _("Voter information")
