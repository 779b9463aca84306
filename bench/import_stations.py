"""Benchmark: import 10,000 polling stations into a fresh SQLite (or $DATABASE_URL) database.

Prints the seconds for the first import (all new) and for a re-import (all unchanged).
Target: under 10 s for 10,000 stations on the project's 2-core machine.
"""

import sys
import time

from data import django_ready


def main() -> None:
    django_ready()
    from django.core.management import call_command

    from amanat.demo.stations import synthetic_station_csv
    from amanat.geography.models import PollingStation
    from amanat.geography.selectors import country_default
    from amanat.geography.services import stations_import_text

    call_command("migrate", verbosity=0)
    text = synthetic_station_csv()
    rows = text.count("\n") - 1
    for label in ("first import", "re-import"):
        started = time.perf_counter()
        report = stations_import_text(text=text, country=country_default())
        elapsed = time.perf_counter() - started
        print(
            f"{label}: {rows} rows in {elapsed:.2f} s "
            f"({rows / elapsed:,.0f} rows/s; created {report.created}, "
            f"unchanged {report.unchanged})"
        )
    print(f"stations in database: {PollingStation.objects.count()}")
    sys.exit(0)


if __name__ == "__main__":
    main()
