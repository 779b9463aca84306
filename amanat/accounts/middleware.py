from django.contrib.auth import logout
from django.shortcuts import redirect

from .services import two_factor_required


class TwoFactorRequiredMiddleware:
    """A staff session that has not passed the second factor is signed out.

    This covers sessions opened before 2FA was switched on and any login path that skipped the
    second step (the admin's own login form, for one).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and two_factor_required(user)
            and not user.is_verified()
        ):
            logout(request)
            if not request.path.startswith("/api/"):
                return redirect("accounts:login")
        return self.get_response(request)
