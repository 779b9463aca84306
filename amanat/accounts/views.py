import io

import qrcode
import qrcode.image.svg
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from amanat.audit.services import audit_record
from amanat.core.api_errors import error_response

from . import services
from .errors import LOGIN_MESSAGES
from .forms import LoginForm, OneTimeCodeForm
from .models import User
from .signup import carried_deliver

PENDING_KEY = "amanat_2fa_user"
NEXT_KEY = "amanat_next"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("core:home")


def _complete_login(request: HttpRequest, user: User, device=None) -> HttpResponse:
    next_url = request.session.pop(NEXT_KEY, None)
    request.session.pop(PENDING_KEY, None)
    auth_login(request, user, backend="amanat.accounts.backends.UsernameEmailPhoneBackend")
    if device is not None:
        otp_login(request, device)
    carried_deliver(request.session, user)  # a visitor's course badge, say
    audit_record(action="accounts.login", actor=user, obj=user, request=request)
    return redirect(_safe_next(request, next_url))


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            check = services.user_check_password(
                request=request,
                login=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except services.LoginError as failure:
            error = LOGIN_MESSAGES[failure.code]
        else:
            request.session[NEXT_KEY] = request.GET.get("next", "")
            if not check.needs_second_factor:
                return _complete_login(request, check.user)
            request.session[PENDING_KEY] = check.user.pk
            return redirect("accounts:two_factor")
    status = 400 if error else 200
    return render(request, "accounts/login.html", {"form": form, "error": error}, status=status)


@require_http_methods(["GET", "POST"])
def two_factor_view(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING_KEY)
    user = None if pending is None else User.objects.filter(pk=pending).first()
    if user is None:
        return redirect("accounts:login")
    form = OneTimeCodeForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            device = services.user_verify_second_factor(
                request=request, user=user, token=form.cleaned_data["token"]
            )
        except services.LoginError as failure:
            error = LOGIN_MESSAGES[failure.code]
        else:
            return _complete_login(request, user, device)
    context: dict[str, object] = {"form": form, "error": error, "enrolment": None}
    if services.totp_device_confirmed(user) is None:
        device = services.totp_enrolment_start(user=user)
        context["enrolment"] = {
            "secret": services.totp_secret_text(device),
            "qr_svg": _qr_svg(device.config_url),
        }
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit_record(action="accounts.logout", request=request, obj=request.user)
    auth_logout(request)
    response = redirect("core:home")
    # The phone forgets what this person left on it: the checklist pages the service worker
    # kept, and the answers waiting to be sent (they would go under the next one's name).
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


def login_locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """A locked-out login on the web and in the API; ODK Collect's door answers in its own
    language first (channels/lockout.py, which django-axes calls)."""
    message = LOGIN_MESSAGES["locked_out"]
    if request.path.startswith("/api/"):
        return error_response(429, "locked_out", str(message))
    form = LoginForm(request.POST or None)
    return render(request, "accounts/login.html", {"form": form, "error": message}, status=429)
