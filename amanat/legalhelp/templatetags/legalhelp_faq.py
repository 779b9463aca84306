"""The lawyers' published answers found for a query, as a section any page can include (the
voter information search shows them beside its guides without importing legal help)."""

from typing import Any

from django import template

from amanat.legalhelp.selectors import faq_search

register = template.Library()


@register.inclusion_tag("legalhelp/_faq_results.html", takes_context=True)
def faq_results(context: template.Context, query: str) -> dict[str, Any]:
    return {"faq": faq_search(query), "LANGUAGE_CODE": context.get("LANGUAGE_CODE")}
