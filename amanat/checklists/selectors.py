from django.db.models import QuerySet

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.observers.selectors import regions_visible_to

from .models import Submission


def submissions_visible_to(user: User) -> QuerySet[Submission]:
    """Observers see their own; coordinators their regions'; admins and analysts all."""
    submissions = Submission.objects.select_related("version__form", "station")
    if user.role == Role.OBSERVER:
        return submissions.filter(observer__user=user)
    if user.role in (Role.ADMIN, Role.ANALYST, Role.COORDINATOR):
        return submissions.filter(station__district__region__in=regions_visible_to(user))
    return submissions.none()
