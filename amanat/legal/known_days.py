"""The calendar days known when this was written, loaded by a data migration (and by tests
after a transactional test has flushed the database). Admins add the next years' in the admin.

- 2025: Order of the Minister of Labour and Social Protection No. 436 of 21 November 2024
  "On the transfer of a day of rest in 2025": the day off of Sunday 5 January moved to
  Friday 3 January. No other transfer in 2025 (the Ministry, June 2025).
- 2026: no transfer in the published calendar of 2026; every extra day off follows the
  Labour Code's rule for a holiday on a weekend.
- Kurban Ait, first day: 6 June 2025 (announced by the Ministry); 27 May 2026 (the Spiritual
  Administration of Muslims of Kazakhstan's calendar of 2026, in the egov.kz calendar).
"""

from datetime import date
from typing import Any

KNOWN_DAYS: list[tuple[date, str, str]] = [
    (date(2025, 1, 3), "day_off",
     "Transfer from Sunday 5 January: Order of the Minister of Labour No. 436 of 21.11.2024"),
    (date(2025, 1, 5), "working_day",
     "Transfer to Friday 3 January: Order of the Minister of Labour No. 436 of 21.11.2024"),
    (date(2025, 6, 6), "day_off", "Kurban Ait, first day (Labour Code art. 84)"),
    (date(2026, 5, 27), "day_off", "Kurban Ait, first day (Labour Code art. 84)"),
]  # fmt: skip


def known_days_load(apps: Any) -> None:
    """Idempotent: a day already there keeps what an admin set."""
    CalendarDay = apps.get_model("legal", "CalendarDay")
    for day, kind, note in KNOWN_DAYS:
        CalendarDay.objects.get_or_create(date=day, defaults={"kind": kind, "note": note})
