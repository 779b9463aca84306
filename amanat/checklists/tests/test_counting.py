"""The live counts (counting.py) equal a count from scratch of the submissions themselves
(tallies.latest_submissions and tallies.tallies, the rule the pages used before), on random
reports with resends and corrections, folded in random slices and out of order."""

import random
import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from amanat.checklists import tallies
from amanat.checklists.counting import tallies_fold
from amanat.checklists.models import ChecklistForm, CountingSubmission, Question, Submission
from amanat.checklists.services import form_version_current
from amanat.checklists.tests.factories import REGIONS, send, staffed
from amanat.geography.models import Region


def random_answers(rng: random.Random, form: str) -> dict:
    answers = {}
    for question in form_version_current(form).questions.all():
        if rng.random() < 0.2:
            continue  # not answered
        if question.kind == Question.Kind.YES_NO:
            answers[question.code] = rng.random() < 0.5
        elif question.kind == Question.Kind.INTEGER:
            answers[question.code] = rng.randint(question.minimum or 0, 300)
        elif question.kind == Question.Kind.SINGLE:
            answers[question.code] = rng.choice(question.choices)["value"]
    return answers


def shown(tally_list):
    """Everything a page shows of the tallies, and the counts behind it."""
    return [
        (t.question.code, t.rows(), t.answered, t.total, +t.counts)
        if t.question.kind != Question.Kind.INTEGER
        else (t.question.code, t.rows(), t.answered, t.total)
        for t in tally_list
    ]


def assert_counts_equal_recount(election):
    regions_each = [Region.objects.filter(code=code) for code in REGIONS]
    for regions in [Region.objects.all(), *regions_each]:
        figures = tallies.figures_counted(election=election, regions=regions)
        for form in ChecklistForm.objects.all():
            version = form_version_current(form.code)
            latest = tallies.latest_submissions(election=election, form=form, regions=regions)
            counted = figures.get(str(form.pk), {})
            assert shown(tallies.tallies_counted(counted, version)) == shown(
                tallies.tallies(latest, version)
            )
            assert tallies.reports_counted(counted) == len(latest)
        reported, deployed = tallies.reporting_rates(election=election, regions=regions)
        for form in ChecklistForm.objects.all():
            rate = tallies.reporting_rate(election=election, form=form, regions=regions)
            assert (reported.get(form.pk, 0), deployed) == rate


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_equal_a_recount_of_random_reports_resends_and_corrections(seed):
    rng = random.Random(seed)
    election, pairs = staffed()
    sent = []  # (station, observer, form, answers, client id)
    for _ in range(120):
        roll = rng.random()
        if sent and roll < 0.15:  # a resend: same client id, whatever the answers now
            station, observer, form, _answers, client_id = rng.choice(sent)
            send(election, station, observer, form, random_answers(rng, form), client_id)
            continue
        if sent and roll < 0.4:  # a correction: the same form again, a new client id
            station, observer, form, *_rest = rng.choice(sent)
        else:
            (station, observer), form = rng.choice(pairs), rng.choice(["OP", "VT", "CL"])
        answers, client_id = random_answers(rng, form), uuid.uuid4()
        send(election, station, observer, form, answers, client_id)
        sent.append((station, observer, form, answers, client_id))
        if rng.random() < 0.1:
            tallies_fold(batch=rng.randint(1, 7), batches=rng.randint(1, 3))
    # A report that committed after a later one of the same observer (received earlier):
    # folded after it, it must not replace it.
    late = Submission.objects.order_by("-pk").first()
    Submission.objects.filter(pk=late.pk).update(received_at=timezone.now() - timedelta(hours=1))
    tallies_fold(batch=rng.randint(1, 20))

    assert Submission.objects.filter(counted=False).count() == 0
    assert Submission.objects.count() == len(sent)  # every resend stored once
    assert_counts_equal_recount(election)


@pytest.mark.django_db
def test_a_correction_replaces_and_an_earlier_report_folded_late_does_not():
    election, pairs = staffed((1,))
    station, observer = pairs[0]
    vt = ChecklistForm.objects.get(code="VT")

    def counted():
        figures = tallies.figures_counted(election=election, regions=Region.objects.all())
        found = tallies.tallies_counted(figures[str(vt.pk)], form_version_current("VT"))
        by_code = {t.question.code: t for t in found}
        return by_code["A"].counts[True], by_code["A"].counts[False], by_code["D"].total

    first = send(election, station, observer, "VT", {"A": True, "D": 100}, uuid.uuid4())[0]
    assert tallies_fold() == 1
    assert counted() == (1, 0, 100)
    second = send(election, station, observer, "VT", {"A": False, "D": 150}, uuid.uuid4())[0]
    assert tallies_fold() == 1
    assert counted() == (0, 1, 150)
    # Received before the first, committed (and folded) after the second: it changes nothing.
    third = send(election, station, observer, "VT", {"A": True, "D": 999}, uuid.uuid4())[0]
    Submission.objects.filter(pk=third.pk).update(
        received_at=first.received_at - timedelta(minutes=1)
    )
    assert tallies_fold() == 1
    assert counted() == (0, 1, 150)
    assert CountingSubmission.objects.get().submission_id == second.pk
    assert tallies_fold() == 0  # each report is folded once


@pytest.mark.django_db
def test_public_figures_stand_as_at_the_time_they_were_taken():
    election, pairs = staffed((1, 1))
    (station, observer), (other, second) = pairs
    send(election, station, observer, "VT", {"A": True, "D": 10}, uuid.uuid4())
    tallies_fold(figures_every=timedelta(0))
    taken = timezone.now()
    send(election, other, second, "VT", {"A": False, "D": 20}, uuid.uuid4())
    tallies_fold(figures_every=timedelta(hours=1))  # not due: the public's stay as taken

    at, figures = tallies.public_figures(election=election, until=timezone.now())
    assert at <= taken
    vt = ChecklistForm.objects.get(code="VT")
    latest = tallies.latest_submissions(
        election=election, form=vt, regions=Region.objects.all(), until=at
    )
    version = form_version_current("VT")
    assert shown(tallies.tallies_counted(figures[str(vt.pk)], version)) == shown(
        tallies.tallies(latest, version)
    )
    assert tallies.reports_counted(figures[str(vt.pk)]) == len(latest) == 1
    assert tallies.public_figures(election=election, until=at - timedelta(seconds=1)) is None


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need PostgreSQL; this runs in the PostgreSQL round of make test",
)
def test_thirty_two_observers_at_once_with_folds_running_lose_and_double_nothing():
    election, pairs = staffed((4, 4, 4, 4, 4, 4, 4, 4))
    barrier = threading.Barrier(len(pairs) + 2)
    failures = []

    def observer_sends(station, observer, seed):
        rng = random.Random(seed)
        try:
            barrier.wait()
            for _ in range(4):
                client_id = uuid.uuid4()
                form = rng.choice(["VT", "CL"])
                for _times in range(rng.choice([1, 1, 2])):  # sometimes sent twice
                    send(election, station, observer, form, random_answers(rng, form), client_id)
        except Exception as failure:  # noqa: BLE001 - collected and asserted below
            failures.append(failure)
        finally:
            connections.close_all()

    def folder():
        try:
            barrier.wait()
            for _ in range(20):
                tallies_fold(batch=5)
        except Exception as failure:  # noqa: BLE001 - collected and asserted below
            failures.append(failure)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=observer_sends, args=(s, o, i))
               for i, (s, o) in enumerate(pairs)]  # fmt: skip
    threads += [threading.Thread(target=folder) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tallies_fold()

    assert failures == []
    assert len(pairs) == 32
    assert Submission.objects.filter(counted=False).count() == 0
    assert_counts_equal_recount(election)
