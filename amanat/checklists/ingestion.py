"""Is this report accepted: the one place that says so, for every channel (web, API, SMS,
Telegram, ODK). A report is accepted when
- it comes from an active observer (an observer profile whose account is active), found by
  an API token (`observer_by_token`) or by the channel that knows them (a signed-in page, an
  SMS's phone number, a linked Telegram chat, an ODK login);
- it answers an active form's newest version validly (answers, relations, photos sent);
- that observer is deployed at the station it names, in the current election;
- and its client id was not stored before (a resend gets the stored submission back).

A valid report from a deployed observer, nearly every one on election day, is stored by one
statement (`INSERT … SELECT … ON CONFLICT DO NOTHING`), which proves the deployment and skips
a client id stored before; only when it stores nothing are the reasons looked up, to refuse
precisely in the sender's language."""

import contextlib
import functools
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import ApiToken, User
from amanat.core.db import cursor_preparable
from amanat.core.signals import report_stored
from amanat.elections.models import Election
from amanat.geography.models import PollingStation
from amanat.observers.models import Deployment, DeploymentStation, Observer

from .answers import AnswerError, answers_check, is_critical
from .models import CriticalAlert, Question, Submission
from .photos import photos_owned
from .relations import relations_check
from .services import form_version_current
from .tasks import fold_tallies_soon


class SubmissionInvalid(Exception):
    def __init__(self, code: str, message: str, errors: list[AnswerError] | None = None):
        super().__init__(message)
        self.code, self.message, self.errors = code, message, errors or []


# --- Who may report: an active observer ---------------------------------------------------


def active_observers_sql() -> str:
    """FROM … for every active observer, as `o` (the profile) and `u` (their account). The
    one definition of "active observer" in SQL; the SMS sender's lookup joins it too."""
    return (
        f'"{Observer._meta.db_table}" o '
        f'JOIN "{User._meta.db_table}" u ON u."id" = o."user_id" AND u."is_active"'
    )


@dataclass(frozen=True)
class TokenHolder:
    """The active observer holding an API token, as ids: all a report needs to be stored."""

    observer_id: int
    user_id: int

    def observer(self) -> Observer:
        """The observer as the ingestion needs them (their id), without reading the row."""
        return Observer(pk=self.observer_id, user_id=self.user_id)


def observer_by_token(key: str) -> TokenHolder | None:
    """The active observer holding this unrevoked token, or None (an unknown, revoked or
    someone else's token, or an account with no observer profile: the API's own
    authentication tells those apart). The token's use is recorded at most once a minute."""
    now = timezone.now()
    due = connection.ops.adapt_datetimefield_value(now - timedelta(minutes=1))
    with cursor_preparable() as cursor:
        cursor.execute(_token_sql(), [due, ApiToken.hash_key(key)])
        row = cursor.fetchone()
    if row is None:
        return None
    token_id, observer_id, user_id, use_due = row
    if use_due:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return TokenHolder(observer_id=observer_id, user_id=user_id)


@functools.cache
def _token_sql() -> str:
    return (
        'SELECT t."id", o."id", u."id", '  # noqa: S608 - names from the models
        '(t."last_used_at" IS NULL OR t."last_used_at" < %s) '
        f'FROM {active_observers_sql()} JOIN "{ApiToken._meta.db_table}" t '
        'ON t."user_id" = u."id" WHERE t."key_hash" = %s AND t."revoked_at" IS NULL'
    )


# --- The report ---------------------------------------------------------------------------


def submission_receive(
    *,
    client_id: uuid.UUID,
    form_code: str,
    station_number: str,
    observer: Observer,
    election: Election,
    answers: dict[str, Any],
    channel: str,
    raw: dict[str, Any],
    observed_at: datetime | None = None,
    record: Callable[[Submission], Model] | None = None,
) -> tuple[Submission, bool]:
    """Validate and store once per client id. Returns the submission and whether it is new;
    raises SubmissionInvalid naming every bad answer, and then stores nothing.

    `record`, given the submission about to be stored (its answers validated, no id yet),
    returns the channel's record of the delivery (an SMS's log row with its reply), which has
    a foreign key to the submission: it is stored with the report, in the same statement on
    PostgreSQL (one round trip for the two rows), so a report is never kept without the
    record by which the channel knows it when it is sent again."""
    try:
        return _receive(
            client_id=client_id, form_code=form_code, station_number=station_number,
            observer=observer, election=election, answers=answers, channel=channel, raw=raw,
            observed_at=observed_at, record=record,
        )  # fmt: skip
    except SubmissionInvalid:
        # Whatever a resend looks like, a client id already stored gets its submission back.
        existing = Submission.objects.filter(client_id=client_id).first()
        if existing is None:
            raise
        if existing.observer_id != observer.pk:
            raise SubmissionInvalid(
                "conflict", _("This id was already used by someone else.")
            ) from None
        return existing, False


def _receive(
    *,
    client_id: uuid.UUID,
    form_code: str,
    station_number: str,
    observer: Observer,
    election: Election,
    answers: dict[str, Any],
    channel: str,
    raw: dict[str, Any],
    observed_at: datetime | None,
    record: Callable[[Submission], Model] | None,
) -> tuple[Submission, bool]:
    version = form_version_current(form_code)
    if version is None:
        message = _("There is no form %(code)s.") % {"code": form_code}
        raise SubmissionInvalid("unknown_form", message, [AnswerError("form", "unknown", message)])
    questions = list(version.questions.all())
    clean, errors = answers_check(questions, answers)
    if version.relations:
        errors += relations_check(version.relations, clean, answers)
    errors += _photos_missing(questions, clean, observer)
    if errors:
        _deployed_or_refuse(observer, election, station_number)
        raise SubmissionInvalid("invalid", _("Some answers are not valid."), errors)
    submission = Submission(
        client_id=client_id, version=version, election=election, observer=observer,
        channel=channel, observed_at=observed_at or timezone.now(), raw=raw, answers=clean,
    )  # fmt: skip
    alerts = [q.code for q in questions if q.code in clean and is_critical(q, clean[q.code])]
    if not _stored(submission, station_number, alerts, record, form_code):
        _deployed_or_refuse(observer, election, station_number)
        # Sent before (a retry, or racing the original): the caller answers with that one.
        raise SubmissionInvalid("resent", "")
    return submission, True


def _stored(
    submission: Submission,
    station_number: str,
    alerts: list[str],
    record: Callable[[Submission], Model] | None,
    form_code: str,
) -> bool:
    """Store the submission at the station of that number where its observer is deployed,
    unless its client id is stored already; then what goes with a stored submission. One
    statement when nothing goes with it but the channel's record, else one transaction."""
    # A signal matches its sender by identity, not equality: the code a channel parsed from
    # a message is another string object than the literal a listener connected with. The
    # interned code is the one object every listener's literal is too.
    form_code = sys.intern(form_code)
    along = record(submission) if record is not None else None
    listened = report_stored.has_listeners(form_code)
    in_statement = along is not None and connection.vendor == "postgresql"
    needs_transaction = alerts or listened or (along is not None and not in_statement)
    with transaction.atomic() if needs_transaction else contextlib.nullcontext():
        if not _inserted(submission, station_number, along if in_statement else None):
            return False
        submission_stored(submission, alerts)
        if listened:
            report_stored.send(
                form_code, submission_id=submission.pk, election_id=submission.election_id,
                observer_id=submission.observer_id, station_id=submission.station_id,
                answers=submission.answers,
            )  # fmt: skip
        if along is not None and not in_statement:
            setattr(along, _submission_link(type(along)).name, submission)
            along.save()
    return True


def submission_stored(submission: Submission, alerts: list[str]) -> None:
    """What follows from each newly stored submission, called once for each, right after the
    statement that stored it (in the transaction with it when there is anything to write):
    the alerts for its critical answers, and the live counts (counting.py) soon after: the
    fold is enqueued on commit, at most once every two seconds, and a failure there never
    fails a report."""
    if alerts:
        CriticalAlert.objects.bulk_create(
            CriticalAlert(submission=submission, question_code=code) for code in alerts
        )
    transaction.on_commit(fold_tallies_soon, robust=True)


def _inserted(submission: Submission, station_number: str, along: Model | None = None) -> bool:
    """The one statement: INSERT … SELECT the deployed station … ON CONFLICT DO NOTHING, and
    with `along` (PostgreSQL) the row that goes with the report in the same statement.
    Sets the submission's id, station and received time when it stored the row."""
    submission.received_at = timezone.now()
    values = _values(submission, _inserted_fields())
    election_id, observer_id = submission.election_id, submission.observer_id
    params = [*values, election_id, observer_id, station_number]
    if along is not None:
        params += _values(along, _along_fields(type(along)))
    with cursor_preparable() as cursor:
        cursor.execute(_insert_sql(type(along) if along is not None else None), params)
        row = cursor.fetchone()
    if row is None:
        return False
    submission.pk, submission.station_id = row[:2]
    submission._state.adding, submission._state.db = False, connection.alias
    if along is not None:
        setattr(along, _submission_link(type(along)).name, submission)
        along.pk, along._state.adding, along._state.db = row[2], False, connection.alias
    return True


def _values(instance: Model, fields: tuple[Any, ...]) -> list[Any]:
    # pre_save gives auto_now_add fields their time, as Model.save() would.
    return [field.get_db_prep_save(field.pre_save(instance, True), connection) for field in fields]


@functools.cache
def _inserted_fields() -> tuple[Any, ...]:
    """Every column of a submission the statement writes from the instance: all but the id
    and the station, which it takes from the deployment."""
    return tuple(
        field
        for field in Submission._meta.concrete_fields
        if not field.primary_key and field.name != "station"
    )


@functools.cache
def _submission_link(model: type[Model]) -> Any:
    """The record's foreign key to the submission."""
    (link,) = (
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Submission
    )
    return link


@functools.cache
def _along_fields(model: type[Model]) -> tuple[Any, ...]:
    link = _submission_link(model)
    return tuple(f for f in model._meta.concrete_fields if not f.primary_key and f is not link)


@functools.cache
def _insert_sql(along: type[Model] | None = None) -> str:
    columns = ", ".join(f'"{field.column}"' for field in _inserted_fields())
    typed = ", ".join(_bound(field) for field in _inserted_fields())
    insert = (
        f'INSERT INTO "{Submission._meta.db_table}" ({columns}, "station_id") '  # noqa: S608 - names from the models
        f'SELECT {typed}, ds."station_id" {_deployed_station_sql()} '
        'ON CONFLICT ("client_id") DO NOTHING RETURNING "id", "station_id"'
    )
    if along is None:
        return insert
    fields = _along_fields(along)
    along_columns = ", ".join(f'"{field.column}"' for field in fields)
    along_typed = ", ".join(_bound(field) for field in fields)
    # The record's row only where the report's was stored: the cross join is empty otherwise.
    return (
        f"WITH s AS ({insert}), "  # noqa: S608 - names from the models
        f'r AS (INSERT INTO "{along._meta.db_table}" ({along_columns}, '
        f'"{_submission_link(along).column}") SELECT {along_typed}, s."id" FROM s RETURNING "id") '
        'SELECT s."id", s."station_id", r."id" FROM s, r'
    )


def _bound(field: Any) -> str:
    """A parameter in a SELECT list has no column to take its type from: PostgreSQL is told."""
    if connection.vendor != "postgresql":
        return "%s"
    return f"CAST(%s AS {field.db_type(connection)})"


@functools.cache
def _deployed_station_sql() -> str:
    """FROM … WHERE for the deployment of observer %s (2nd) at the station numbered %s
    (3rd) in election %s (1st), as `ds` (the deployment's link to the station)."""
    return (
        f'FROM "{DeploymentStation._meta.db_table}" ds '
        f'JOIN "{Deployment._meta.db_table}" d ON d."id" = ds."deployment_id" '
        f'JOIN "{PollingStation._meta.db_table}" s ON s."id" = ds."station_id" '
        # By the deployment's own election and observer (one index, one or two rows), not by
        # the link's copy of the election, which would read every station link of the day.
        'WHERE d."election_id" = %s AND d."observer_id" = %s AND s."number" = %s '
        'ORDER BY ds."id" LIMIT 1'
    )


def station_deployed_at(*, observer: Observer, election: Election, number: str) -> bool:
    """Whether the observer is deployed at the station with this number in this election."""
    return DeploymentStation.objects.filter(
        deployment__election=election, deployment__observer_id=observer.pk, station__number=number
    ).exists()


def _deployed_or_refuse(observer: Observer, election: Election, number: str) -> None:
    if station_deployed_at(observer=observer, election=election, number=number):
        return
    message = _("You are not deployed to station %(number)s.") % {"number": number}
    error = AnswerError("station", "not_deployed", message)
    raise SubmissionInvalid("not_deployed", message, [error])


def _photos_missing(
    questions: list[Question], clean: dict[str, Any], observer: Observer
) -> list[AnswerError]:
    """A photo answer must name a photo this observer has sent (never someone else's)."""
    codes = [q.code for q in questions if q.kind == Question.Kind.PHOTO and q.code in clean]
    if not codes:
        return []
    owned = photos_owned(observer, [clean[code] for code in codes])
    return [
        AnswerError(code, "photo_missing", _("This photo has not arrived; send it again."))
        for code in codes
        if clean[code] not in owned
    ]
