"""{% promises_of_mandate mandate %} on a mandate's page: the promises made from it and, for
staff, the elected candidates' commitments to track (kept out of views.mandate_detail so the
mandate's page needs one line for it)."""

from typing import Any

from django import template

from amanat.mandates.models import Mandate
from amanat.mandates.selectors_promises import answers_to_track, promises_of_mandate

register = template.Library()


@register.inclusion_tag("mandates/promises/_of_mandate.html", takes_context=True)
def promises_of(context: dict[str, Any], mandate: Mandate) -> dict[str, Any]:
    user = context["request"].user
    staff = user.has_perm("mandates.rate_promise")
    return {
        "promises": list(promises_of_mandate(mandate)),
        "trackable": list(answers_to_track(mandate)) if staff else [],
        "request": context["request"], "csrf_token": context.get("csrf_token"),
    }  # fmt: skip
