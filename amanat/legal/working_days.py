"""Working days in Kazakhstan, for deadlines that the law counts in working days.

A five-day week: Saturday and Sunday are days off. Holidays (Labour Code art. 84, the list in
force since 2022): New Year 1–2 January, Orthodox Christmas 7 January, International Women's
Day 8 March, Nauryz 21–23 March, Unity Day 1 May, Defender of the Fatherland Day 7 May,
Victory Day 9 May, Capital Day 6 July, Constitution Day 30 August, Republic Day 25 October,
Independence Day 16 December, and the first day of Kurban Ait (movable: a CalendarDay row each
year). A holiday on a Saturday or Sunday makes the next working day after it a day off, except
the religious ones (Orthodox Christmas, Kurban Ait), which do not move. The government's
transfers (a working Saturday, a day off moved) are CalendarDay rows that admins keep; a row
decides its day over every rule here.

Deadlines of the election law are counted in calendar days (.stages, .complaints), not here.
"""

from datetime import date, timedelta

from .models import CalendarDay

HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): "new_year", (1, 2): "new_year", (1, 7): "orthodox_christmas",
    (3, 8): "womens_day", (3, 21): "nauryz", (3, 22): "nauryz", (3, 23): "nauryz",
    (5, 1): "unity_day", (5, 7): "defenders_day", (5, 9): "victory_day",
    (7, 6): "capital_day", (8, 30): "constitution_day", (10, 25): "republic_day",
    (12, 16): "independence_day",
}  # fmt: skip
# Religious holidays: a day off on their date only, never moved (Kurban Ait is a row).
NOT_MOVED = {(1, 7)}

WORKING = "working"
WEEKEND = "weekend"
HOLIDAY = "holiday"
MOVED = "holiday_moved"  # the day off of a holiday that fell on a weekend
DAY_OFF = CalendarDay.Kind.DAY_OFF.value  # a row: a transfer or Kurban Ait
WORKING_DAY = CalendarDay.Kind.WORKING_DAY.value  # a row: a working Saturday or Sunday
WORKING_STATUSES = (WORKING, WORKING_DAY)


class WorkingCalendar:
    """The status of each day, reading the CalendarDay rows once per year asked about."""

    def __init__(self) -> None:
        self._rows: dict[int, dict[date, str]] = {}
        self._moved: dict[int, set[date]] = {}

    def day_status(self, day: date) -> str:
        """WORKING, WORKING_DAY (a row makes a weekend day a working one) or why it is off."""
        row = self._rows_of(day.year).get(day)
        if row is not None:
            return row
        if (day.month, day.day) in HOLIDAYS:
            return HOLIDAY
        if day in self._moved_of(day.year):
            return MOVED
        return WEEKEND if day.weekday() >= 5 else WORKING

    def is_working_day(self, day: date) -> bool:
        return self.day_status(day) in WORKING_STATUSES

    def _rows_of(self, year: int) -> dict[date, str]:
        if year not in self._rows:
            rows = CalendarDay.objects.filter(date__year=year).values_list("date", "kind")
            self._rows[year] = dict(rows)
        return self._rows[year]

    def _moved_of(self, year: int) -> set[date]:
        """For each holiday on a weekend, in order, the next day after it that is neither a
        weekend day, a holiday, a row's day off nor already taken by an earlier holiday: Nauryz
        on Saturday 21 and Sunday 22 March 2026 gives Tuesday 24 and Wednesday 25 off."""
        if year not in self._moved:
            rows = self._rows_of(year)
            moved: set[date] = set()

            def off(day: date) -> bool:
                row = rows.get(day)
                if row is not None:
                    return row == DAY_OFF
                return day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS or day in moved

            for month, day_of_month in sorted(HOLIDAYS):
                holiday = date(year, month, day_of_month)
                if (month, day_of_month) in NOT_MOVED or holiday.weekday() < 5:
                    continue
                following = holiday + timedelta(days=1)
                while off(following):
                    following += timedelta(days=1)
                moved.add(following)
            self._moved[year] = moved
        return self._moved[year]


def is_working_day(day: date) -> bool:
    return WorkingCalendar().is_working_day(day)


def working_days_after(start: date, n: int) -> date:
    """The n-th working day after `start` (counting starts on the day after it): a letter
    received on Friday 20 March 2026 with 3 working days to answer is due on Monday 30 March
    (the weekend, Nauryz and its two moved days off are not counted). n = 0 gives `start` itself."""
    if n < 0:
        raise ValueError("the number of working days cannot be negative")
    calendar = WorkingCalendar()
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def days_off_between(start: date, end: date) -> list[tuple[date, str]]:
    """Each day from `start` to `end` (both included) that is not a working day, with why:
    HOLIDAY, MOVED, WEEKEND or DAY_OFF (a row). For a deadline to show what it skipped."""
    calendar = WorkingCalendar()
    days_off = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        status = calendar.day_status(day)
        if status not in WORKING_STATUSES:
            days_off.append((day, status))
    return days_off
