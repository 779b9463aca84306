"""Working days against Kazakhstan's published calendars of 2025 and 2026 (five-day week)."""

from datetime import date, timedelta

import pytest
from django.apps import apps

from amanat.legal.known_days import known_days_load
from amanat.legal.models import CalendarDay
from amanat.legal.working_days import (
    DAY_OFF,
    HOLIDAY,
    MOVED,
    WEEKEND,
    days_off_between,
    is_working_day,
    working_days_after,
)

from .factories import CalendarDayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _known_days():
    """The rows of the data migration, also after a transactional test has flushed them."""
    known_days_load(apps)


def working_days_in(year: int) -> int:
    first, last = date(year, 1, 1), date(year, 12, 31)
    return (last - first).days + 1 - len(days_off_between(first, last))


def test_each_year_has_the_published_number_of_working_days():
    # 119 days of rest each year, 246 working days (Ministry of Labour's calendars).
    assert working_days_in(2025) == 246
    assert working_days_in(2026) == 246


def test_nauryz_on_a_weekend_moves_two_days_off_past_the_holiday():
    # 2026: Saturday 21, Sunday 22 (both Nauryz), Monday 23 (Nauryz) → Tuesday 24, Wednesday 25.
    assert days_off_between(date(2026, 3, 20), date(2026, 3, 27)) == [
        (date(2026, 3, 21), HOLIDAY),
        (date(2026, 3, 22), HOLIDAY),
        (date(2026, 3, 23), HOLIDAY),
        (date(2026, 3, 24), MOVED),
        (date(2026, 3, 25), MOVED),
    ]
    assert is_working_day(date(2026, 3, 20)) is True
    assert is_working_day(date(2026, 3, 26)) is True


@pytest.mark.parametrize(
    ("holiday", "day_off"),
    [
        (date(2026, 3, 8), date(2026, 3, 9)),  # Women's Day, a Sunday → Monday
        (date(2026, 8, 30), date(2026, 8, 31)),  # Constitution Day, a Sunday
        (date(2025, 10, 25), date(2025, 10, 27)),  # Republic Day, a Saturday → Monday
        (date(2026, 5, 9), date(2026, 5, 11)),  # Victory Day, a Saturday
    ],
)
def test_a_holiday_on_a_weekend_gives_the_next_working_day_off(holiday, day_off):
    assert is_working_day(holiday) is False
    assert days_off_between(day_off, day_off) == [(day_off, MOVED)]
    assert is_working_day(day_off + timedelta(days=1)) is True


def test_orthodox_christmas_on_a_weekend_does_not_move():
    # 7 January 2023 was a Saturday, 7 January 2024 a Sunday: the Monday after is worked.
    assert days_off_between(date(2023, 1, 7), date(2023, 1, 9)) == [
        (date(2023, 1, 7), HOLIDAY),
        (date(2023, 1, 8), WEEKEND),
    ]
    assert is_working_day(date(2024, 1, 8)) is True


def test_kurban_ait_is_a_day_off_that_does_not_move():
    assert days_off_between(date(2026, 5, 27), date(2026, 5, 27)) == [(date(2026, 5, 27), DAY_OFF)]
    assert is_working_day(date(2025, 6, 6)) is False
    # 2019: the first day fell on Sunday 11 August; Monday 12 August was worked.
    CalendarDayFactory(date=date(2019, 8, 11), note="Kurban Ait")
    assert is_working_day(date(2019, 8, 12)) is True


def test_the_transfer_of_2025_makes_a_sunday_a_working_day():
    # Order No. 436 of 21.11.2024: the day off of Sunday 5 January on Friday 3 January.
    assert is_working_day(date(2025, 1, 3)) is False
    assert is_working_day(date(2025, 1, 5)) is True
    # 1–2 New Year, 3 transferred, 4 Saturday; 5 (Sunday) is the first working day, 6 the second.
    assert working_days_after(date(2024, 12, 31), 1) == date(2025, 1, 5)
    assert working_days_after(date(2024, 12, 31), 2) == date(2025, 1, 6)
    assert working_days_after(date(2024, 12, 31), 3) == date(2025, 1, 8)  # 7: Christmas


def test_counting_starts_on_the_day_after_start():
    assert working_days_after(date(2026, 3, 20), 3) == date(2026, 3, 30)  # over Nauryz
    assert working_days_after(date(2026, 6, 1), 1) == date(2026, 6, 2)
    assert working_days_after(date(2026, 6, 5), 1) == date(2026, 6, 8)  # Friday → Monday
    assert working_days_after(date(2026, 6, 1), 0) == date(2026, 6, 1)
    assert working_days_after(date(2026, 12, 1), 15) == date(2026, 12, 23)  # 16 Dec skipped
    with pytest.raises(ValueError, match="negative"):
        working_days_after(date(2026, 6, 1), -1)


def test_a_transfer_entered_later_changes_the_count():
    # Thursday 10 June 2027: Friday 11 and Monday 14 are the next two working days.
    assert working_days_after(date(2027, 6, 10), 2) == date(2027, 6, 14)
    CalendarDayFactory(date=date(2027, 6, 12), kind=CalendarDay.Kind.WORKING_DAY)
    CalendarDayFactory(date=date(2027, 6, 14), kind=CalendarDay.Kind.DAY_OFF)
    assert working_days_after(date(2027, 6, 10), 2) == date(2027, 6, 12)  # Saturday worked
    assert working_days_after(date(2027, 6, 10), 3) == date(2027, 6, 15)
    assert is_working_day(date(2027, 6, 14)) is False


def test_a_row_is_read_once_per_year(django_assert_num_queries):
    with django_assert_num_queries(2):  # 2026 and 2027
        # 21–31 December give nine; 1–2 January New Year, 3 Sunday, 4 the moved day off.
        assert working_days_after(date(2026, 12, 20), 10) == date(2027, 1, 5)
