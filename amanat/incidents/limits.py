"""How many reports one reporter may send: the web page and the API share one count."""

from django.http import HttpRequest

from amanat.core.rate_limits import limit_reached

# Observers report from their stations and the hotline types in phone calls all day: many
# reports an hour. A citizen reports a few; more from one person or address is a flood.
MANY_REPORTS_ROLES = {"observer", "moderator", "coordinator", "lawyer", "admin"}


def report_rate(group: str, request: HttpRequest) -> str:
    return "200/h" if getattr(request.user, "role", None) in MANY_REPORTS_ROLES else "20/h"


def report_limit_reached(request: HttpRequest) -> int:
    """Count one report; seconds until this reporter may send again (0: now). Keyed per
    account when signed in (`user_or_ip`), else per trusted client address, so citizens
    behind one proxy never share a count."""
    return limit_reached(request, group="incidents.report", key="user_or_ip", rate=report_rate)
