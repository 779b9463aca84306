"""Test overlay: the same settings as the embedded default, with a fast password hasher."""

from .base import *  # noqa: F403

# Argon2 stays second so that hashes made elsewhere still verify; MD5 only speeds up factories.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AMANAT_REQUIRE_2FA = False
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - whitenoise warns without it
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tasks run in-process in tests, broker or not; the tests of the queue itself start a real
# worker on a real broker (the `task_worker` fixture in amanat/conftest.py).
CELERY_TASK_ALWAYS_EAGER = env_bool("AMANAT_TASKS_IN_PROCESS", True)  # noqa: F405
