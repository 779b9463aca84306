"""The request as the views see it: django-htmx's middleware (in every settings module) adds
`request.htmx`; the type says so, where HttpRequest cannot."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
