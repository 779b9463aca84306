"""The calendar reminders as a periodic task: on beat's schedule, each reminder once."""

from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from amanat.observers.tests.factories import ElectionFactory
from amanat.voterinfo.services import election_stages_generate, reminder_subscribe
from amanat.voterinfo.tasks import reminders_due

ALMATY = ZoneInfo("Asia/Almaty")


def test_beat_runs_the_reminders(settings):
    schedule = {
        entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert schedule["voterinfo.send_reminders"] <= 3600  # a day's notice keeps its hour


@pytest.mark.django_db
def test_the_task_sends_each_reminder_once_however_often_it_runs():
    election = ElectionFactory(election_day=date(2027, 3, 21))
    election_stages_generate(election=election)
    reminder_subscribe(email="voter@example.org", election=election, language="ru")
    the_day_before = datetime(2027, 3, 20, 12, 0, tzinfo=ALMATY)
    with mock.patch("amanat.voterinfo.tasks.timezone.now", return_value=the_day_before):
        assert reminders_due.delay().get() == 2
        assert reminders_due.delay().get() == 0
    assert len(mail.outbox) == 2
