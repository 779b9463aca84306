"""The election calendar as an iCalendar feed, for phones and calendar programs."""

from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from amanat.elections.models import Election


def election_ical(election: Election) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Amanat//Election calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", election.name)
    zone = ZoneInfo(election.timezone)
    for stage in election.stages.order_by("starts"):
        event = Event()
        event.add("uid", f"{election.slug}-{stage.code}@{settings.AMANAT_BASE_URL.split('//')[-1]}")
        event.add("summary", stage.name)
        event.add("dtstart", stage.starts.astimezone(zone))
        event.add("dtend", stage.ends.astimezone(zone))
        event.add("description", stage.legal_basis)
        event.add("dtstamp", stage.starts)
        calendar.add_component(event)
    return calendar.to_ical()
