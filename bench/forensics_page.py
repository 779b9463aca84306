"""Benchmark: everything the analysts' page computes for Russia 2018 (97,699 stations): the
fingerprint image, distributions for 85 regions, the integer-percentage test (1,000 replicates)
and the digit tests per region. Prints seconds per step. Needs ../shared/data beside the clone
or $AMANAT_SHARED_DATA.
"""

import sys
import time

from integer_percentages import CAST, FILE, ISSUED, LEADER, ROOT, VOTERS


def main() -> None:
    if not FILE.exists():
        sys.exit(f"{FILE} not found")
    sys.path.insert(0, str(ROOT))
    from amanat.forensics.analysis import TableSpec, analyse, arrays_from_table

    started = time.perf_counter()
    spec = TableSpec(voters=VOTERS, turnout=ISSUED, ballots=CAST, votes=LEADER, region="region")
    arrays = arrays_from_table(FILE, spec)
    read = time.perf_counter() - started
    started = time.perf_counter()
    result = analyse(arrays, seed=1)
    analysed = time.perf_counter() - started
    print(f"stations {result['stations']}, regions {len(result['regions'])}, "
          f"fingerprint {len(result['fingerprint']) // 1024} KiB as a data URI")  # fmt: skip
    print(f"read {read:.2f} s, analyse {analysed:.2f} s, total {read + analysed:.2f} s")


if __name__ == "__main__":
    main()
