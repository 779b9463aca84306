"""Whose failed logins django-axes counts together (AXES_USERNAME_CALLABLE).

A person signs in on the web with a username, an e-mail address or a phone number, and in ODK
Collect (Digest) with the username. Counted by what was typed, each spelling of one account
would have its own five guesses; counted by the account it names, every spelling and both
doors share one lockout. A login that names no account is counted as typed."""

from django.conf import settings

from .selectors import user_find_by_login

LOGIN_MAX = 254  # the longest login anyone types (an e-mail address); axes' column holds 255


def lockout_login(request, credentials: dict | None = None) -> str:
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        login = credentials.get(field)
    else:  # the web login's form; never a body that is not a form (Digest passes credentials)
        login = request.POST.get(field) if request.method == "POST" else None
    login = str(login or "")[:LOGIN_MAX]
    user = user_find_by_login(login) if login.strip() else None
    return user.username if user is not None else login
