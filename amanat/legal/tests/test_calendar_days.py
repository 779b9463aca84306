"""The days admins keep: loaded with the known ones, and edited in the Django admin."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from amanat.legal.known_days import KNOWN_DAYS
from amanat.legal.models import CalendarDay
from amanat.legal.working_days import is_working_day

pytestmark = pytest.mark.django_db


def test_the_migration_loads_the_known_days_of_2025_and_2026():
    rows = {(day.date, day.kind) for day in CalendarDay.objects.filter(date__year__in=[2025, 2026])}
    assert rows == {
        (date(2025, 1, 3), "day_off"),
        (date(2025, 1, 5), "working_day"),
        (date(2025, 6, 6), "day_off"),
        (date(2026, 5, 27), "day_off"),
    }
    assert len(KNOWN_DAYS) == 4


def test_an_admin_enters_a_transfer_and_the_count_follows_it(client, make_user):
    client.force_login(make_user(role="admin", is_staff=True, is_superuser=True))
    assert client.get("/ru/admin/legal/calendarday/").status_code == 200
    assert is_working_day(date(2027, 7, 5)) is True
    response = client.post(
        "/ru/admin/legal/calendarday/add/",
        {"date": "2027-07-05", "kind": "day_off", "note": "Transfer from Saturday 3 July"},
    )
    assert response.status_code == 302
    assert is_working_day(date(2027, 7, 5)) is False
    page = client.get("/ru/admin/legal/calendarday/").content.decode()
    assert "выходной день" in page
    assert "Transfer from Saturday 3 July" in page


def test_a_day_has_one_row():
    CalendarDay.objects.create(date=date(2027, 7, 5), kind="day_off")
    with pytest.raises(IntegrityError), transaction.atomic():
        CalendarDay.objects.create(date=date(2027, 7, 5), kind="working_day")
    assert CalendarDay.objects.get(date=date(2027, 7, 5)).kind == "day_off"
