"""Benchmark: the integer-percentage test on Russia 2018 (97,699 stations), 1,000 replicates.

Prints seconds for reading the file and for the test itself. Target (issue 6): under 3 s in
all on the project's 2-core machine. Needs ../shared/data beside the clone or
$AMANAT_SHARED_DATA.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AMANAT_SHARED_DATA", ROOT.parent / "shared/data"))
FILE = SHARED / "elections/russia/2018.csv.zip"
VOTERS = "Число избирателей, включенных в список избирателей"
ISSUED = [
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
    "Число избирательных бюллетеней, выданных в помещении для голосования в день голосования",
    "Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования",
]
CAST = [
    "Число недействительных избирательных бюллетеней",
    "Число действительных избирательных бюллетеней",
]
LEADER = "Путин Владимир Владимирович"


def main() -> None:
    if not FILE.exists():
        sys.exit(f"{FILE} not found")
    sys.path.insert(0, str(ROOT))
    from amanat.forensics.integer_percentages import integer_percentages_test
    from amanat.forensics.tables import read_columns, summed

    started = time.perf_counter()
    columns = read_columns(FILE, [VOTERS, *ISSUED, *CAST, LEADER])
    read = time.perf_counter() - started
    started = time.perf_counter()
    result = integer_percentages_test(
        voters=columns[VOTERS],
        turnout_count=summed(columns, ISSUED),
        ballots=summed(columns, CAST),
        votes=columns[LEADER],
        replicates=1000,
        seed=1,
    )
    tested = time.perf_counter() - started
    print(f"read {read:.2f} s, test {tested:.2f} s, total {read + tested:.2f} s (target < 3 s)")
    print(result.as_dict())


if __name__ == "__main__":
    main()
