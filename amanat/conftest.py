import os
import shutil

import pytest

from amanat.accounts.tests.factories import UserFactory


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
