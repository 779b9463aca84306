"""Rate limits whose refusal a person can read: django-ratelimit counts, this answers.

django-ratelimit's own decorator raises a bare 403 that says neither why nor until when. Here
the same counters (`get_usage`, keyed on the trusted client address through
RATELIMIT_IP_META_KEY) answer 429 with Retry-After and a page in the visitor's language that
says when to try again.
"""

import math
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

# When the cache cannot count (get_usage says so with time_left -1), ask for a minute.
_UNKNOWN_WAIT = 60


def limit_reached(request: HttpRequest, *, key, rate, group=None, fn=None, method=ALL) -> int:
    """Count this request; 0 while under the limit, else the seconds until it lifts."""
    usage = get_usage(
        request, group=group, fn=fn, key=key, rate=rate, method=method, increment=True
    )
    if usage is None or not usage["should_limit"]:
        return 0
    return usage["time_left"] if usage["time_left"] > 0 else _UNKNOWN_WAIT


def minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))


def with_retry_after(response: HttpResponse, seconds: int) -> HttpResponse:
    response["Retry-After"] = str(seconds)
    return response


def refused_page(request: HttpRequest, seconds: int) -> HttpResponse:
    response = render(request, "rate_limited.html", {"minutes": minutes(seconds)}, status=429)
    return with_retry_after(response, seconds)


def rate_limit(*, rate, key="ip", method=ALL, group=None):
    """Like django-ratelimit's @ratelimit(block=True), but the refusal is a 429 page."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            wait = limit_reached(request, group=group, fn=view, key=key, rate=rate, method=method)
            if wait:
                return refused_page(request, wait)
            return view(request, *args, **kwargs)

        return limited

    return decorator
