"""The election calendar as an iCalendar feed, for phones and calendar programs."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event, Timezone

from amanat.elections.models import Election

# The VTIMEZONE covers a year either side of the stages: every offset the events use.
ZONE_MARGIN = timedelta(days=366)


def election_ical(election: Election) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Amanat//Election calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", election.name)
    calendar.add("x-wr-timezone", election.timezone)
    zone = ZoneInfo(election.timezone)
    stages = list(election.stages.order_by("starts"))
    if stages:
        # RFC 5545 3.6.5: each TZID an event names needs its VTIMEZONE in the calendar
        # (Timezone.from_tzid: icalendar 6.1 and later).
        calendar.add_component(Timezone.from_tzid(
            election.timezone,
            first_date=stages[0].starts.date() - ZONE_MARGIN,
            last_date=max(s.ends for s in stages).date() + ZONE_MARGIN,
        ))  # fmt: skip
    for stage in stages:
        event = Event()
        event.add("uid", f"{election.slug}-{stage.code}@{settings.AMANAT_BASE_URL.split('//')[-1]}")
        event.add("summary", stage.name)
        event.add("dtstart", stage.starts.astimezone(zone))
        event.add("dtend", stage.ends.astimezone(zone))
        event.add("description", stage.legal_basis)
        event.add("dtstamp", stage.starts)
        calendar.add_component(event)
    return calendar.to_ical()
