"""Settings come from the environment: checked in fresh interpreters, as a server starts."""

import json
import os
import subprocess
import sys

PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), "
    "'cache': settings.CACHES['default']['BACKEND'], 'debug': settings.DEBUG, "
    "'media': str(settings.MEDIA_ROOT), 'hasher': settings.PASSWORD_HASHERS[0], "
    "'two_factor': settings.AMANAT_REQUIRE_2FA, 'hosts': settings.ALLOWED_HOSTS, "
    "'broker': settings.CELERY_BROKER_URL, 'tasks_in_process': settings.CELERY_TASK_ALWAYS_EAGER, "
    "'options': settings.DATABASES['default'].get('OPTIONS', {})}))"
)


def probe(module: str, tmp_path, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "AMANAT_ORGANISATION_CONTACT",
            "AMANAT_AUDIT_KEY",
            "CELERY_BROKER_URL",
            "AMANAT_TASKS_IN_PROCESS",
        }
    }
    clean.update(DJANGO_SETTINGS_MODULE=module, AMANAT_DATA_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=clean, capture_output=True, text=True, check=False
    )


def test_embedded_default_is_sqlite_and_local_memory_in_the_data_dir(tmp_path):
    result = probe("amanat.settings.base", tmp_path)
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(tmp_path / "amanat.sqlite3")
    assert values["media"] == str(tmp_path / "media")
    assert values["cache"].endswith("LocMemCache")
    assert values["debug"] is False
    assert values["hasher"].endswith("Argon2PasswordHasher")
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert (tmp_path / "audit_key").stat().st_mode & 0o077 == 0


def test_production_reads_postgres_redis_and_hosts(tmp_path):
    result = probe(
        "amanat.settings.production",
        tmp_path,
        DATABASE_URL="postgres://amanat:pw@db.internal:5432/amanat",
        REDIS_URL="redis://cache.internal:6379/0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="amanat.example,www.amanat.example",
        AMANAT_REQUIRE_2FA="0",
        AMANAT_ORGANISATION_CONTACT="+7 727 000 00 00",
        AMANAT_AUDIT_KEY="y" * 50,
    )
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "amanat"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["hosts"] == ["amanat.example", "www.amanat.example"]
    assert values["two_factor"] is True  # production cannot switch it off
    assert values["broker"] == "redis://cache.internal:6379/0"
    assert values["tasks_in_process"] is False  # a worker runs them


def test_production_refuses_to_start_without_a_broker_unless_told(tmp_path):
    needed = {"DATABASE_URL": "postgres://h/db", "SECRET_KEY": "x" * 50,
              "ALLOWED_HOSTS": "amanat.example", "AMANAT_AUDIT_KEY": "y" * 50,
              "AMANAT_ORGANISATION_CONTACT": "+7 727 000 00 00"}  # fmt: skip
    result = probe("amanat.settings.production", tmp_path, **needed)
    assert result.returncode != 0
    assert "REDIS_URL or CELERY_BROKER_URL must be set in production" in result.stderr
    stated = probe("amanat.settings.production", tmp_path, AMANAT_TASKS_IN_PROCESS="1", **needed)
    assert json.loads(stated.stdout)["tasks_in_process"] is True


def test_production_refuses_to_start_without_its_secret(tmp_path):
    result = probe("amanat.settings.production", tmp_path, DATABASE_URL="postgres://h/db")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_sign_complaints_without_a_contact(tmp_path):
    """A complaint to a real body carries the network's real address, never a placeholder."""
    result = probe("amanat.settings.production", tmp_path, DATABASE_URL="postgres://h/db",
                   SECRET_KEY="x" * 50, ALLOWED_HOSTS="amanat.example")  # fmt: skip
    assert result.returncode != 0
    assert "AMANAT_ORGANISATION_CONTACT must be set in production" in result.stderr


def test_production_refuses_to_start_without_the_audit_key(tmp_path):
    """Every app server must sign the audit chain with the same key: none is generated."""
    result = probe("amanat.settings.production", tmp_path, DATABASE_URL="postgres://h/db",
                   SECRET_KEY="x" * 50, ALLOWED_HOSTS="amanat.example",
                   AMANAT_ORGANISATION_CONTACT="+7 727 000 00 00")  # fmt: skip
    assert result.returncode != 0
    assert "AMANAT_AUDIT_KEY must be set in production" in result.stderr


def test_debug_only_when_asked(tmp_path):
    assert json.loads(probe("amanat.settings.base", tmp_path, DEBUG="1").stdout)["debug"] is True


def test_postgresql_prepares_the_election_day_statements_unless_told_not_to(tmp_path):
    url = "postgres://amanat@db.example:5432/amanat"
    default = json.loads(probe("amanat.settings.base", tmp_path, DATABASE_URL=url).stdout)
    pooled = probe("amanat.settings.base", tmp_path, DATABASE_URL=url,
                   AMANAT_PG_PREPARE_THRESHOLD="0")  # fmt: skip
    assert default["engine"] == "django.db.backends.postgresql"
    assert default["options"]["prepare_threshold"] == 5
    assert json.loads(pooled.stdout)["options"]["prepare_threshold"] is None
