"""Election-day load: N concurrent observers submitting checklists over HTTP (see README)."""

import argparse
import collections
import http.client
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def bench_database(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def run_phase(port, clients, seconds, request_for):
    """N clients send as fast as answered for `seconds`: latencies, errors, elapsed time."""
    latencies, errors, lock = [], [], threading.Lock()
    stop = time.monotonic() + seconds

    def worker(index):
        mine, failed = [], 0
        while time.monotonic() < stop:
            request = encoded(port, *request_for(index))
            started = time.perf_counter()
            ok = answered(port, request) in (200, 201)
            mine.append(time.perf_counter() - started)
            failed += not ok
        with lock:
            latencies.extend(mine)
            errors.append(failed)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, sum(errors), time.monotonic() - began


def encoded(port: int, method: str, path: str, body: str, headers: dict) -> bytes:
    data = body.encode()
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}",
             f"Content-Length: {len(data)}", "Connection: close",
             *(f"{name}: {value}" for name, value in headers.items())]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + data


def answered(port: int, request: bytes) -> int:
    """The status of one request on a connection of its own, or 0 if none came. Gunicorn's
    sync workers close every connection after the answer (as they do behind nginx), so the
    answer is all that arrives before the close. A bare socket rather than http.client,
    whose header parsing took CPU the server shares on this machine: the load generator
    should cost the server as little as a client on another machine would."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
            connection.sendall(request)
            received = b"".join(iter(lambda: connection.recv(65536), b""))
    except OSError:
        return 0
    return int(received[9:12]) if received[:7] == b"HTTP/1." and received[9:12].isdigit() else 0


def server_ready(port: int, timeout: float = 600) -> None:
    """Wait until the workers answer (each imports every view as it starts)."""
    give_up = time.monotonic() + timeout
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/v1/openapi.json")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > give_up:
            sys.exit("the server did not start")
        time.sleep(0.5)


def cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU time used so far by the app's workers and by PostgreSQL's processes (Linux /proc):
    what a request costs, whatever else the machine is doing meanwhile."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {"app": 0.0, "db": 0.0}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        if int(fields[1]) == server_pid:
            used["app"] += ticks / tick
        elif name.startswith("postgres"):
            # With its children that have exited (a closed connection's backend, autovacuum).
            used["db"] += (ticks + int(fields[13]) + int(fields[14])) / tick
    return used


def summary(name, latencies, errors, elapsed, cpu):
    latencies = sorted(latencies)
    rate = len(latencies) / elapsed
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    app, db, load = (cpu[part] / len(latencies) * 1000 for part in ("app", "db", "load"))
    print(f"{name:>6}: {rate:7.1f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
          f"requests {len(latencies)}  errors {errors}  "
          f"CPU a request: app {app:.2f} ms, database {db:.2f} ms, "
          f"load generator {load:.2f} ms")  # fmt: skip
    return rate


def interleaved(server_pid, port, clients, seconds, rounds, endpoints):
    """Each endpoint gets `seconds` in all, in `rounds` slices taken in turn (the order
    rotating each round), so a machine that slows down or speeds up during the run weighs
    on every endpoint alike rather than on whichever came last."""
    results = {name: ([], 0, 0.0, {"app": 0.0, "db": 0.0, "load": 0.0}) for name in endpoints}
    names = list(endpoints)
    for round_ in range(rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            before = {**cpu_seconds(server_pid), "load": time.process_time()}
            latencies, errors, elapsed = run_phase(port, clients, seconds / rounds, endpoints[name])
            after = {**cpu_seconds(server_pid), "load": time.process_time()}
            pooled, failed, total, cpu = results[name]
            cpu = {part: cpu[part] + after[part] - before[part] for part in cpu}
            results[name] = (pooled + latencies, failed + errors, total + elapsed, cpu)
    return {name: summary(name, *results[name]) for name in names}


def staffed_election(submitting: int, database: str = "amanat_bench") -> tuple[dict, list[dict]]:
    """A fresh database with the staffed election (see README), and the environment to run
    the platform on it; the tokens, phones and stations of the first `submitting` observers."""
    if not os.environ.get("DATABASE_URL"):
        sys.exit("set DATABASE_URL to a PostgreSQL server (the benchmark makes its database)")
    # This clone's code wherever the scripts are installed (PYTHONPATH), and the settings
    # that add the raw-insert endpoint to the production URLs.
    env = {**os.environ, "DATABASE_URL": bench_database(os.environ["DATABASE_URL"], database),
           "AMANAT_DATA_DIR": tempfile.mkdtemp(prefix="amanat-bench-"), "PYTHONPATH": str(ROOT),
           "DJANGO_SETTINGS_MODULE": "amanat.settings.bench", "AMANAT_REQUIRE_2FA": "0",
           "AMANAT_SMSSYNC_SECRET": "bench", "LOG_LEVEL": "WARNING",
           "ALLOWED_HOSTS": "127.0.0.1"}  # fmt: skip
    env.pop("REDIS_URL", None)
    subprocess.run([BIN / "amanat", "migrate", "-v0"], env=env, check=True)
    out = subprocess.run([BIN / "python", ROOT / "bench" / "setup_data.py", str(submitting)],
                         env=env, check=True, capture_output=True, text=True).stdout  # fmt: skip
    return env, json.loads(out.strip().splitlines()[-1])


def report_requests(people: list[dict]) -> dict:
    """For each endpoint, what observer `i` sends: (method, path, body, headers)."""

    def json_request(i):
        answers = {"A": False, "D": 100}
        body = json.dumps({"client_id": str(uuid.uuid4()), "form": "VT",
                           "station": people[i]["station"], "answers": answers})  # fmt: skip
        return (
            "POST",
            "/api/v1/submissions",
            body,
            {
                "Content-Type": "application/json",
                "Authorization": f"Bearer {people[i]['token']}",
            },
        )

    figures = collections.defaultdict(itertools.count)

    def sms_request(i):
        # A different figure each time from each phone (up to the question's maximum,
        # 10,000): the same text again from the same phone would be a duplicate.
        figure = next(figures[i]) % 10001
        body = urllib.parse.urlencode({
            "from": people[i]["phone"], "message": f"VT {people[i]['station']} A2 D{figure}",
            "message_id": str(uuid.uuid4()), "sent_timestamp": "1774060200000",
            "secret": "bench"})  # fmt: skip
        return (
            "POST",
            "/sms/smssync/",
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def raw_request(i):
        body = json.dumps({"client_id": str(uuid.uuid4()), "answers": {"A": False}})
        return "POST", "/bench/raw-insert", body, {"Content-Type": "application/json"}

    return {"json": json_request, "sms": sms_request, "raw": raw_request}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=8, help="slices per endpoint, in turn")
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--database", default="amanat_bench", help="made and dropped anew")
    parser.add_argument(
        "--broker", default="",
        help="production's Redis (redis://127.0.0.1:6379/14), as REDIS_URL: the task broker and "
        "the shared cache; tasks go to an `amanat worker` started beside the server, as in "
        "production; without one they run in the workers, in-process",
    )  # fmt: skip
    args = parser.parse_args()
    env, people = staffed_election(args.clients, args.database)
    if args.broker:
        env = {**env, "REDIS_URL": args.broker}
    server = subprocess.Popen(
        [BIN / "gunicorn", "amanat.wsgi", "--bind", f"127.0.0.1:{args.port}", "--chdir",
         ROOT, "--workers", str(args.workers), "--log-level", "warning"], env=env,
    )  # fmt: skip
    # The live counts' fold (and any other task) on its own process, sharing the two cores.
    worker = (
        subprocess.Popen(
            [BIN / "amanat", "worker", "--concurrency=1", "--loglevel=WARNING"], env=env, cwd=ROOT
        )  # fmt: skip
        if args.broker
        else None
    )
    try:
        server_ready(args.port)

        requests = report_requests(people)
        print(f"{args.clients} clients, {args.seconds} s an endpoint in {args.rounds} slices, "
              f"{args.workers} workers")  # fmt: skip
        run_phase(args.port, args.clients, 3, requests["json"])  # workers load everything
        rates = interleaved(
            server.pid, args.port, args.clients, args.seconds, args.rounds,
            requests,
        )  # fmt: skip
        print(
            f"ratio to raw insert: json {rates['json'] / rates['raw']:.0%}, "
            f"sms {rates['sms'] / rates['raw']:.0%}"
        )
    finally:
        server.terminate()
        server.wait()
        if worker is not None:
            worker.terminate()
            worker.wait()


if __name__ == "__main__":
    main()
