"""Guard: what a worker process remembers cannot be grown by what clients send. Hostile keys
(form codes of a megabyte, thousands of distinct ones, long "phone numbers") go through every
path that reaches a per-process memo, and the memos stay within their bounds."""

import gc
import logging
import tracemalloc
import uuid

import pytest

from amanat.accounts.selectors import _phone_parsed, phone_normalise
from amanat.checklists.services import form_version_current
from amanat.core.memo import memo_stores, ttl_memo
from amanat.observers.tests.factories import token_for

pytestmark = pytest.mark.django_db
MIB = 1024 * 1024


def _grown_by(action) -> int:
    """Bytes still allocated after `action` (and a collection) that were not before."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        action()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_a_memo_keeps_at_most_its_size_dropping_the_least_recently_used():
    calls = []

    @ttl_memo(30, maxsize=8)
    def square(n):
        calls.append(n)
        return n * n

    for n in range(100):
        square(n)
        square(99)  # used all along: never the least recently used
    assert len(square.memo_store) == 8
    assert square(99) == 9801
    assert calls.count(99) == 1
    assert 0 not in square.memo_store


def test_hostile_form_codes_leave_every_memo_within_its_bound(field):
    assert form_version_current("vt") is not None  # the real forms are found, any case
    hostile = [uuid.uuid4().hex[:8] for _ in range(5000)]  # the right shape, no form's
    hostile += [f"{n}" + "X" * 4096 for n in range(500)] + ["VT\x00", "VT ", "", "В" * 8]
    for code in hostile:
        assert form_version_current(code) is None
    for store in memo_stores():
        assert len(store) <= store.maxsize
        assert all(len(repr(key)) < 100 for key in store)
    assert form_version_current("VT") is not None


def test_a_megabyte_form_code_costs_no_memory_kept(field):
    # Each code made while memory is traced, as a request's body is parsed into new strings.
    assert _grown_by(lambda: [form_version_current(f"{n}" + "F" * MIB) for n in range(30)]) < MIB


def test_hostile_phone_numbers_are_not_remembered():
    before = _phone_parsed.cache_info().currsize
    for n in range(300):
        assert phone_normalise(f"+7701{n}" + "5" * 100_000) is None
    assert _phone_parsed.cache_info().currsize == before
    assert _phone_parsed.cache_info().maxsize == 16384
    assert phone_normalise("8 701 000 00 42") == "+77010000042"


def test_megabyte_form_codes_through_the_api_sms_and_web_keep_no_memory(
    client,
    field,
    settings,
    caplog,
):
    # pytest keeps every log record it captures, and Django's record of a 4xx answer holds
    # the request with its body: the test's memory, not a worker's (its logging writes and
    # forgets). Those records are not made while measuring.
    caplog.set_level(logging.ERROR, logger="django.request")
    _election, station, observer = field
    auth = token_for(client, observer.user)
    settings.AMANAT_SMSSYNC_SECRET = "s3cret"
    client.force_login(observer.user)
    codes = [f"{n}" + "Q" * MIB for n in range(11)]
    statuses = set()

    def send(codes):
        for code in codes:
            body = {"client_id": str(uuid.uuid4()), "form": code, "station": station.number,
                    "answers": {"A": True}}  # fmt: skip
            for headers in (auth, {"HTTP_AUTHORIZATION": "Bearer not-a-token"}):
                response = client.post("/api/v1/submissions", body,
                                       content_type="application/json", **headers)  # fmt: skip
                statuses.add(response.status_code)
            sms = {"secret": "s3cret", "from": "+77010000042", "message": f"{code} 1 A1",
                   "message_id": uuid.uuid4().hex}  # fmt: skip
            statuses.add(client.post("/sms/smssync/", sms).status_code)
            # A request line is at most 4 KiB behind gunicorn (limit_request_line); the
            # standard library remembers the last 128 URLs it split, which is bounded.
            statuses.add(client.get(f"/ru/checklists/{code[:4000]}/").status_code)

    send(codes[:1])  # what the first requests set up once (URL resolvers) is not counted
    # Before the fix each code was kept: ten megabytes and more.
    assert _grown_by(lambda: send(codes[1:])) < MIB
    assert statuses <= {200, 401, 404, 422}
