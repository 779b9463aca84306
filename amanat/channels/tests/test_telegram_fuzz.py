"""Hypothesis over the Telegram webhook (issue 16, guards): random updates shaped like
Telegram's, and updates that are not, never get a 5xx, and a valid SOS message is stored
exactly once however often Telegram delivers it."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amanat.channels.tests.factories import CHAT
from amanat.notifications.telegram import telegram_link_code_create
from amanat.observers.models import SosAlert

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
ids = st.integers(min_value=-(2**70), max_value=2**70) | st.sampled_from([CHAT, 0, 2**63 - 1])
texts = st.text() | st.sampled_from(
    ["/sos", "/checkin", "/report", "/incident", "/link 1", "/opinion", "/support", "/start m"]
).map(lambda command: command + " ").flatmap(
    lambda command: st.text().map(lambda rest: command + rest)
)


def _maybe(strategy):
    """The field's usual value, a value of any JSON type, or no field at all."""
    return st.one_of(strategy, json_values)


messages = st.fixed_dictionaries(
    {},
    optional={
        "message_id": _maybe(st.integers()),
        "date": _maybe(st.integers()),
        "chat": _maybe(
            st.fixed_dictionaries({"id": _maybe(ids)}, optional={"type": _maybe(st.text())})
        ),
        "from": _maybe(
            st.fixed_dictionaries(
                {}, optional={"language_code": _maybe(st.text()), "id": _maybe(ids)}
            )
        ),
        "contact": _maybe(
            st.fixed_dictionaries(
                {"phone_number": _maybe(st.text() | st.just("77011234567"))},
                optional={"user_id": _maybe(ids)},
            )
        ),
        "text": _maybe(texts),
        "caption": _maybe(st.text()),
        "photo": _maybe(
            st.lists(st.fixed_dictionaries({"file_id": _maybe(st.text())}), max_size=2)
        ),
    },
)
callbacks = st.fixed_dictionaries(
    {"id": _maybe(st.text())},
    optional={
        "data": _maybe(
            st.text() | st.sampled_from(["ans:A:1", "opv:1:1", "opv:x:9", "opc:1", "sup:1"])
        ),
        "message": _maybe(messages),
    },
)
updates = (
    st.fixed_dictionaries(
        {"update_id": _maybe(ids)},
        optional={"message": _maybe(messages), "callback_query": _maybe(callbacks)},
    )
    | json_values
)


def _post(client, body: str):
    return client.post("/telegram/webhook/", body, content_type="application/json",
                       HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN="hook-secret")  # fmt: skip


def test_any_update_gets_an_answer_not_a_server_error(bot, client):
    _message, _press, _post_ok, _sent, observer = bot
    _message(f"/link {telegram_link_code_create(user=observer.user)}")

    @FUZZ
    @given(update=updates)
    def check(update):
        response = _post(client, json.dumps(update))
        assert response.status_code in (200, 400), (update, response.status_code)

    check()


@pytest.mark.parametrize(
    "body", ["[" * 100_000, '"text"', '{"update_id": "99999999999999999999"}', "\xff"]
)
def test_bodies_that_are_no_update_are_400(bot, client, body):
    assert _post(client, body).status_code == 400


def test_every_valid_sos_message_is_stored_once(bot, client):
    message, _press, post, _sent, observer = bot
    message(f"/link {telegram_link_code_create(user=observer.user)}")
    next_id = iter(range(10**6, 2 * 10**6))

    @FUZZ
    @given(note=st.text(min_size=1, max_size=300).filter(str.strip))
    def check(note):
        update = {
            "update_id": next(next_id),
            "message": {"message_id": 1, "date": 1774060200, "text": f"/sos {note}",
                        "chat": {"id": CHAT, "type": "private"},
                        "from": {"id": CHAT, "is_bot": False, "language_code": "ru"}},
        }  # fmt: skip
        before = SosAlert.objects.count()
        for _delivery in range(2):  # Telegram may deliver an update again
            assert _post(client, json.dumps(update)).status_code == 200
        assert SosAlert.objects.count() == before + 1

    check()
