from django.db.models import Count, QuerySet

from amanat.accounts.roles import Role

from .models import Phase, Report


def reports_published(
    *,
    phase: str = "",
    category: str = "",
    region: str = "",
    credibility: str = "",
    date_from=None,
    date_to=None,
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
    """Counts by phase, category and region, most first, for the public page."""

    def counted(field: str) -> list[tuple[str, int]]:
        rows = reports.order_by().values(field).annotate(n=Count("pk")).order_by("-n")
        return [(row[field] or "—", row["n"]) for row in rows]

    phases = dict(Phase.choices)
    return {
        "phase": [(phases.get(code, code), n) for code, n in counted("category__phase")],
        "category": counted(f"category__name_{_lang()}"),
        "region": counted(f"region__name_{_lang()}"),
    }


def _lang() -> str:
    from django.utils.translation import get_language

    lang = (get_language() or "ru")[:2]
    return lang if lang in ("kk", "ru", "en") else "ru"


def reports_to_moderate(user) -> QuerySet[Report]:
    reports = Report.objects.select_related("category", "region", "station")
    if user.role in (Role.ADMIN, Role.MODERATOR):
        return reports
    if user.role == Role.COORDINATOR:
        return reports.filter(region__in=user.regions.all())
    return reports.none()
