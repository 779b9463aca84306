import io
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar

from amanat.elections.models import ElectionStage
from amanat.legal.stages import stages_compute
from amanat.observers.tests.factories import ElectionFactory
from amanat.voterinfo.models import ReminderSent
from amanat.voterinfo.services import (
    election_stages_generate,
    reminder_subscribe,
    reminder_unsubscribe,
    reminders_send,
)

ALMATY = ZoneInfo("Asia/Almaty")


def by_code(stages):
    return {s.code: s for s in stages}


def test_presidential_2022_gives_the_real_dates():
    """../shared/data/README.md: nomination to 11 Oct 18:00 (E−40), registration to 21 Oct
    (E−30), campaign 21 Oct 18:00 – 19 Nov 00:00, silence day 19 Nov, results by 27 Nov."""
    s = by_code(stages_compute(election_type="presidential", election_day=date(2022, 11, 20)))

    assert s["nomination"].ends == datetime(2022, 10, 11, 18, 0, tzinfo=ALMATY)
    assert s["registration"].ends == datetime(2022, 10, 21, 18, 0, tzinfo=ALMATY)
    assert s["campaign"].starts == datetime(2022, 10, 21, 18, 0, tzinfo=ALMATY)
    assert s["campaign"].ends == datetime(2022, 11, 19, 0, 0, tzinfo=ALMATY)
    assert s["silence_day"].starts.date() == s["silence_day"].ends.date() == date(2022, 11, 19)
    assert s["voter_lists_delivered"].starts.date() == date(2022, 10, 31)  # E−20
    assert s["voter_lists_open"].starts.date() == date(2022, 11, 5)  # E−15
    assert (s["voting"].starts.hour, s["voting"].ends.hour) == (7, 20)
    assert s["counting"].ends - s["counting"].starts == (
        datetime(2022, 11, 21, 8, tzinfo=ALMATY) - datetime(2022, 11, 20, 20, tzinfo=ALMATY)
    )
    assert s["results"].ends.date() == date(2022, 11, 27)
    # In 2022 Almaty was on UTC+6; the whole country moved to UTC+5 on 1 March 2024.
    assert s["voting"].starts.isoformat() == "2022-11-20T07:00:00+06:00"


def test_after_2024_the_offset_is_utc_plus_5_and_mazhilis_results_take_ten_days():
    s = by_code(stages_compute(election_type="mazhilis", election_day=date(2027, 3, 21)))
    assert s["voting"].starts.isoformat() == "2027-03-21T07:00:00+05:00"
    assert s["results"].ends.date() == date(2027, 3, 31)


def test_referendum_has_no_nomination_and_every_stage_has_its_legal_basis():
    stages = stages_compute(election_type="referendum", election_day=date(2027, 6, 5))
    assert "nomination" not in by_code(stages)
    for stage in stages:
        assert stage.starts <= stage.ends
        assert "“On Elections" in stage.legal_basis["en"]
        assert "«О выборах" in stage.legal_basis["ru"]
        assert "сайлау туралы" in stage.legal_basis["kk"]


def test_calendar_command_contract():
    out = io.StringIO()
    call_command(
        "calendar", "--type", "presidential", "--election-day", "2022-11-20", "--json", stdout=out
    )
    rows = json.loads(out.getvalue())
    assert set(rows[0]) == {"stage", "name", "starts", "ends", "legal_basis"}
    codes = [row["stage"] for row in rows]
    for code in ("voter_lists_open", "campaign", "silence_day", "voting", "counting", "results"):
        assert code in codes
    voting = next(row for row in rows if row["stage"] == "voting")
    assert voting["starts"] == "2022-11-20T07:00:00+06:00"
    assert voting["ends"] == "2022-11-20T20:00:00+06:00"


@pytest.mark.django_db
def test_generated_stages_keep_what_staff_edited():
    election = ElectionFactory(election_day=date(2027, 3, 21))
    assert election_stages_generate(election=election) == 10
    ElectionStage.objects.filter(election=election, code="nomination").update(
        starts=datetime(2027, 1, 25, tzinfo=ALMATY)  # the decree of an early election
    )
    assert election_stages_generate(election=election) == 0
    nomination = ElectionStage.objects.get(election=election, code="nomination")
    assert nomination.starts.astimezone(ALMATY).date() == date(2027, 1, 25)
    assert nomination.name_kk == "Кандидаттарды ұсыну"


@pytest.mark.django_db
def test_calendar_page_now_and_next_and_the_ical_feed(client):
    from django.utils import timezone

    today = timezone.localdate()
    election = ElectionFactory(election_day=today.replace(year=today.year + 1))
    election_stages_generate(election=election)

    page = client.get(f"/kk/calendar/{election.slug}/").content.decode()
    assert "Кандидаттарды ұсыну" in page
    assert 'class="next"' in page

    feed = client.get(f"/en/calendar/{election.slug}/calendar.ics")
    assert feed["Content-Type"].startswith("text/calendar")
    events = [c for c in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert len(events) == 10
    voting = next(e for e in events if str(e["summary"]) == "Voting")
    assert voting.decoded("dtstart").hour == 7


@pytest.mark.django_db
def test_reminders_go_once_per_stage_and_stop_on_request():
    election = ElectionFactory(election_day=date(2027, 3, 21))
    election_stages_generate(election=election)
    subscription = reminder_subscribe(email="Voter@Example.org", election=election, language="kk")
    reminder_subscribe(email="voter@example.org", election=election, language="kk")

    before_voting = datetime(2027, 3, 20, 12, 0, tzinfo=ALMATY)
    assert reminders_send(now=before_voting) == 2  # the station opening and the voting
    assert reminders_send(now=before_voting) == 0
    assert ReminderSent.objects.count() == 2
    assert mail.outbox[0].to == ["voter@example.org"]
    assert "Дауыс беру" in "".join(m.subject for m in mail.outbox)
    assert f"/reminders/stop/{subscription.token}/" in mail.outbox[0].body

    reminder_unsubscribe(token=subscription.token)
    assert reminders_send(now=datetime(2027, 3, 20, 21, 0, tzinfo=ALMATY)) == 0


@pytest.mark.django_db
def test_pages_without_any_election_say_so(client):
    for path in ("/ru/calendar/", "/ru/candidates/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Выборы пока не назначены" in response.content.decode()


@pytest.mark.django_db
def test_the_ical_feed_carries_the_vtimezone_each_event_names(client):
    """RFC 5545 3.6.5: a TZID on DTSTART needs a VTIMEZONE of that TZID in the calendar."""
    election = ElectionFactory(election_day=date(2027, 3, 21))
    election_stages_generate(election=election)

    calendar = Calendar.from_ical(client.get(f"/ru/calendar/{election.slug}/calendar.ics").content)
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Asia/Almaty"]
    assert [str(o["tzoffsetto"].to_ical()) for o in zones[0].walk("STANDARD")][-1] == "+0500"
    events = calendar.walk("VEVENT")
    assert len(events) == 10
    assert {e["dtstart"].params["TZID"] for e in events} == {"Asia/Almaty"}
    assert {e["dtend"].params["TZID"] for e in events} == {"Asia/Almaty"}
    assert calendar.get_missing_tzids() == set()
