"""The clock of the appeals' tests: Django's `timezone.now` (and so `localdate`) set to a day
at noon in Almaty. The repository has no time-freezing library; every service reads the time
through django.utils.timezone, so patching it there freezes them all."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import timezone

ALMATY = ZoneInfo("Asia/Almaty")


def set_today(monkeypatch, day: date) -> None:
    moment = datetime.combine(day, time(12, 0), tzinfo=ALMATY)
    monkeypatch.setattr(timezone, "now", lambda: moment)
