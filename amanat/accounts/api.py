import unicodedata
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import AfterValidator, StringConstraints

from amanat.core.api_errors import ApiError, ErrorCode, error_responses

from . import services
from .errors import LOGIN_MESSAGES

router = Router(tags=["auth"])


def _no_control_characters(value: str) -> str:
    """A login never holds control characters; refused here, they never reach the database
    (PostgreSQL cannot store NUL) nor the login throttle's records."""
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError("control characters are not allowed")
    return value


# Bounds of the columns these end up in (e-mail addresses, the throttle's username); a
# password is bounded so hashing it stays cheap.
Login = Annotated[str, StringConstraints(max_length=254), AfterValidator(_no_control_characters)]
Password = Annotated[str, StringConstraints(max_length=1024)]
Otp = Annotated[str, StringConstraints(max_length=32), AfterValidator(_no_control_characters)]
DeviceName = Annotated[str, AfterValidator(_no_control_characters)]  # cut to 100 when stored


class TokenIn(Schema):
    username: Login
    password: Password
    otp: Otp | None = None
    device_name: DeviceName = ""


class TokenOut(Schema):
    token: str
    token_type: str = "Bearer"  # noqa: S105 - a scheme name, not a secret
    username: str
    role: str


class MeOut(Schema):
    username: str
    role: str
    regions: list[str]


def _login_error(code: str) -> ApiError:
    status = {"locked_out": 429}.get(code, 401)
    return ApiError(status, code, str(LOGIN_MESSAGES[code]))


@router.post(
    "/auth/token",
    response={200: TokenOut, **error_responses(400, 401, 422, 429)},
    auth=None,
    summary="Exchange a login for a token",
)
def token(request, payload: TokenIn):
    try:
        check = services.user_check_password(
            request=request, login=payload.username, password=payload.password
        )
        if check.needs_second_factor:
            if services.totp_device_confirmed(check.user) is None:
                raise services.LoginError("otp_not_enrolled")
            if not payload.otp:
                raise services.LoginError("otp_required")
            services.user_verify_second_factor(request=request, user=check.user, token=payload.otp)
    except services.LoginError as failure:
        raise _login_error(failure.code) from None
    _, key = services.api_token_issue(request=request, user=check.user, name=payload.device_name)
    return {"token": key, "username": check.user.username, "role": check.user.role}


@router.get(
    "/auth/me", response={200: MeOut, **error_responses(401)}, summary="Who the token belongs to"
)
def me(request):
    user = request.auth
    if user is None:
        raise ApiError(401, ErrorCode.NOT_AUTHENTICATED, _("Not authenticated."))
    return {
        "username": user.username,
        "role": user.role,
        "regions": list(user.regions.values_list("code", flat=True)),
    }
