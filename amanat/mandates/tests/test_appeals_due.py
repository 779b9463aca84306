"""`amanat appeals due`: dates worked by hand on the calendars of 2024–2026."""

import json
from datetime import date

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from amanat.legal.known_days import known_days_load
from amanat.legal.tests.factories import CalendarDayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _known_days():
    known_days_load(apps)


def due(received: str, *extra: str) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("appeals", "due", "--received", received, *extra, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_answer_has_exactly_the_three_keys_and_fifteen_days_by_default():
    # Received Wed 1 April 2026; no holiday before 1 May: 15 working days = three weeks,
    # counted from Thu 2 April → Wed 22 April.
    assert due("2026-04-01") == {"received": "2026-04-01", "working_days": 15, "due": "2026-04-22"}


def test_new_year_and_orthodox_christmas_are_skipped():
    # Received Wed 31 Dec 2025. Thu 1 and Fri 2 Jan: New Year; Sat 3, Sun 4: weekend;
    # Mon 5 (1), Tue 6 (2); Wed 7: Orthodox Christmas; Thu 8 (3).
    assert due("2025-12-31", "--working-days", "3")["due"] == "2026-01-08"


def test_nauryz_on_a_weekend_moves_two_days_off():
    # Received Fri 20 March 2026. Sat 21 and Sun 22 (Nauryz on a weekend), Mon 23 (Nauryz),
    # Tue 24 and Wed 25 (the days off moved from Saturday and Sunday); Thu 26 (1), Fri 27 (2),
    # Mon 30 (3), … Wed 15 April (15).
    assert due("2026-03-20", "--working-days", "3")["due"] == "2026-03-30"
    assert due("2026-03-20")["due"] == "2026-04-15"


def test_independence_day_is_skipped():
    # Received Mon 15 Dec 2025. Tue 16: Independence Day; Wed 17 (1), Thu 18 (2).
    assert due("2025-12-15", "--working-days", "2")["due"] == "2025-12-18"


def test_a_holiday_on_a_sunday_gives_the_monday_off():
    # Constitution Day, Sun 30 Aug 2026: Mon 31 Aug is off. Received Fri 28 Aug:
    # Sat 29, Sun 30, Mon 31 (moved) → Tue 1 Sep (1).
    assert due("2026-08-28", "--working-days", "1")["due"] == "2026-09-01"


def test_the_governments_transfer_rows_count():
    # 2025: the day off of Sun 5 Jan moved to Fri 3 Jan (a CalendarDay row each). Received
    # Tue 31 Dec 2024: Wed 1, Thu 2 (New Year), Fri 3 (transfer), Sat 4 → Sun 5 works (1).
    assert due("2024-12-31", "--working-days", "1")["due"] == "2025-01-05"


def test_a_day_off_an_admin_adds_moves_the_due_date():
    # Received Wed 1 April 2026, 1 working day: Thu 2 April; declared off → Fri 3 April.
    assert due("2026-04-01", "--working-days", "1")["due"] == "2026-04-02"
    CalendarDayFactory(date=date(2026, 4, 2))
    assert due("2026-04-01", "--working-days", "1")["due"] == "2026-04-03"


@pytest.mark.parametrize("bad", ["2026-02-30", "20.03.2026", "", "tomorrow"])
def test_a_bad_date_is_refused_clearly(bad):
    with pytest.raises(CommandError, match="--received must be a date like"):
        due(bad)


def test_a_negative_number_of_days_is_refused():
    with pytest.raises(CommandError, match="--working-days"):
        due("2026-04-01", "--working-days", "-1")
