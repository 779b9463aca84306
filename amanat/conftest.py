import pytest

from amanat.accounts.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Each test starts with an empty cache (login throttling and rate limits live there)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
