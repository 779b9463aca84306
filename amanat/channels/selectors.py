"""Reads for the channels."""

import functools
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from amanat.accounts.selectors import phone_normalise
from amanat.checklists.ingestion import active_observers_sql
from amanat.core.db import cursor_preparable
from amanat.observers.models import Observer

from .models import InboundMessage


@dataclass(frozen=True)
class SmsSender:
    """The active observer an SMS came from, and whether the same text came before."""

    observer_id: int
    user_id: int
    language: str
    repeated: bool  # the same text (by its key) from this phone accepted within the window

    def observer(self) -> Observer:
        """The observer as the ingestion needs them (their id), without reading the row."""
        return Observer(pk=self.observer_id, user_id=self.user_id)


def sms_sender(*, phone: str, text_key: str, within: timedelta) -> SmsSender | None:
    """The active observer with this phone number, and whether the same text from this
    phone was accepted within the last minutes. Every SMS asks both: one statement."""
    normalised = phone_normalise(phone)
    if not normalised:
        return None
    since = connection.ops.adapt_datetimefield_value(timezone.now() - within)
    params = [phone, text_key, InboundMessage.Status.ACCEPTED.value, since, normalised]
    with cursor_preparable() as cursor:
        cursor.execute(_sender_sql(), params)
        row = cursor.fetchone()
    if row is None:
        return None
    repeated, observer_id, user_id, language = row
    return SmsSender(observer_id, user_id, language, bool(repeated))


@functools.cache
def _sender_sql() -> str:
    return (
        f'SELECT EXISTS (SELECT 1 FROM "{InboundMessage._meta.db_table}" '  # noqa: S608 - names from the models
        'WHERE "phone" = %s AND "text_key" = %s AND "status" = %s AND "received_at" >= %s), '
        f'o."id", u."id", u."preferred_language" FROM {active_observers_sql()} '
        # `phone <> ''` repeats the phone index's own condition (it leaves out accounts with
        # no phone): a plan made for any number may then use the index too.
        'WHERE u."phone" = %s AND u."phone" <> \'\' ORDER BY o."id" LIMIT 1'
    )
