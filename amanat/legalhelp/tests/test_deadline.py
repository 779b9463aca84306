"""A question asked near the election is due while the answer still helps: by the opening of
the polls the day before, within two hours on election day and through the count."""

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from amanat.elections.models import Election
from amanat.geography.models import Region
from amanat.legalhelp.services import answer_due, question_ask
from amanat.observers.tests.factories import ElectionFactory

ALMATY = ZoneInfo("Asia/Almaty")
E = date(2027, 3, 21)
ELECTION = Election(type="presidential", election_day=E, timezone="Asia/Almaty")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 3, 21 + day, hour, minute, tzinfo=ALMATY)


@pytest.mark.parametrize(
    ("asked", "due"),
    [
        (at(-5, 12), at(-3, 12)),  # far from the vote: 48 hours
        (at(-3, 6), at(-1, 6)),  # the 48 hours end before the polls open
        (at(-2, 10), at(0, 6)),  # they would end on election day: due at the opening
        (at(-1, 21), at(0, 6)),
        (at(-1, 5), at(0, 6)),
        (at(-1, 23, 30), at(0, 6)),
        (at(0, 9, 15), at(0, 11, 15)),  # election day: two hours
        (at(0, 19, 30), at(0, 21, 30)),  # the polls close at 20:00; the count goes on
        (at(1, 3), at(1, 5)),  # during the count
        (at(1, 9), at(3, 9)),  # the count is over
    ],
)
def test_the_answer_is_due_while_it_still_helps(asked, due):
    assert answer_due(asked_at=asked, election=ELECTION) == due
    assert answer_due(asked_at=asked, election=None) == asked + timedelta(hours=48)


@pytest.mark.django_db
def test_a_question_asked_on_election_day_is_due_within_two_hours_before_the_close():
    ElectionFactory(election_day=timezone.localdate())
    before = timezone.now()

    question, _code = question_ask(
        client_id=uuid.uuid4(), region=Region.objects.get(code="KZ-71"), topic="observers",
        text="Наблюдателя не пускают на участок, председатель требует паспорт и уйти.",
        is_public=False, language="ru",
    )  # fmt: skip

    assert before + timedelta(hours=2) <= question.due_at <= timezone.now() + timedelta(hours=2)
