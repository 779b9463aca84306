"""Production overlay: secrets must come from the environment, cookies are secure, 2FA is on."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

# AMANAT_ORGANISATION_CONTACT: complaints to real bodies carry the network's real address.
for _name in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "AMANAT_ORGANISATION_CONTACT"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"{_name} must be set in production")

# The audit chain's key: every app server must sign with the same one (see base.py).
if not os.environ.get("AMANAT_AUDIT_KEY"):
    raise ImproperlyConfigured("AMANAT_AUDIT_KEY must be set in production")

DEBUG = False
AMANAT_REQUIRE_2FA = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = 31536000
