"""Instructions per request, counted by valgrind's callgrind (see README): unlike requests per
second on a machine whose speed drifts, the same code gives the same figure on every run, so a
2 % change can be told from noise. The WSGI app is called in-process on the staffed election,
and only the measured requests are counted."""

import argparse
import ctypes
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from election_day import BIN, report_requests, staffed_election

# Callgrind's client requests, callable from Python: count only around the measured requests.
CONTROL = """#include <valgrind/callgrind.h>
void counting(int on) { if (on) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
                        else CALLGRIND_STOP_INSTRUMENTATION; }
void dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
"""


def measure(control: str, people: list, endpoints: list[str], count: int, warm: int) -> None:
    """Runs under valgrind: each endpoint's requests counted and dumped under its name."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from django.test import RequestFactory

    from amanat.wsgi import application

    library = ctypes.CDLL(control)
    requests = report_requests(people)
    factory = RequestFactory()

    def environ(method: str, path: str, body: str, headers: dict) -> dict:
        content_type = headers.pop("Content-Type")
        built = factory.generic(method, path, body, content_type, headers=headers,
                                SERVER_NAME="127.0.0.1")  # fmt: skip
        return built.environ

    def send(request: dict) -> None:
        answered = []
        body = application(request, lambda status, headers, *_: answered.append(status))
        b"".join(body)
        body.close()
        if not answered[0].startswith(("200", "201")):
            sys.exit(f"{request['PATH_INFO']} answered {answered[0]}")

    for name in endpoints:
        for i in range(warm):
            send(environ(*requests[name](i % len(people))))
        prepared = [environ(*requests[name](i % len(people))) for i in range(count)]
        library.counting(1)
        for request in prepared:
            send(request)
        library.dump(name.encode())
        library.counting(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("endpoints", nargs="*", default=["json", "sms", "raw"])
    parser.add_argument("--requests", type=int, default=200, help="counted per endpoint")
    parser.add_argument("--observers", type=int, default=32)
    parser.add_argument(
        "--broker", default="redis://127.0.0.1:6379/14",
        help="where the requests' tasks are enqueued (and then dropped: no worker runs them); "
        "empty: tasks run in the request, whenever its clock says one is due, so the counts "
        "then depend on valgrind's speed",
    )  # fmt: skip
    args = parser.parse_args()
    gcc, valgrind = shutil.which("gcc"), shutil.which("valgrind")
    if not gcc or not valgrind:
        sys.exit("needs gcc and valgrind (Debian: gcc valgrind)")
    work = Path(tempfile.mkdtemp(prefix="amanat-instructions-"))
    control = work / "control.so"
    (work / "control.c").write_text(CONTROL)
    subprocess.run([gcc, "-O2", "-shared", "-fPIC", "-o", control, work / "control.c"],
                   check=True)  # fmt: skip
    env, people = staffed_election(args.observers)
    if args.broker:
        env = {**env, "CELERY_BROKER_URL": args.broker}
    child = [
        valgrind, "--tool=callgrind", "--instr-atstart=no",
        f"--callgrind-out-file={work / 'counts'}", BIN / "python", __file__, "--child",
        str(control), str(args.requests), *args.endpoints,
    ]  # fmt: skip
    subprocess.run(child, env={**env, "AMANAT_BENCH_PEOPLE": json.dumps(people)},
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    for dump in sorted(work.glob("counts.*")):
        lines = dump.read_text(errors="replace").splitlines()
        name = next(line for line in lines if line.startswith("desc: Trigger")).split(": ")[-1]
        total = int(next(line for line in lines if line.startswith("totals:")).split()[1])
        print(f"{name:>6}: {total / args.requests / 1e6:.3f} M instructions a request")
    if args.broker:
        import redis

        redis.Redis.from_url(args.broker).flushdb()  # the tasks nobody is to run


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        control, count, *endpoints = sys.argv[2:]
        people = json.loads(os.environ["AMANAT_BENCH_PEOPLE"])
        measure(control, people, endpoints, int(count), warm=100)
    else:
        main()
