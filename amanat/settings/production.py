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

# Background tasks need a broker and `amanat worker` beside the app servers; running them
# inside the app servers instead is a choice to state, not a default to fall into.
if CELERY_BROKER_URL == "memory://" and not env_bool("AMANAT_TASKS_IN_PROCESS", False):  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL or CELERY_BROKER_URL must be set in production (the task queue's broker); "
        "AMANAT_TASKS_IN_PROCESS=1 runs the tasks inside the app servers instead"
    )

DEBUG = False
AMANAT_REQUIRE_2FA = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = 31536000
