"""The roles of the observer network, and which of them are staff (two-factor login)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Regional coordinator")
    OBSERVER = "observer", _("Observer")
    LAWYER = "lawyer", _("Volunteer lawyer")
    ANALYST = "analyst", _("Analyst")
    MODERATOR = "moderator", _("Moderator")
    MEDIA_MONITOR = "media_monitor", _("Media monitor")
    EXPERT = "expert", _("Expert")
    JOURNALIST = "journalist", _("Journalist")
    CANDIDATE_TEAM = "candidate_team", _("Candidate's team")
    CITIZEN = "citizen", _("Citizen")


STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.LAWYER, Role.ANALYST, Role.MODERATOR})
# Roles whose reach is limited to the regions assigned to the user.
REGION_SCOPED_ROLES = frozenset({Role.COORDINATOR, Role.LAWYER, Role.OBSERVER})
