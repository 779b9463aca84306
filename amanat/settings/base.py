"""Settings read from the environment.

The embedded default (no variables set) is SQLite and media files in $AMANAT_DATA_DIR (./var)
and a local-memory cache: what a newcomer gets from `make demo`. Production sets DATABASE_URL
(PostgreSQL), REDIS_URL, SECRET_KEY and ALLOWED_HOSTS, and imports amanat.settings.production.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .environment import DATA_DIR, env_bool, env_list

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _key_kept(variable: str, file_name: str) -> str:
    """A key from the environment, or one generated once and kept in the data folder."""
    if os.environ.get(variable):
        return os.environ[variable]
    key_file = DATA_DIR / file_name
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _key_kept("SECRET_KEY", "secret_key")


# The key of the audit log's HMAC chain. Never in the database, so whoever can write the
# database cannot recompute the chain after changing a row. Production requires the variable
# (every app server needs the same key).
AMANAT_AUDIT_KEY = _key_kept("AMANAT_AUDIT_KEY", "audit_key")
# The latest hash of the audit chain is appended here by `amanat audit anchor` (run it every
# few minutes); `amanat audit verify` then sees rows deleted from the end or the table emptied.
AMANAT_AUDIT_ANCHOR_FILE = Path(
    os.environ.get("AMANAT_AUDIT_ANCHOR_FILE") or DATA_DIR / "audit-anchors.log"
)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "ninja",
    "django_htmx",
    "csp",
    "amanat.core",
    "amanat.audit",
    "amanat.accounts",
    "amanat.geography",
    "amanat.elections",
    "amanat.legal",
    "amanat.evidence",
    "amanat.notifications",
    "amanat.training",
    "amanat.channels",
    "amanat.observers",
    "amanat.voterinfo",
    "amanat.legalhelp",
    "amanat.checklists",
    "amanat.incidents",
    "amanat.mandates",
    "amanat.readiness",
    "amanat.media",
    "amanat.dialogue",
    "amanat.forensics",
    "amanat.results",
    "amanat.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CSRF reads the form): refuse an oversized one unread.
    "amanat.evidence.request_size.RequestSizeMiddleware",
    "amanat.core.nul_refused.NulRefusedMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "amanat.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "amanat.core.content_policy.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "amanat.urls"
WSGI_APPLICATION = "amanat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "amanat.core.context_processors.site",
            ],
        },
    },
]


def _databases() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if database["ENGINE"] == "django.db.backends.postgresql":
            # psycopg's own default, which Django turns off: the election-day statements
            # (amanat.core.db.cursor_preparable) are prepared after a few uses on a
            # connection. 0 turns this off behind a pooler in transaction mode.
            threshold = int(os.environ.get("AMANAT_PG_PREPARE_THRESHOLD", "5"))
            database.setdefault("OPTIONS", {})["prepare_threshold"] = threshold or None
        return {"default": database}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "amanat.sqlite3",
            # IMMEDIATE takes the write lock when a transaction starts, so two workers never
            # read the same "last row" (audit chain, counters) and then both write.
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "amanat",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

from .tasks import *  # noqa: E402, F403 - the task queue's settings, in a module of their own

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "amanat.accounts.backends.UsernameEmailPhoneBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Two-factor login (TOTP) for staff roles; on unless switched off (the demo switches it off).
AMANAT_REQUIRE_2FA = env_bool("AMANAT_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "Amanat"

# The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR networks, comma-
# separated; empty: no proxy). Rate limits, login throttling and the audit log key on the
# client address this gives (amanat/core/client_address.py), never on the proxy's.
AMANAT_TRUSTED_PROXIES = env_list("AMANAT_TRUSTED_PROXIES", "")
RATELIMIT_IP_META_KEY = "amanat.core.client_address.client_ip"
AXES_CLIENT_IP_CALLABLE = "amanat.core.client_address.client_ip"

# Login throttling: five failures for one username from one address lock that pair (not the
# account everywhere) for 15 minutes; see README, "Running in production".
AXES_FAILURE_LIMIT = int(os.environ.get("AMANAT_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "amanat.channels.lockout.login_locked_out"
AXES_USERNAME_FORM_FIELD = "username"
# Failures count per account, whichever login (username, e-mail, phone) or door (web, ODK).
AXES_USERNAME_CALLABLE = "amanat.accounts.lockout.lockout_login"
AXES_VERBOSE = False

LANGUAGE_CODE = "ru"
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
# Our catalogues first; then Kazakh for the strings Django's own kk catalogue still lacks.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_django"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ru", "kk", "en")
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    # Without a mail server configured, e-mails are written as files in the data folder.
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = DATA_DIR / "outbox"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Amanat <noreply@amanat.invalid>")

# Who signs complaints the network files with outside bodies: the name in each document
# language, and the address or phone for the answer (the demo's; production requires one).
AMANAT_ORGANISATION_NAME = {
    "kk": os.environ.get("AMANAT_ORGANISATION_NAME_KK", "«Аманат» байқаушылар желісі"),
    "ru": os.environ.get("AMANAT_ORGANISATION_NAME_RU", "Сеть наблюдателей «Аманат»"),
    "en": os.environ.get("AMANAT_ORGANISATION_NAME_EN", "Amanat observer network"),
}
AMANAT_ORGANISATION_CONTACT = os.environ.get(
    "AMANAT_ORGANISATION_CONTACT", "+7 727 355 40 12, shagym@amanat-observers.kz"
)

# Where people reach this installation; links in e-mails and on certificates start with it.
# Unset, it is the local address on the port the server was told to use (`make demo`'s
# AMANAT_PORT), so the demo's e-mail links open the demo whatever its port.
AMANAT_BASE_URL = (
    os.environ.get("AMANAT_BASE_URL") or f"http://127.0.0.1:{os.environ.get('AMANAT_PORT', '8000')}"
).rstrip("/")

# SMS gateways: the shared secret of the SMSSync phone, Twilio's auth token (signatures).
AMANAT_SMSSYNC_SECRET = os.environ.get("AMANAT_SMSSYNC_SECRET", "")
AMANAT_TWILIO_AUTH_TOKEN = os.environ.get("AMANAT_TWILIO_AUTH_TOKEN", "")
# The outbound SMS gateway (amanat/notifications/sms.py): URL and bearer token; none: logged.
AMANAT_SMS_GATEWAY_URL = os.environ.get("AMANAT_SMS_GATEWAY_URL", "")
AMANAT_SMS_GATEWAY_TOKEN = os.environ.get("AMANAT_SMS_GATEWAY_TOKEN", "")
# Telegram: the bot's token, and the secret Telegram sends back with each webhook call.
AMANAT_TELEGRAM_BOT_TOKEN = os.environ.get("AMANAT_TELEGRAM_BOT_TOKEN", "")
AMANAT_TELEGRAM_WEBHOOK_SECRET = os.environ.get("AMANAT_TELEGRAM_WEBHOOK_SECRET", "")
# The bot's @username, named to observers who link their Telegram (empty: not named).
AMANAT_TELEGRAM_BOT_USERNAME = os.environ.get("AMANAT_TELEGRAM_BOT_USERNAME", "").lstrip("@")

# The numbers an observer in danger calls (Kazakhstan: 112 for every emergency, 102 police).
AMANAT_EMERGENCY_NUMBER = os.environ.get("AMANAT_EMERGENCY_NUMBER", "112")
AMANAT_POLICE_NUMBER = os.environ.get("AMANAT_POLICE_NUMBER", "102")

# The public summary of checklists shows the situation as it was this many minutes ago.
AMANAT_PUBLIC_DELAY_MINUTES = int(os.environ.get("AMANAT_PUBLIC_DELAY_MINUTES", "60"))

# Observers who have not checked in by this local time are listed for their coordinators.
AMANAT_CHECKIN_DEADLINE = os.environ.get("AMANAT_CHECKIN_DEADLINE", "07:30")

# Evidence originals and other files never served over HTTP.
AMANAT_PRIVATE_DIR = DATA_DIR / "private"
# Staff exports (amanat.evidence.exports) are deleted this many hours after they were built.
AMANAT_EXPORT_RETENTION_HOURS = int(os.environ.get("AMANAT_EXPORT_RETENTION_HOURS", "24"))

MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

# Uploads (amanat.evidence). Files past FILE_UPLOAD_MAX_MEMORY_SIZE stream to a temporary
# file in the data folder (not /tmp, which is often memory); nothing reads a file whole.
MIB = 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * MIB
FILE_UPLOAD_TEMP_DIR = Path(os.environ.get("AMANAT_UPLOAD_TEMP_DIR", DATA_DIR / "uploads"))
FILE_UPLOAD_TEMP_DIR.mkdir(parents=True, exist_ok=True)
# Largest file of each kind, in bytes (the kind is read from the content).
AMANAT_UPLOAD_MAX_BYTES = {
    "photo": int(os.environ.get("AMANAT_UPLOAD_MAX_PHOTO_MB", "15")) * MIB,
    "video": int(os.environ.get("AMANAT_UPLOAD_MAX_VIDEO_MB", "200")) * MIB,
    "document": int(os.environ.get("AMANAT_UPLOAD_MAX_DOCUMENT_MB", "20")) * MIB,
}
# A request's body past this is refused (413) from its Content-Length, before it is read:
# one video of the largest size and a few photos.
AMANAT_UPLOAD_MAX_REQUEST_BYTES = int(os.environ.get("AMANAT_UPLOAD_MAX_REQUEST_MB", "250")) * MIB
# Files in one report; Django refuses a body of more parts than DATA_UPLOAD_MAX_NUMBER_FILES
# (a backstop: OpenRosa submissions carry one part per photo answer).
AMANAT_UPLOAD_MAX_FILES = int(os.environ.get("AMANAT_UPLOAD_MAX_FILES", "10"))
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FILES", "30"))
# Pictures past this many pixels are refused before they are decoded: 50 megapixels holds
# every phone camera's usual output (48 MP is 8000 x 6000) and decodes in about 150 MB.
AMANAT_UPLOAD_MAX_PIXELS = int(os.environ.get("AMANAT_UPLOAD_MAX_PIXELS", str(50_000_000)))
# What one reporter (an account, or an address without one) may upload in an hour.
AMANAT_UPLOAD_HOURLY_BYTES = int(os.environ.get("AMANAT_UPLOAD_HOURLY_MB", "1024")) * MIB
AMANAT_UPLOAD_HOURLY_FILES = int(os.environ.get("AMANAT_UPLOAD_HOURLY_FILES", "100"))

# Nothing is loaded from another site: no CDN, web font or tracker, and no inline script.
# The admin and the API's Swagger page ship inline scripts of their own, so they are left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/api/v1/docs", "/kk/admin/", "/ru/admin/", "/en/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Video of the dialogue's online events is embedded (an iframe) only from these hosts, and
# only the page that embeds it lets the browser frame that one host (frame-src); any other
# address is shown as a plain link (amanat/dialogue/services_events.py).
AMANAT_VIDEO_EMBED_HOSTS = env_list(
    "AMANAT_VIDEO_EMBED_HOSTS", "youtube-nocookie.com,www.youtube-nocookie.com,player.vimeo.com"
)
# Registrants of an online event are reminded once, this many hours before it starts.
AMANAT_EVENT_REMINDER_HOURS = int(os.environ.get("AMANAT_EVENT_REMINDER_HOURS", "24"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_traceback_below_500": {"()": "amanat.core.log_filters.NoTracebackBelow500"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # A refused request (403, 400) is one line (log_filters.py); a 500 keeps its traceback.
        "django.request": {"filters": ["no_traceback_below_500"]},
    },
}
