"""Due dates of appeals in Kazakhstan's working days (the legal calendar), the election term,
filing and extension rules. Hand-worked dates; the count starts the day after receipt."""

from datetime import date

import pytest

from amanat.legal.appeals import answer_due, extension_limit, received_on
from amanat.legal.models import CalendarDay
from amanat.mandates.models import Appeal, StateBody
from amanat.mandates.services_appeals import AppealRefused, appeal_extend, appeal_file
from amanat.observers.tests.factories import ElectionFactory

from .appeals_clock import set_today
from .factories import MandateFactory
from .factories_appeals import AppealFactory, StateBodyFactory

pytestmark = pytest.mark.django_db
ADMIN = "administrative"


@pytest.mark.parametrize(
    ("filed_on", "due"),
    [
        # New Year (1–2 Jan) and Orthodox Christmas (7 Jan, Wednesday) skipped.
        (date(2025, 12, 24), date(2026, 1, 19)),
        # Women's Day on Sunday 8 March → Monday 9 off; Nauryz Sat 21–Mon 23 March with the
        # moved days off Tuesday 24 and Wednesday 25.
        (date(2026, 3, 13), date(2026, 4, 8)),
        # Independence Day, Wednesday 16 December 2026.
        (date(2026, 12, 7), date(2026, 12, 29)),
        # Constitution Day on Sunday 30 August 2026 → Monday 31 August off (not counted).
        (date(2026, 8, 28), date(2026, 9, 21)),
    ],
)
def test_fifteen_working_days_skip_holidays_and_moved_days_off(filed_on, due):
    assert answer_due(basis=ADMIN, filed_on=filed_on) == due


def test_an_appeal_filed_on_a_day_off_counts_from_the_next_working_day():
    assert received_on(date(2026, 12, 5)) == date(2026, 12, 7)  # Saturday → Monday
    saturday = answer_due(basis=ADMIN, filed_on=date(2026, 12, 5))
    assert saturday == answer_due(basis=ADMIN, filed_on=date(2026, 12, 7)) == date(2026, 12, 29)
    assert answer_due(basis=ADMIN, filed_on=date(2026, 12, 4)) == date(2026, 12, 28)  # Friday


def test_an_admins_transfer_of_a_day_off_moves_the_due_date():
    CalendarDay.objects.create(date=date(2026, 12, 18), kind=CalendarDay.Kind.DAY_OFF)
    assert answer_due(basis=ADMIN, filed_on=date(2026, 12, 7)) == date(2026, 12, 30)


def test_an_election_commission_decides_in_five_days_and_at_once_near_the_vote():
    assert answer_due(basis="elections", filed_on=date(2026, 3, 2)) == date(2026, 3, 7)
    near = answer_due(basis="elections", filed_on=date(2026, 3, 12), election_day=date(2026, 3, 15))
    assert near == date(2026, 3, 12)


def test_the_extension_limit_is_two_months_after_receipt():
    assert extension_limit(date(2026, 3, 13)) == date(2026, 5, 13)
    assert extension_limit(date(2026, 12, 31)) == date(2027, 2, 28)


def test_filing_sets_the_due_date_and_refuses_a_future_day(monkeypatch):
    set_today(monkeypatch, date(2026, 12, 10))
    appeal = AppealFactory()
    appeal_file(appeal=appeal, filed_on=date(2026, 12, 7), filed_via="e_otinish")
    appeal.refresh_from_db()
    assert (appeal.filed_on, appeal.due_on, appeal.filed_via) == (
        date(2026, 12, 7), date(2026, 12, 29), "e_otinish",
    )  # fmt: skip
    with pytest.raises(AppealRefused):
        appeal_file(appeal=appeal, filed_on=date(2026, 12, 11), filed_via="post")
    appeal.refresh_from_db()
    assert appeal.filed_on == date(2026, 12, 7)


def test_the_body_of_an_election_commission_gives_the_election_basis(monkeypatch):
    set_today(monkeypatch, date(2026, 3, 3))
    commission = StateBodyFactory(kind=StateBody.Kind.ELECTION_COMMISSION, region=None)
    election = ElectionFactory(election_day=date(2026, 3, 22))  # its campaign is open
    from amanat.mandates.services_appeals import AppealInput, appeal_write

    appeal, created = appeal_write(
        author=AppealFactory().author,
        data=AppealInput(body=commission, topic="governance", subject="Сайлау учаскесі",
                         text="Учаскеге пандус жоқ, мүгедектер кіре алмайды.", language="kk",
                         applicant_name="Ерлан", applicant_contact="+7 701 000 00 00",
                         mandate=MandateFactory(election=election)),
    )  # fmt: skip
    assert created
    assert appeal.basis == Appeal.Basis.ELECTIONS
    appeal_file(appeal=appeal, filed_on=date(2026, 3, 2), filed_via="in_person")
    appeal.refresh_from_db()
    assert appeal.due_on == date(2026, 3, 7)
    with pytest.raises(AppealRefused):
        appeal_extend(appeal=appeal, extended_to=date(2026, 3, 20), notice_on=date(2026, 3, 3))


def test_an_extension_is_recorded_within_two_months_and_moves_the_due_date(monkeypatch):
    set_today(monkeypatch, date(2026, 4, 1))
    appeal = AppealFactory()
    appeal_file(appeal=appeal, filed_on=date(2026, 3, 13), filed_via="e_otinish")
    for to, notice in [
        (date(2026, 4, 8), date(2026, 3, 30)),  # not after the first due date
        (date(2026, 5, 14), date(2026, 3, 30)),  # past two months
        (date(2026, 5, 8), date(2026, 4, 2)),  # a notice from the future
    ]:
        with pytest.raises(AppealRefused):
            appeal_extend(appeal=appeal, extended_to=to, notice_on=notice)
    appeal.refresh_from_db()
    assert appeal.extended_to is None
    appeal_extend(appeal=appeal, extended_to=date(2026, 5, 13), notice_on=date(2026, 3, 30))
    appeal.refresh_from_db()
    assert (appeal.due_on, appeal.extended_to, appeal.extension_notice_on, appeal.due_by) == (
        date(2026, 4, 8), date(2026, 5, 13), date(2026, 3, 30), date(2026, 5, 13),
    )  # fmt: skip
    assert appeal.days_overdue(date(2026, 5, 13)) == 0
    assert appeal.days_overdue(date(2026, 5, 15)) == 2
