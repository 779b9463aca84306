"""Sign-up pages for citizens: ask for a name and an address, confirm it by the mailed link,
then choose a password. Rate-limited like the other public forms."""

from django.contrib.auth import login as auth_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from amanat.core.rate_limits import rate_limit

from . import signup as signups
from .forms import SignupForm, SignupPasswordForm

SENT_KEY = "amanat_signup_sent_to"


def _next_url(request: HttpRequest, candidate: str) -> str:
    """A page of this site to return to after signing up, or nothing."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@rate_limit(key="ip", rate="10/h", method="POST")
@rate_limit(key="post:email", rate="3/h", method="POST")
@require_http_methods(["GET", "POST"])
def signup_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_next_url(request, request.GET.get("next", "")) or "core:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signup = signups.Signup(
            email=form.cleaned_data["email"],
            first_name=form.cleaned_data["first_name"],
            language=get_language(),
            next_url=_next_url(request, request.GET.get("next", "")),
            carried=signups.signup_carried(request.session),
        )
        signups.signup_request(request=request, signup=signup)
        request.session[SENT_KEY] = signup.email
        return redirect("accounts:signup_sent")
    status = 400 if form.errors else 200
    return render(request, "accounts/signup.html", {"form": form}, status=status)


def signup_sent(request: HttpRequest) -> HttpResponse:
    email = request.session.get(SENT_KEY)
    if not email:
        return redirect("accounts:signup")
    return render(request, "accounts/signup_sent.html", {"email": email})


@sensitive_post_parameters("password")
@rate_limit(key="ip", rate="20/h", method="POST")
@require_http_methods(["GET", "POST"])
def signup_confirm(request: HttpRequest) -> HttpResponse:
    """GET shows the password form (mail scanners open links: a GET creates nothing)."""
    token = request.GET.get("token", "")[:4000]
    try:
        signup = signups.signup_read(token)
    except signups.SignupError as failure:
        return _confirm_page(request, failure.code, status=400)
    if signups.account_exists(signup.email):
        return _already(request, signup)
    form = SignupPasswordForm(request.POST or None, user=signups.account_user(signup))
    if request.method == "POST" and form.is_valid():
        try:
            user = signups.account_create(
                request=request, signup=signup, password=form.cleaned_data["password"]
            )
        except signups.SignupError:
            return _already(request, signup)
        request.session.pop(signups.CARRY_SESSION_KEY, None)
        auth_login(request, user, backend="amanat.accounts.backends.UsernameEmailPhoneBackend")
        return redirect(_next_url(request, signup.next_url) or "core:home")
    context = {"form": form, "email": signup.email}
    return _confirm_page(request, "password", context, status=400 if form.errors else 200)


def _already(request: HttpRequest, signup: signups.Signup) -> HttpResponse:
    """A second click on the link: harmless, it only says where to go."""
    user = request.user
    if user.is_authenticated and user.email.lower() == signup.email.lower():
        return redirect(_next_url(request, signup.next_url) or "core:home")
    return _confirm_page(request, "exists", {"email": signup.email})


def _confirm_page(request, state: str, context: dict | None = None, status=200) -> HttpResponse:
    context = {"state": state, **(context or {})}
    return render(request, "accounts/signup_confirm.html", context, status=status)
