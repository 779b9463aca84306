"""The one ingestion path: web, API, SMS, Telegram and ODK all store submissions through it."""

import contextlib
import functools
import re
import uuid
from collections.abc import Callable
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Model, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.core import prepared
from amanat.core.memo import ttl_memo
from amanat.elections.models import Election
from amanat.observers.models import Observer
from amanat.observers.selectors import ObserverLookup, deployed_station_sql, station_deployed_at

from .answers import AnswerError, answers_check, is_critical
from .models import ChecklistForm, CriticalAlert, FormVersion, Question, Submission
from .photos import photos_owned
from .relations import relations_check
from .tasks import fold_tallies_soon


class SubmissionInvalid(Exception):
    def __init__(self, code: str, message: str, errors: list[AnswerError] | None = None):
        super().__init__(message)
        self.code, self.message, self.errors = code, message, errors or []


# A form's code as the loader accepts it (ChecklistForm.code, up to 8 characters; SMS-typable
# letters and digits, any case). Anything else names no form: refused before any lookup.
FORM_CODE = re.compile(r"[A-Za-z0-9]{1,8}")


def form_version_current(code: str) -> FormVersion | None:
    """The form's newest version with its questions, if the form is active. A code of any
    other shape is no form's; no lookup, and no memory, is spent on it."""
    if not FORM_CODE.fullmatch(code):
        return None
    return _versions_current().get(code.upper())


@ttl_memo(30, maxsize=1)
def _versions_current() -> dict[str, FormVersion]:
    """Every active form's newest version with its questions, by code; remembered for 30 s
    per worker (a new version only changes which version new reports use, never what old ones
    mean). One entry whatever codes clients send: none of them keys the memo."""
    newest = FormVersion.objects.filter(form=OuterRef("form")).order_by("-number").values("pk")
    versions = (
        FormVersion.objects.filter(form__is_active=True, pk=Subquery(newest[:1]))
        .select_related("form")
        .prefetch_related("questions")
    )
    return {version.form.code: version for version in versions}


def submission_receive(
    *,
    client_id: uuid.UUID,
    form_code: str,
    station_number: str,
    observer: Observer,
    election: Election,
    answers: dict,
    channel: str,
    raw: dict,
    observed_at: datetime | None = None,
    record: Callable[[Submission], Model] | None = None,
) -> tuple[Submission, bool]:
    """Validate and store once per client id. Returns the submission and whether it is new;
    raises SubmissionInvalid naming every bad answer, and then stores nothing.

    `record`, given the submission about to be stored, returns the channel's record of the
    delivery (an SMS's log row with its reply), which is stored with the submission, its
    `submission` set, and only if the submission is: a report is never kept without the
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


def submission_receive_found(
    *,
    client_id: uuid.UUID,
    form_code: str,
    station_number: str,
    lookup: ObserverLookup,
    election: Election,
    answers: dict,
    channel: str,
    raw: dict,
    observed_at: datetime | None = None,
    record: Callable[[Submission], Model | prepared.Along] | None = None,
) -> Submission | None:
    """submission_receive for the observer `lookup` finds, in the one statement that stores
    the report: the new submission, or None when none was stored, for any reason (nobody
    found, not deployed there, an answer not valid, sent before). Then nothing is stored,
    and submission_receive, given the observer, says why. A valid report from a known
    observer, nearly every one on election day, costs one statement.

    `record` may return an Along whose columns depend on the observer found (a reply in
    their language); its link must be `submission`."""
    if connection.vendor != "postgresql":
        return None  # only PostgreSQL runs a WITH query or computes a row along
    version = form_version_current(form_code)
    if version is None:
        return None
    questions, clean, errors = _checked(version, answers, observer=None)
    if errors:
        return None
    submission = Submission(
        client_id=client_id, version=version, election=election, channel=channel,
        observed_at=observed_at or timezone.now(), raw=raw, answers=clean,
    )  # fmt: skip
    source = prepared.Source(
        columns={"station": 'ds."station_id"', "observer": 'w."observer_id"'},
        sql=_deployed_station_found_sql(lookup.sql),
        params=(*lookup.params, election.pk, station_number),
        first=lookup.first,
        first_params=lookup.first_params,
    )
    if not _stored(submission, questions, source, record):
        return None
    submission.version = version
    return submission


@functools.cache
def _deployed_station_found_sql(lookup: str) -> str:
    return deployed_station_sql(observer_found_by=lookup)


def _receive(*, client_id, form_code, station_number, observer, election, answers, channel,
             raw, observed_at, record) -> tuple[Submission, bool]:  # fmt: skip
    version = form_version_current(form_code)
    if version is None:
        message = _("There is no form %(code)s.") % {"code": form_code}
        raise SubmissionInvalid("unknown_form", message, [AnswerError("form", "unknown", message)])
    questions, clean, errors = _checked(version, answers, observer)
    if errors:
        _deployed_or_refuse(observer, election, station_number)
        raise SubmissionInvalid("invalid", _("Some answers are not valid."), errors)
    submission = Submission(
        client_id=client_id,
        version=version,
        election=election,
        observer=observer,
        channel=channel,
        observed_at=observed_at or timezone.now(),
        raw=raw,
        answers=clean,
    )
    deployed = _deployed_station(observer, election, station_number)
    if not _stored(submission, questions, deployed, record):
        _deployed_or_refuse(observer, election, station_number)
        # Sent before (a retry, or racing the original): the caller answers with that one.
        raise SubmissionInvalid("resent", "")
    submission.version = version  # the caller reads the form's code: no query for it
    return submission, True


def _checked(version: FormVersion, answers: dict, observer: Observer | None):
    """The form's questions, the clean answers and what is wrong with the others."""
    questions = list(version.questions.all())
    clean, errors = answers_check(questions, answers)
    if version.relations:
        errors += relations_check(version.relations, clean, answers)
    errors += _photos_missing(questions, clean, observer)
    return questions, clean, errors


def _stored(submission: Submission, questions, source: prepared.Source, record) -> bool:
    """One statement stores the submission (and the channel's record, if any) only where the
    source finds the station, and only once per client id: no lookup on the way in. It is
    atomic by itself; only alerts need a transaction around it."""
    clean = submission.answers
    alerts = [q.code for q in questions if q.code in clean and is_critical(q, clean[q.code])]
    along = record(submission) if record else None
    if isinstance(along, Model):
        along = prepared.Along(along, link="submission")
    with transaction.atomic() if alerts else contextlib.nullcontext():
        stored = prepared.insert(submission, conflict=("client_id",), source=source, along=along)
        if stored:  # into the live counts soon (counting.py); a failure there fails no report
            transaction.on_commit(fold_tallies_soon, robust=True)
        if stored and alerts:
            CriticalAlert.objects.bulk_create(
                CriticalAlert(submission=submission, question_code=code) for code in alerts
            )
    return stored


def _deployed_station(observer: Observer, election: Election, number: str) -> prepared.Source:
    """The station with this number, if the observer is deployed there for this election."""
    return prepared.Source(
        columns={"station": 'ds."station_id"'},
        sql=deployed_station_sql(),
        params=(election.pk, observer.pk, number),
    )


def _deployed_or_refuse(observer: Observer, election: Election, number: str) -> None:
    if station_deployed_at(observer_id=observer.pk, election_id=election.pk, number=number):
        return
    message = _("You are not deployed to station %(number)s.") % {"number": number}
    error = AnswerError("station", "not_deployed", message)
    raise SubmissionInvalid("not_deployed", message, [error])


def _photos_missing(questions, clean: dict, observer: Observer | None) -> list[AnswerError]:
    """A photo answer must name a photo this observer has sent (never someone else's); with
    the observer not known yet, none can be shown to be theirs."""
    codes = [q.code for q in questions if q.kind == Question.Kind.PHOTO and q.code in clean]
    if not codes:
        return []
    owned = photos_owned(observer, [clean[code] for code in codes]) if observer else set()
    return [
        AnswerError(code, "photo_missing", _("This photo has not arrived; send it again."))
        for code in codes
        if clean[code] not in owned
    ]


def forms_active() -> list[ChecklistForm]:
    return list(ChecklistForm.objects.filter(is_active=True).order_by("code"))
