from dataclasses import dataclass

from django.http import HttpRequest
from ninja.security import HttpBearer

from .models import User
from .services import api_token_authenticate


@dataclass(frozen=True)
class BearerKey:
    """A bearer token's key, taken but not checked yet."""

    key: str


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` from POST /api/v1/auth/token.

    `checked_by_view`: the operation gets the key (a BearerKey) unchecked, and checks it
    itself, e.g. inside the statement that stores a report; one class either way, so that
    OpenAPI shows one security scheme."""

    def __init__(self, *, checked_by_view: bool = False) -> None:
        super().__init__()
        self.checked_by_view = checked_by_view

    def __call__(self, request: HttpRequest) -> User | BearerKey | None:
        # One header is needed: `request.headers` would first build a dict of them all, on
        # every election-day report.
        scheme, _, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() != self.openapi_scheme or not token:
            return None
        return self.authenticate(request, token)

    def authenticate(self, request: HttpRequest, token: str) -> User | BearerKey | None:
        if self.checked_by_view:
            return BearerKey(token)
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user
