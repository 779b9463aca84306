"""The one error envelope of /api/v1: {"detail": "...", "code": "...", "errors": [...]}."""

from enum import StrEnum
from typing import Annotated

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import AfterValidator, StringConstraints


class ErrorCode(StrEnum):
    INVALID = "invalid"
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    INVALID_CREDENTIALS = "invalid_credentials"
    OTP_REQUIRED = "otp_required"
    INVALID_OTP = "invalid_otp"
    LOCKED_OUT = "locked_out"
    UNAVAILABLE = "unavailable"
    ERROR = "error"


def _no_nul(value: str) -> str:
    """PostgreSQL cannot take NUL in a query's text: refused (422) before any query."""
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


# A text parameter that may reach a query (a filter, a code looked up).
QueryText = Annotated[str, StringConstraints(max_length=200), AfterValidator(_no_nul)]


class FieldErrorOut(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    """The envelope every error answer has, as OpenAPI shows it."""

    detail: str
    code: str
    errors: list[FieldErrorOut]


def error_responses(*statuses: int) -> dict[int, type[ErrorOut]]:
    """An operation's error answers for its `response={...}`: the ones it names (400: a
    body that is not JSON), and 503, which any operation answers while the database is
    unreachable."""
    return dict.fromkeys((*statuses, 503), ErrorOut)


class ApiError(Exception):
    """Raised by endpoints for a precise, translated error."""

    def __init__(self, status: int, code: str, detail: str, errors: list | None = None):
        super().__init__(detail)
        self.status, self.code, self.detail, self.errors = status, code, detail, errors or []


def error_response(status: int, code: str, detail: str, errors: list | None = None):
    body = {"detail": detail, "code": code, "errors": errors or []}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _field_errors(exc: ValidationError) -> list[dict]:
    errors = []
    for item in exc.errors:
        location = [str(part) for part in item.get("loc", []) if part not in ("body", "payload")]
        errors.append(
            {
                "field": ".".join(location),
                "code": item.get("type", ErrorCode.INVALID),
                "message": item.get("msg", ""),
            }
        )
    return errors


def install_error_handlers(api: NinjaAPI) -> None:
    from amanat.core.unavailable import unavailable_json

    @api.exception_handler(ApiError)
    def on_api_error(request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.detail, exc.errors)

    @api.exception_handler(ValidationError)
    def on_validation(request, exc: ValidationError):
        return error_response(
            422, ErrorCode.INVALID, _("The request is not valid."), _field_errors(exc)
        )

    @api.exception_handler(AuthenticationError)
    def on_auth(request, exc):
        return error_response(
            401, ErrorCode.NOT_AUTHENTICATED, _("Authentication credentials were not provided.")
        )

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return error_response(404, ErrorCode.NOT_FOUND, _("Not found."))

    @api.exception_handler(OperationalError)
    @api.exception_handler(InterfaceError)
    def on_database_unavailable(request, exc):
        return unavailable_json()

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        return error_response(exc.status_code, ErrorCode.ERROR, str(exc))

    @api.exception_handler(TooManyFilesSent)
    @api.exception_handler(TooManyFieldsSent)
    @api.exception_handler(RequestDataTooBig)
    def on_body_refused(request, exc):
        """Django's own caps on a body (DATA_UPLOAD_MAX_*): the envelope, not an HTML 400."""
        return error_response(
            400, ErrorCode.INVALID, _("The request has too many files or fields, or is too large.")
        )
