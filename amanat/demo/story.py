"""The demo's one story: the election is today and the demo is seen "now", during election day.

Everything the loader writes happens today at a fixed local time (observers check in before
07:00, stations open at 07:00, voting reports follow through the day). A time later than the
moment of loading is moved back to that moment, so nothing is ever in the future; before dawn
the day's events are squeezed into the minutes since midnight. Official results come only
after the polls close at 20:00: the default demo has none (`load-demo --polls-closed` adds them).
"""

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

DEMO_NAMESPACE = uuid.UUID("0b6f3c2e-1d5a-4f7b-9a61-5e0c7d2b8a14")


def demo_id(kind: str, key) -> uuid.UUID:
    """A stable client id: the same event gets the same id on every load, so no duplicates."""
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


def at(hour: int, minute: int = 0) -> datetime:
    """Today at this local time, or now if that is still to come (never before midnight)."""
    day = timezone.localdate()
    midnight = timezone.make_aware(datetime.combine(day, time(0)))
    wanted = timezone.make_aware(datetime.combine(day, time(hour, minute)))
    return max(midnight, capped(wanted))


def capped(moment: datetime) -> datetime:
    """The moment, or now if it is still to come."""
    return min(moment, timezone.now() - timedelta(seconds=1))


def days_ago(days: int, hour: int = 12) -> datetime:
    """A local time some days before today (training, earlier questions)."""
    day = timezone.localdate() - timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))
