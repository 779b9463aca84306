"""A bearer token opens the API for the active account holding it; accounts reads only its
own tables for that (the observer behind a token is the ingestion's question)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from amanat.accounts.models import ApiToken
from amanat.accounts.services import api_token_authenticate

pytestmark = pytest.mark.django_db


def token_for(user, key="k" * 40, **fields):
    ApiToken.objects.create(user=user, key_hash=ApiToken.hash_key(key), prefix=key[:8], **fields)
    return key


def test_the_token_gives_its_active_account_reading_no_other_apps_tables(make_user):
    user = make_user(username="a", role="observer")
    key = token_for(user, last_used_at=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        found = api_token_authenticate(key)
    assert (found.pk, found.username) == (user.pk, "a")
    assert len(queries.captured_queries) == 1
    assert "observers_" not in queries.captured_queries[0]["sql"]


def test_revoked_token_inactive_account_and_unknown_key_are_refused(make_user):
    revoked = token_for(make_user(username="a"), key="a" * 40, revoked_at=timezone.now())
    inactive_user = make_user(username="b")
    inactive = token_for(inactive_user, key="b" * 40)
    inactive_user.is_active = False
    inactive_user.save()
    assert api_token_authenticate(revoked) is None
    assert api_token_authenticate(inactive) is None
    assert api_token_authenticate("c" * 40) is None


def test_last_use_is_written_at_most_once_a_minute(make_user):
    key = token_for(make_user(username="a"))
    api_token_authenticate(key)
    first = ApiToken.objects.get().last_used_at
    api_token_authenticate(key)
    assert first is not None
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=first - timedelta(minutes=2))
    api_token_authenticate(key)
    assert ApiToken.objects.get().last_used_at > first
