"""The answer to a locked-out sign-in on every door, for django-axes (AXES_LOCKOUT_CALLABLE).
ODK Collect reads an OpenRosa message; the web and the API answer as accounts does."""

from typing import Any

from django.http import HttpRequest, HttpResponse

from amanat.accounts.views import login_locked_out as account_locked_out

from .openrosa import openrosa_locked_out


def login_locked_out(
    request: HttpRequest, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    if request.path_info.startswith("/openrosa/"):
        return openrosa_locked_out(request)
    return account_locked_out(request, credentials, *args, **kwargs)
