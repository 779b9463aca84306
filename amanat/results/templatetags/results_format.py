from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def percent(fraction, digits: int = 2):
    """0.51234 → "51.23 %" in the page's number format; nothing for a missing value."""
    if fraction is None:
        return "—"
    return f"{floatformat(fraction * 100, digits)} %"


@register.filter
def interval(estimate, confidence):
    """An Estimate's interval at a confidence (0.95 or 0.99) as "low – high %"."""
    found = estimate.intervals[float(confidence)]
    return f"{floatformat(found.low * 100, 2)} – {floatformat(found.high * 100, 2)} %"


@register.filter
def inside(estimate, confidence):
    return estimate.inside(float(confidence))
