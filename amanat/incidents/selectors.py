from django.db.models import QuerySet

from amanat.accounts.roles import Role

from .models import Report


def reports_published(*, phase: str = "", category: str = "", region: str = "") -> QuerySet[Report]:
    reports = Report.objects.filter(is_published=True, merged_into__isnull=True).select_related(
        "category", "region", "station"
    )
    if phase:
        reports = reports.filter(category__phase=phase)
    if category:
        reports = reports.filter(category__code=category)
    if region:
        reports = reports.filter(region__code=region)
    return reports.order_by("-occurred_at")


def reports_to_moderate(user) -> QuerySet[Report]:
    reports = Report.objects.select_related("category", "region", "station")
    if user.role in (Role.ADMIN, Role.MODERATOR):
        return reports
    if user.role == Role.COORDINATOR:
        return reports.filter(region__in=user.regions.all())
    return reports.none()
