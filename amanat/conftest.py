import os
import shutil
import subprocess
import uuid
from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.accounts.services import digest_credential_set
from amanat.accounts.tests.factories import UserFactory
from amanat.channels.tests.factories import CHAT, PASSWORD, digest_header
from amanat.channels.tests.factories import PHONE as SMS_PHONE
from amanat.checklists.loader import forms_load_all
from amanat.elections.models import OfficialResult
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory
from amanat.incidents.moderation import (
    report_approve_publication,
    report_triage,
)
from amanat.incidents.services import ReportInput, categories_load, report_submit
from amanat.incidents.tests.factories import NAME, PHONE, WORDS
from amanat.notifications.telegram import TelegramClient
from amanat.observers.services.deployment import deployment_assign
from amanat.observers.tests.factories import ElectionFactory, ObserverFactory
from amanat.observers.tests.factories import region as region_of
from amanat.results.tests.protocol_setup import contest_create


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to /en/… leaves English active in
    the test's thread, and reverse() of a later test would then build /en/ addresses."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Each test starts with an empty cache (login throttling and rate limits live there)."""
    from django.core.cache import cache

    from amanat.core.memo import memo_clear

    cache.clear()
    memo_clear()
    yield
    cache.clear()
    memo_clear()


@pytest.fixture
def make_user(db):
    return UserFactory


@pytest.fixture
def region(db):
    from amanat.geography.models import Region

    return Region.objects.get(code="KZ-75")


@pytest.fixture
def other_region(db):
    from amanat.geography.models import Region

    return Region.objects.get(code="KZ-35")


@pytest.fixture(autouse=True)
def _transactional_baseline(request):
    """Transactional tests end with a flush (DELETE FROM every table), which removes the
    reference data of the migrations and which the audit log's append-only trigger refuses
    on SQLite. Put the reference data back first, and lift the guard just for the flush."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker and marker.kwargs.get("transaction")) or (
        "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    )
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps
    from django.db import connection

    from amanat.audit.guard import audit_guard_install, audit_guard_remove
    from amanat.geography.reference import kazakhstan_load

    kazakhstan_load(apps)
    audit_guard_install(connection)
    yield
    audit_guard_remove(connection)


# Browser tests: Playwright driving Debian's chromium (never a downloaded browser).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The flags keep chromium from calling home: this machine's network is closed.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is needed for browser tests: apt-get install chromium")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
    # the test itself are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_page(browser, live_server):
    """Pages in separate browser contexts (separate people), all closed after the test so that
    no page keeps polling the live server."""
    contexts = []

    def make(locale: str = "ru-RU"):
        context = browser.new_context(base_url=live_server.url, locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


class TaskWorker:
    """A real `amanat worker` process on a real broker, sharing the test database."""

    def __init__(self, broker: str, log_dir, env: dict[str, str]):
        self.broker, self.log_dir, self.env = broker, log_dir, env
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout: float = 60) -> None:
        import sys
        import time

        self.starts += 1
        log = self.log_dir / f"worker-{self.starts}.log"
        with log.open("wb") as out:
            self.process = subprocess.Popen(  # noqa: S603 - our own command
                [sys.executable, "-m", "amanat", "worker", "--concurrency=2",
                 f"--hostname=test{self.starts}@%h", "--without-mingle", "--without-gossip"],
                env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,  # its pool's children die with it on kill()
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while "ready." not in log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL the worker and its pool: no warm shutdown, tasks in hand are not acked."""
        import os
        import signal

        if self.process is None:
            raise RuntimeError("no worker started")
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        import os
        import signal

        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except Exception:
                self.kill()

    def log(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.log_dir.glob("*.log")))


def _test_broker() -> str | None:
    """The broker for the queue's tests: AMANAT_TEST_BROKER_URL, else REDIS_URL's server on its
    database 15 (the cache's database is emptied by every test); None when none answers."""
    from urllib.parse import urlsplit, urlunsplit

    url = os.environ.get("AMANAT_TEST_BROKER_URL")
    if not url and os.environ.get("REDIS_URL"):
        url = urlunsplit(urlsplit(os.environ["REDIS_URL"])._replace(path="/15"))
    if not url:
        return None
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1)
        client.flushdb()  # no task left over from an earlier run
    except redis.RedisError:
        return None
    return url


@pytest.fixture
def task_worker(transactional_db, tmp_path, settings):
    """Tasks go to a real broker and run in a real worker process (call .start()).

    PostgreSQL only: the worker must see the test database, which on SQLite is in memory.
    Skipped only where no broker answers (the embedded SQLite pass of `make test`)."""
    from django.db import connection

    from amanat.celery import app

    broker = _test_broker()
    if broker is None:
        pytest.skip("no broker reachable (set REDIS_URL): the queue's tests need a real one")
    if connection.vendor != "postgresql":
        pytest.skip("a worker process shares the test database: PostgreSQL only")
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "amanat.settings.test",
        "DATABASE_URL": f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": broker,
        "AMANAT_TASKS_IN_PROCESS": "0",
        # A killed worker's tasks come back after this many seconds (production: an hour).
        "AMANAT_TASK_VISIBILITY_TIMEOUT": "3",
        "AMANAT_DATA_DIR": str(settings.DATA_DIR),
    }
    # The app reads Django's settings under the CELERY_ prefix, so that is the name to change.
    changed = {"CELERY_BROKER_URL": broker, "CELERY_TASK_ALWAYS_EAGER": False,
               "CELERY_BROKER_TRANSPORT_OPTIONS": {"visibility_timeout": 3}}  # fmt: skip
    before = {key: app.conf[key.removeprefix("CELERY_").lower()] for key in changed}
    app.conf.update(changed)
    app._pool = None
    app.amqp._producer_pool = None
    worker = TaskWorker(broker, tmp_path, env)
    yield worker
    worker.stop()
    app.conf.update(before)
    # Not closed: kombu keeps the producers of a broker in a registry of its own, and a later
    # test on the same broker would be handed the closed pool.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def field():
    forms_load_all()
    election = ElectionFactory()
    station = PollingStationFactory(district=DistrictFactory(region=region_of("KZ-71")), number="1")
    observer = ObserverFactory()
    deployment_assign(election=election, observer=observer, stations=[station])
    return election, station, observer


@pytest.fixture
def report(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    categories_load()
    station = PollingStationFactory(
        district=DistrictFactory(region=region_of("KZ-71")), number="71", latitude=51.1,
        longitude=71.4,
    )  # fmt: skip
    created, _code = report_submit(data=ReportInput(
        client_id=uuid.uuid4(), source="citizen", station_number=station.number,
        description=f"{NAME}: {WORDS}, вброс бюллетеней", category_code="stuffing",
        occurred_at=timezone.now() - timedelta(hours=1), contact=f"{NAME} {PHONE}",
    ))  # fmt: skip
    return created


@pytest.fixture
def published(report, make_user):
    moderator = make_user(role=Role.MODERATOR)
    report_triage(report=report, actor=moderator, status="verified", credibility="documented")
    return report_approve_publication(report=report, actor=moderator, public_summary="Вброс.")


@pytest.fixture
def official(field):
    """Official results of 60 stations in Astana and Almaty, turnout spread around 60 %."""
    contest = contest_create(field[0])
    rng = np.random.default_rng(7)
    for i in range(60):
        district = DistrictFactory(region=region_of("KZ-71" if i % 2 else "KZ-75"))
        station = PollingStationFactory(district=district, number=str(100 + i))
        voters = int(rng.integers(800, 1500))
        found = int(voters * rng.uniform(0.4, 0.8))
        figures = {"voters": voters, "issued": found + 3, "found": found,
                   "option:1": int(found * rng.uniform(0.4, 0.7))}  # fmt: skip
        OfficialResult.objects.create(contest=contest, station=station, source="test",
                                      figures=figures)  # fmt: skip
    return contest


@pytest.fixture
def odk(client, field):
    _election, station, observer = field
    observer.user.set_password(PASSWORD)
    observer.user.save()
    digest_credential_set(user=observer.user, password=PASSWORD)

    def call(method, uri, password=PASSWORD, **extra):
        challenge = getattr(client, method.lower())(uri)
        assert challenge.status_code == 401
        auth = digest_header(
            challenge["WWW-Authenticate"], observer.user.username, password, method, uri
        )
        return getattr(client, method.lower())(uri, HTTP_AUTHORIZATION=auth, **extra)

    return call, station


@pytest.fixture
def bot(client, settings, monkeypatch, field):
    settings.AMANAT_TELEGRAM_WEBHOOK_SECRET = "hook-secret"
    settings.AMANAT_TELEGRAM_BOT_TOKEN = "123:ABC"
    sent = []
    monkeypatch.setattr(
        TelegramClient, "transport",
        staticmethod(lambda url, payload: sent.append((url, payload)) or {"ok": True}),
    )  # fmt: skip
    counter = iter(range(1000, 2000))

    def message(text, **extra):
        update = {
            "update_id": next(counter),
            "message": {
                "message_id": 7, "date": 1774060200, "text": text,
                "chat": {"id": CHAT, "type": "private", "first_name": "Айгерим"},
                "from": {"id": CHAT, "is_bot": False, "first_name": "Айгерим",
                         "language_code": "ru"},
                **extra,
            },
        }  # fmt: skip
        return post(update)

    def press(data):
        update = {
            "update_id": next(counter),
            "callback_query": {
                "id": "cb1", "data": data, "chat_instance": "1",
                "from": {"id": CHAT, "is_bot": False, "first_name": "Айгерим"},
                "message": {"message_id": 8, "date": 1774060200,
                            "chat": {"id": CHAT, "type": "private"}, "text": "?"},
            },
        }  # fmt: skip
        return post(update)

    def post(update):
        response = client.post("/telegram/webhook/", update, content_type="application/json",
                               HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="hook-secret")  # fmt: skip
        assert response.status_code == 200
        return update

    _election, _station, observer = field
    return message, press, post, sent, observer


@pytest.fixture
def sms_observer(field, settings):
    settings.AMANAT_SMSSYNC_SECRET = "s3cret"
    _election, station, observer = field
    observer.user.phone = SMS_PHONE
    observer.user.preferred_language = "ru"
    observer.user.save()
    return station, observer
