"""Login error codes and their messages, shared by the web pages and the API."""

from django.utils.translation import gettext_lazy as _

LOGIN_MESSAGES = {
    "invalid_credentials": _("Wrong login or password."),
    "locked_out": _("Too many failed attempts. Try again in 15 minutes."),
    "invalid_otp": _("This code is not valid. Check the time on your phone and try again."),
    "otp_required": _("This account needs the six-digit code from its authenticator app."),
    "otp_not_enrolled": _(
        "This account needs two-factor login. Set it up once on the website, then try again."
    ),
}
