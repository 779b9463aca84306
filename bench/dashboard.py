"""The HQ dashboard and the public summary at 250,000 submissions on PostgreSQL (see README).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/dashboard.py fill
    DATABASE_URL=... .venv/bin/python bench/dashboard.py time --requests 50

`fill` makes the database amanat_bench_dashboard (or $AMANAT_BENCH_DATABASE) beside
DATABASE_URL: the ~10,000 synthetic
stations, an observer at each, and SUBMISSIONS reports of the three forms with resends as
corrections. `time` folds them into the counts (if this code has counts; the time is printed)
and times each page through Django's test client, in-process: p50 and p95 of N requests.
Run `time` from another checkout (copy this file into it) to measure other code on the
same data."""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = os.environ.get("AMANAT_BENCH_DATABASE", "amanat_bench_dashboard")


def database_url(create: bool) -> str:
    url = os.environ["DATABASE_URL"]
    if create:
        import psycopg

        admin = psycopg.connect(url, autocommit=True)
        admin.execute(f"DROP DATABASE IF EXISTS {NAME}")
        admin.execute(f"CREATE DATABASE {NAME}")
        admin.close()
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path=f"/{NAME}"))


def django_ready(create: bool) -> None:
    os.environ["DATABASE_URL"] = database_url(create)
    os.environ.setdefault("AMANAT_DATA_DIR", tempfile.mkdtemp(prefix="amanat-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "amanat.settings.base"
    os.environ["AMANAT_PUBLIC_DELAY_MINUTES"] = "0"  # the public sees every report: the worst
    os.environ["AMANAT_REQUIRE_2FA"] = "0"
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fill(submissions: int) -> None:
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from data import deployed_one_per_station, observers_certified, stations_and_election

    from amanat.checklists.models import Question, Submission
    from amanat.checklists.services import form_version_current
    from amanat.geography.models import PollingStation

    election = stations_and_election()
    stations = list(PollingStation.objects.select_related("district").order_by("number"))
    observers = observers_certified([(s.district.region_id, None) for s in stations])
    deployed_one_per_station(election, stations, observers)
    versions = [form_version_current(code) for code in ("OP", "VT", "CL")]
    questions = {v.pk: list(v.questions.all()) for v in versions}
    rng, now, batch, made = random.Random(17), timezone.now(), [], 0
    while made < min(submissions, MADE_IN_PYTHON):
        index = rng.randrange(len(stations))
        version = rng.choice(versions)
        answers = {}
        for q in questions[version.pk]:
            if q.kind == Question.Kind.YES_NO:
                answers[q.code] = rng.random() < 0.8
            elif q.kind == Question.Kind.INTEGER:
                answers[q.code] = rng.randint(0, 2000)
            elif q.kind == Question.Kind.SINGLE:
                answers[q.code] = rng.choice(q.choices)["value"]
        batch.append(Submission(
            client_id=uuid.uuid4(), version=version, election=election,
            station=stations[index], observer=observers[index], channel="api",
            observed_at=now, raw={"answers": answers}, answers=answers,
        ))  # fmt: skip
        made += 1
        if len(batch) == 5000 or made == min(submissions, MADE_IN_PYTHON):
            Submission.objects.bulk_create(batch)
            batch = []
    grow(submissions)


def grow(submissions: int) -> None:
    """Up to `submissions` reports, in SQL: the answers of reports already made, each sent
    again by the observer of a station drawn at random (many as corrections)."""
    from django.db import connection

    from amanat.checklists.models import Submission

    need = submissions - Submission.objects.count()
    with connection.cursor() as cursor:
        if need > 0:
            cursor.execute(GROW_SQL, {"need": need})
        cursor.execute(ALERTS_SQL, {})
        cursor.execute("VACUUM ANALYZE")
    print(f"{Submission.objects.count()} submissions stored")


MADE_IN_PYTHON = 25_000  # with their random answers; the rest are copies made in SQL
GROW_SQL = """
WITH made AS (SELECT row_number() OVER (ORDER BY id) AS n, version_id, election_id, channel,
                     observed_at, raw, answers FROM checklists_submission),
     pairs AS (SELECT row_number() OVER (ORDER BY ds.id) AS n, ds.station_id, d.observer_id
               FROM observers_deploymentstation ds
               JOIN observers_deployment d ON d.id = ds.deployment_id),
     draws AS MATERIALIZED (
         SELECT g, 1 + floor(random() * (SELECT count(*) FROM made))::bigint AS m,
                1 + floor(random() * (SELECT count(*) FROM pairs))::bigint AS p
         FROM generate_series(1, %(need)s) AS g)
INSERT INTO checklists_submission (client_id, version_id, election_id, station_id,
    observer_id, channel, observed_at, received_at, raw, answers, counted)
SELECT gen_random_uuid(), made.version_id, made.election_id, pairs.station_id,
       pairs.observer_id, made.channel, made.observed_at,
       now() + make_interval(secs => draws.g / 100.0), made.raw, made.answers, false
FROM draws JOIN made ON made.n = draws.m JOIN pairs ON pairs.n = draws.p
"""

# The critical answers' alerts, as ingestion raises them (the equality rules), for one report in
# ten that has none yet: the random yes/no answers would make one for most reports.
ALERTS_SQL = """
INSERT INTO checklists_criticalalert (submission_id, question_code, created_at)
SELECT s.id, q.code, s.received_at
FROM checklists_submission s
JOIN checklists_question q ON q.version_id = s.version_id AND q.critical_if ? 'equals'
WHERE s.answers -> q.code = q.critical_if -> 'equals'
  AND NOT EXISTS (SELECT FROM checklists_criticalalert a WHERE a.submission_id = s.id)
  AND s.id %% 10 = 0
"""


def timed(client, path: str, requests: int) -> str:
    client.get(path, secure=True)  # warm-up: templates, catalogues, the forms' memo
    seconds = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path, secure=True)
        seconds.append(time.perf_counter() - start)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}")
    seconds.sort()
    p95 = seconds[min(len(seconds) - 1, round(0.95 * len(seconds)) - 1)]
    return f"p50 {statistics.median(seconds) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def measure(requests: int) -> None:
    from django.conf import settings
    from django.test import Client

    from amanat.accounts.models import User
    from amanat.geography.models import Region

    settings.ALLOWED_HOSTS = ["testserver"]
    # Pages name static files as they are, with no collectstatic manifest to look them up in.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # fmt: skip
    try:
        from amanat.checklists.counting import tallies_fold
    except ImportError:
        print("no live counts in this code: the pages count every submission")
    else:
        start = time.perf_counter()
        folded = tallies_fold()
        print(f"folded {folded} submissions in {time.perf_counter() - start:.1f} s")
    hq = User.objects.filter(username="bench-hq").first() or User.objects.create(
        username="bench-hq", role="admin"
    )
    client = Client()
    client.force_login(hq)
    print("HQ dashboard (all regions):", timed(client, "/ru/checklists/dashboard/", requests))
    coordinator = User.objects.filter(username="bench-coordinator").first()
    if coordinator is None:
        coordinator = User.objects.create(username="bench-coordinator", role="coordinator")
        coordinator.regions.add(Region.objects.order_by("code").first())
    client.force_login(coordinator)
    print("HQ dashboard (one region): ", timed(client, "/ru/checklists/dashboard/", requests))
    print("public summary:            ", timed(Client(), "/ru/checklists/summary/", requests))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["fill", "grow", "time"])
    parser.add_argument("--submissions", type=int, default=250_000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    django_ready(create=args.step == "fill")
    if args.step == "fill":
        fill(args.submissions)
    elif args.step == "grow":  # more reports in a database already filled
        grow(args.submissions)
    else:
        measure(args.requests)
