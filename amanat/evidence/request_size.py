"""The request as a whole, before it is read: a body past the request cap is refused from its
Content-Length before a byte of it is read."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from amanat.core.api_errors import error_response

from .limits import megabytes, request_limit


def content_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def body_too_large(request: HttpRequest, limit: int | None = None) -> bool:
    """True if the declared body is past `limit` (default: the request cap). Django reads no
    more than Content-Length, so the declared length is what could be read. An intake with a
    smaller cap of its own (OpenRosa's advertised size) calls this with it before request.FILES."""
    return content_length(request) > (limit or request_limit())


def too_large_response(request: HttpRequest, limit: int | None = None) -> HttpResponse:
    limit = limit or request_limit()
    message = _("What you sent is larger than %(limit)s MB altogether. Send fewer or smaller "
                "files.") % {"limit": megabytes(limit)}  # fmt: skip
    if request.path.startswith("/api/"):
        response: HttpResponse = error_response(413, "too_large", message)
        return response
    return render(request, "413.html", {"message": message}, status=413)


class RequestSizeMiddleware:
    """Refuse an oversized body with 413 before anything (CSRF, a form) reads it. The server
    closes the connection with the rest unread (gunicorn's sync workers close every one; a
    WSGI application may not set Connection itself, PEP 3333)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if body_too_large(request):
            return too_large_response(request)
        return self.get_response(request)
