"""While the database restarts or cannot be reached, answer 503 with Retry-After (JSON for
/api/, a page in the visitor's language elsewhere) rather than a 500: clients and phones
then retry instead of reporting a bug, and monitors tell an outage from a defect."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults

# OperationalError: the server went away or refused the connection; InterfaceError: the
# connection Django held was closed under it. Neither says anything about the request.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(exc: BaseException | None) -> bool:
    return isinstance(exc, DATABASE_UNAVAILABLE)


def unavailable_json() -> HttpResponse:
    from amanat.core.api_errors import ErrorCode, error_response

    response = error_response(
        503,
        ErrorCode.UNAVAILABLE,
        _("The service is briefly unavailable. Try again in a minute."),
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def unavailable_page(request: HttpRequest) -> HttpResponse:
    # Rendered without the request's context (no database, no user), in the language of
    # the address or the browser: a failure before LocaleMiddleware leaves none active.
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        content = loader.get_template("503.html").render()
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: Django calls it while handling the uncaught exception."""
    if database_unavailable(sys.exc_info()[1]):
        if request.path_info.startswith("/api/"):
            return unavailable_json()
        return unavailable_page(request)
    return defaults.server_error(request, template_name)
