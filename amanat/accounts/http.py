"""The request of a view that only a signed-in user reaches (login_required or a rule)."""

from amanat.core.http import HtmxHttpRequest

from .models import User


class AuthenticatedHttpRequest(HtmxHttpRequest):
    user: User
