"""Refuse a NUL character in a page's address, query or form, before any view runs.

PostgreSQL refuses NUL in any text it is given, so a search box, a filter or a login field
holding one (`?q=%00`) was a server error wherever the value reached a query; SQLite takes it,
so tests on SQLite never showed it. No person types NUL: the request is answered 400 with a
page in the user's language (the API: 422 in its own error envelope). Django's form fields
already refuse NUL; this covers every value a view reads itself, in one place.

The intakes are not refused: an SMS, a Telegram update or an OpenRosa submission must be kept
whatever it holds, and they clean their text themselves (core.outside_text)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from .api_errors import ErrorCode, error_response

# Paths whose requests are messages to keep, never refused for what they hold.
INTAKES = ("/sms/", "/telegram/", "/openrosa/")
FORM = "application/x-www-form-urlencoded"


class NulRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(INTAKES) and _holds_nul(request):
            return _refused(request)
        return self.get_response(request)


def _holds_nul(request) -> bool:
    if "\x00" in request.path_info or "%00" in request.META.get("QUERY_STRING", ""):
        return True
    # Only URL-encoded forms are read here: a multipart body is left to the view (its upload
    # handlers are set before it is read), and Django's form fields refuse NUL in it.
    if request.method == "POST" and request.content_type == FORM:
        return any("\x00" in key or any("\x00" in v for v in values)
                   for key, values in request.POST.lists())  # fmt: skip
    return False


def _refused(request):
    message = _("The address or the form contains a character that cannot be used (a null "
                "character). Go back, remove it and try again.")  # fmt: skip
    if request.path.startswith("/api/"):
        return error_response(422, ErrorCode.INVALID, message)
    return render(request, "core/nul_refused.html", {"message": message}, status=400)
