"""Live counts that do not grow with the day. Storing a report adds nothing to it (a report is
stored `counted=False`); `tallies_fold` then folds the reports not yet counted into
AnswerCount, per form, region and question, shortly after they arrive: by the task
`checklists.fold_tallies` (tasks.py: enqueued after commit, at most once every two seconds,
and run by `amanat beat` every few seconds), by the HQ dashboard when tasks run in-process, and
by `amanat tallies_fold`. The dashboard reads a few hundred count lines instead of every
submission of the day.

The rule of tallies.latest_submissions holds: of one observer's submissions of a form at a
station, only the one received last counts (then the higher id). CountingSubmission remembers
which one counts now; a later one replaces its figures, an earlier one that is folded late (it
committed after a later one) changes nothing. So the counts depend only on which reports are
stored, never on the order they are folded in. A resend with the same client id is never
stored twice (the unique client id), so it is never counted twice.

One folder at a time (a transaction-level advisory lock on PostgreSQL; SQLite writes one
transaction at a time anyway): the count lines are the same few hundred rows for every report,
so two folders would only queue on their locks, and a single one never deadlocks. A second
folder returns at once; the reports it would have taken wait for the next fold. Folding runs
beside ingestion and takes no lock a report's INSERT waits for."""

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from .models import AnswerCount, CountingSubmission, PublicFigures, Question, Submission

FOLD_LOCK = 0x616D_616E  # the advisory lock's key ("aman")
FIGURES_EVERY = timedelta(minutes=1)  # how often the public's figures are taken
_COUNTED_BY_VALUE = (Question.Kind.YES_NO, Question.Kind.SINGLE, Question.Kind.MULTIPLE)

# (election, form, region, code, value): [reports, total]
Key = tuple[int, int, int, str, str]


@dataclass(frozen=True)
class _Report:
    pk: int
    election: int
    version: int
    form: int
    station: int
    region: int
    observer: int
    received_at: datetime
    answers: dict[str, object]

    @property
    def order(self) -> tuple[datetime, int]:
        return self.received_at, self.pk


_FIELDS = ("pk", "election_id", "version_id", "version__form_id", "station_id",
           "station__district__region_id", "observer_id", "received_at", "answers")  # fmt: skip


def tallies_fold(
    *, batch: int = 5000, batches: int | None = None, figures_every: timedelta = FIGURES_EVERY
) -> int:
    """Fold the reports not yet counted into the counts, `batch` in each transaction, until
    none is left (or after `batches`); take the public's figures when they are due. Returns
    how many reports were folded: 0 at once if another folder is at work."""
    folded = done = 0
    while batches is None or done < batches:
        with transaction.atomic():
            if not _fold_lock_taken():
                return folded
            count = _fold_batch(batch)
            _figures_take_if_due(figures_every)
        folded, done = folded + count, done + 1
        if count < batch:
            break
    return folded


def _fold_lock_taken() -> bool:
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [FOLD_LOCK])
        row = cursor.fetchone()
    return bool(row and row[0])


def _fold_batch(limit: int) -> int:
    pending = _reports(Submission.objects.filter(counted=False).order_by("pk")[:limit])
    if not pending:
        return 0
    keys = {_key_of(report) for report in pending}
    counting = {
        (row.election_id, row.form_id, row.station_id, row.observer_id): row
        for row in CountingSubmission.objects.filter(
            election_id__in={k[0] for k in keys},
            form_id__in={k[1] for k in keys},
            station_id__in={k[2] for k in keys},
            observer_id__in={k[3] for k in keys},
        )
    }
    counting = {key: row for key, row in counting.items() if key in keys}
    current = {
        _key_of(report): report
        for report in _reports(
            Submission.objects.filter(pk__in=[row.submission_id for row in counting.values()])
        )
    }
    kinds = _kinds({r.version for r in pending} | {r.version for r in current.values()})
    deltas: defaultdict[Key, list[int]] = defaultdict(lambda: [0, 0])
    for report in sorted(pending, key=lambda r: r.order):
        key = _key_of(report)
        before = current.get(key)
        if before is not None and before.order >= report.order:
            continue  # an earlier report folded late: the later one still counts
        if before is not None:
            _add(deltas, before, kinds, -1)
        _add(deltas, report, kinds, +1)
        current[key] = report
    _counts_apply(deltas)
    _counting_keep(current, counting)
    Submission.objects.filter(pk__in=[r.pk for r in pending]).update(counted=True)
    return len(pending)


def _reports(rows: "object") -> list[_Report]:
    return [_Report(*values) for values in rows.values_list(*_FIELDS)]  # type: ignore[attr-defined]


def _key_of(report: _Report) -> tuple[int, int, int, int]:
    return report.election, report.form, report.station, report.observer


def _kinds(versions: set[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    rows = Question.objects.filter(version_id__in=versions).order_by("version", "position")
    for version, code, kind in rows.values_list("version_id", "code", "kind"):
        found[version].append((code, kind))
    return found


def _add(
    deltas: defaultdict[Key, list[int]],
    report: _Report,
    kinds: dict[int, list[tuple[str, str]]],
    sign: int,
) -> None:
    where = (report.election, report.form, report.region)
    for code, value, total in _lines(report, kinds[report.version]):
        line = deltas[(*where, code, value)]
        line[0] += sign
        line[1] += sign * total


def _lines(report: _Report, kinds: list[tuple[str, str]]) -> Iterator[tuple[str, str, int]]:
    """(code, value, total) of each count line the report adds one to, as tallies.tallies
    counts it: the report; each question answered (whole numbers summed); yes/no and choice
    answers by value, each item of a list of choices."""
    yield "", "", 0
    for code, kind in kinds:
        value = report.answers.get(code)
        if value is None:
            continue
        whole = kind == Question.Kind.INTEGER and isinstance(value, int)
        yield code, "", int(value) if whole else 0  # type: ignore[call-overload]
        if kind in _COUNTED_BY_VALUE:
            for item in value if isinstance(value, list) else [value]:
                as_json = json.dumps(item)
                if len(as_json) <= AnswerCount._meta.get_field("value").max_length:  # type: ignore[operator]
                    yield code, as_json, 0


def _counts_apply(deltas: dict[Key, list[int]]) -> None:
    changed = {key: d for key, d in deltas.items() if d != [0, 0]}
    if not changed:
        return
    before = {
        (election, form, region, code, value): (count, total)
        for election, form, region, code, value, count, total in AnswerCount.objects.filter(
            election_id__in={k[0] for k in changed},
            form_id__in={k[1] for k in changed},
            region_id__in={k[2] for k in changed},
        ).values_list("election_id", "form_id", "region_id", "code", "value", "count", "total")
    }
    kept = []
    for key, (count, total) in changed.items():
        was_count, was_total = before.get(key, (0, 0))
        election, form, region, code, value = key
        kept.append(AnswerCount(
            election_id=election, form_id=form, region_id=region, code=code, value=value,
            count=was_count + count, total=was_total + total,
        ))  # fmt: skip
    # The new figures, not increments, are written: the fold holds its lock (one folder at a
    # time), so nobody changed the lines since they were read. One upsert statement, where
    # bulk_update's CASE took a few milliseconds of Python for every fold.
    AnswerCount.objects.bulk_create(
        kept, batch_size=1000, update_conflicts=True, update_fields=["count", "total"],
        unique_fields=["election", "form", "region", "code", "value"],
    )  # fmt: skip


def _counting_keep(
    current: dict[tuple[int, int, int, int], _Report],
    counting: dict[tuple[int, int, int, int], CountingSubmission],
) -> None:
    kept = [
        CountingSubmission(
            election_id=election,
            form_id=form,
            station_id=station,
            observer_id=observer,
            submission_id=report.pk,
        )  # fmt: skip
        for (election, form, station, observer), report in current.items()
        if (row := counting.get((election, form, station, observer))) is None
        or row.submission_id != report.pk
    ]
    CountingSubmission.objects.bulk_create(
        kept, batch_size=1000, update_conflicts=True, update_fields=["submission"],
        unique_fields=["election", "form", "station", "observer"],
    )  # fmt: skip


def _figures_take_if_due(every: timedelta) -> None:
    """The counts of all regions together, kept with the time they stood at, for the public
    summary (shown once they are old enough): at most one set of figures per `every`."""
    now = timezone.now()
    for election in AnswerCount.objects.values_list("election_id", flat=True).distinct():
        last = (
            PublicFigures.objects.filter(election_id=election)
            .order_by("-taken_at")
            .values_list("taken_at", flat=True)
            .first()
        )
        if last is not None and now - last < every:
            continue
        figures: dict[str, dict[str, dict[str, list[int]]]] = defaultdict(lambda: defaultdict(dict))
        sums = (
            AnswerCount.objects.filter(election_id=election)
            .values_list("form_id", "code", "value")
            .annotate(Sum("count"), Sum("total"))
            .order_by()
        )
        for form, code, value, count, total in sums:
            figures[str(form)][code][value] = [count, total]
        PublicFigures.objects.create(election_id=election, taken_at=now, figures=figures)
