from datetime import date

from django.db.models import Count, QuerySet

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.geography.models import Region

from .models import Category, Phase, Report


def reports_published(
    *,
    phase: str = "",
    category: str = "",
    region: str = "",
    credibility: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Report]:
    reports = Report.objects.filter(is_published=True, merged_into__isnull=True).select_related(
        "category", "region", "station"
    )
    if phase:
        reports = reports.filter(category__phase=phase)
    if category:
        reports = reports.filter(category__code=category)
    if region:
        reports = reports.filter(region__code=region)
    if credibility:
        reports = reports.filter(credibility=credibility)
    if date_from:
        reports = reports.filter(occurred_at__date__gte=date_from)
    if date_to:
        reports = reports.filter(occurred_at__date__lte=date_to)
    return reports.order_by("-occurred_at")


def statistics(reports: QuerySet[Report]) -> dict[str, list[tuple[str, int]]]:
    """Counts by phase, category and region, most first, for the public page.

    Names come from the objects, not the columns, so a missing Kazakh name falls back as
    everywhere else on the site.
    """

    def counted(field: str) -> list[tuple[object, int]]:
        rows = reports.order_by().values(field).annotate(n=Count("pk")).order_by("-n", field)
        return [(row[field], row["n"]) for row in rows]

    def named(model: type[Category | Region], field: str) -> list[tuple[str, int]]:
        rows = counted(field)
        objects = model.objects.in_bulk([key for key, _n in rows if key is not None])
        return [(str(objects[key].name) if key in objects else "—", n) for key, n in rows]

    phases: dict[object, str] = {code: str(label) for code, label in Phase.choices}
    return {
        "phase": [
            (phases.get(code, str(code or "—")), n) for code, n in counted("category__phase")
        ],
        "category": named(Category, "category_id"),
        "region": named(Region, "region_id"),
    }


def reports_to_moderate(user: User) -> QuerySet[Report]:
    reports = Report.objects.select_related("category", "region", "station")
    if user.role in (Role.ADMIN, Role.MODERATOR):
        return reports
    if user.role == Role.COORDINATOR:
        return reports.filter(region__in=user.regions.all())
    return reports.none()


def responders_for(report: Report) -> QuerySet[User]:
    """Who may be given the report: the active lawyers and coordinators of its region."""
    return User.objects.filter(
        is_active=True, role__in=[Role.LAWYER, Role.COORDINATOR], regions=report.region_id
    ).order_by("username")
