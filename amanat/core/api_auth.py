from ninja.security import HttpBearer

from amanat.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` from POST /api/v1/auth/token."""

    def __call__(self, request):
        # One header is needed: `request.headers` would first build a dict of them all, on
        # every election-day report.
        scheme, _, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() != self.openapi_scheme or not token:
            return None
        return self.authenticate(request, token)

    def authenticate(self, request, token):
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user
