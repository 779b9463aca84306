"""Reads for the channels."""

import functools
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from amanat.accounts.models import User
from amanat.accounts.selectors import phone_normalise
from amanat.core import prepared
from amanat.observers.models import Observer
from amanat.observers.selectors import ObserverLookup

from .models import InboundMessage


def sms_sender(*, phone: str, text_key: str, within: timedelta) -> tuple[Observer | None, bool]:
    """The active observer with this phone number (account attached), and whether the same
    text (by its key) from this phone was accepted within the last minutes. Every SMS asks
    both, so they are one prepared statement."""
    normalised = phone_normalise(phone)
    if not normalised:
        return None, False
    repeat = _repeat_params(phone, text_key, within)
    row = prepared.fetch_one(_sender_statement(), [*repeat, normalised], repeatable=True)
    if row is None:
        return None, False
    observer, start = prepared.model_from_row(Observer, row, 1)
    user, _ = prepared.model_from_row(User, row, start)
    Observer._meta.get_field("user").set_cached_value(observer, user)
    return observer, bool(row[0])


def sms_sender_lookup(*, phone: str, text_key: str, within: timedelta) -> ObserverLookup | None:
    """sms_sender's question asked inside the statement that stores the report: it finds
    the active observer with this phone number, unless the same text from this phone was
    accepted within the last minutes."""
    normalised = phone_normalise(phone)
    if not normalised:
        return None
    repeat = _repeat_params(phone, text_key, within)
    return ObserverLookup(sql=_lookup_sql(), params=(normalised, *repeat))


def _repeat_params(phone: str, text_key: str, within: timedelta) -> tuple:
    since = connection.ops.adapt_datetimefield_value(timezone.now() - within)
    return phone, text_key, InboundMessage.Status.ACCEPTED.value, since


@functools.cache
def _repeat_sql() -> str:
    """Whether this text (by its key) from this phone was accepted since a time."""
    return (
        f'EXISTS (SELECT 1 FROM "{InboundMessage._meta.db_table}" '  # noqa: S608 - names from the models
        'WHERE "phone" = %s AND "text_key" = %s AND "status" = %s AND "received_at" >= %s)'
    )


@functools.cache
def _by_phone_sql() -> str:
    """FROM … WHERE for the active observer with this phone number, as `o` and `u`."""
    return (
        f'FROM "{Observer._meta.db_table}" o '
        f'JOIN "{User._meta.db_table}" u ON u."id" = o."user_id" '
        # `phone <> ''` repeats the phone index's own condition (it leaves out accounts with no
        # phone), without which a generic plan of this prepared statement cannot use the index
        # and reads every account.
        'WHERE u."phone" = %s AND u."phone" <> \'\' AND u."is_active"'
    )


@functools.cache
def _sender_statement() -> str:
    return (
        f"SELECT {_repeat_sql()}, "
        f"{prepared.columns(Observer, 'o')}, {prepared.columns(User, 'u')} "
        f'{_by_phone_sql()} ORDER BY o."id" LIMIT 1'
    )


@functools.cache
def _lookup_sql() -> str:
    return (
        f'(SELECT o."id" AS "observer_id" {_by_phone_sql()} '
        f'AND NOT {_repeat_sql()} ORDER BY o."id" LIMIT 1) w'
    )


def in_observers_language(texts: dict[str, str]) -> tuple[str, tuple]:
    """An SQL expression, with its parameters, over `main`, a row just stored with its
    "observer_id": the text in that observer's preferred language (`texts` has one for each
    of LANGUAGES), or in the default language."""
    default = settings.LANGUAGE_CODE
    others = [(code, texts[code]) for code, _name in settings.LANGUAGES if code != default]
    params = tuple(value for pair in others for value in pair) + (texts[default],)
    return _language_case_sql(len(others)), params


@functools.cache
def _language_case_sql(others: int) -> str:
    return (
        f'CASE (SELECT u."preferred_language" FROM "{Observer._meta.db_table}" o '  # noqa: S608 - names from the models
        f'JOIN "{User._meta.db_table}" u ON u."id" = o."user_id" '
        'WHERE o."id" = main."observer_id") '
        + "WHEN %s THEN CAST(%s AS text) " * others
        + "ELSE CAST(%s AS text) END"
    )
