from decimal import Decimal

import pytest

from amanat.accounts.roles import Role
from amanat.audit.models import AuditEntry
from amanat.media import reports, selectors, services
from amanat.media.models import Appearance, Coding, FundDeclaration

from .factories import ItemFactory, OutletFactory, PeriodFactory, appearance, code, monitor, running

pytestmark = pytest.mark.django_db


def test_appearances_are_numbered_in_order_per_coder_and_undo_removes_the_last():
    item = ItemFactory()
    aida, bolat, _dana = running(item.period.election)
    services.coding_genre_set(item=item, coder=item.coder, genre="news")
    for who in (aida, bolat, aida):
        services.appearance_add(item=item, coder=item.coder, data=appearance(who))
    assert services.appearance_remove_last(item=item, coder=item.coder) == 1
    rows = Appearance.objects.filter(coding__coder=item.coder)
    assert [(a.position, a.candidate_id) for a in rows] == [(1, aida.pk), (2, bolat.pk)]


def test_only_the_items_monitors_may_code_it():
    item = ItemFactory()
    stranger = monitor()
    with pytest.raises(services.CodingError):
        services.coding_genre_set(item=item, coder=stranger, genre="news")
    assert not Coding.objects.exists()


def test_queue_holds_uncoded_items_first_and_second():
    first, second = monitor(), monitor()
    mine, theirs = ItemFactory(coder=first), ItemFactory(coder=second, second_coder=first)
    assert list(selectors.queue_for(first)) == [mine, theirs]
    code(mine, first, "news")
    assert list(selectors.queue_for(first)) == [theirs]
    assert list(selectors.done_for(first)) == [mine]


def test_random_share_goes_to_a_different_monitor_and_is_audited():
    period = PeriodFactory()
    first, second = monitor(), monitor()
    items = [ItemFactory(period=period, coder=first) for _ in range(4)]
    for item in items[:3]:
        code(item, first, "news")
    analyst = monitor(role=Role.ANALYST)
    count = services.double_coding_assign(period=period, share=0.5, actor=analyst, seed=1)
    assert count == 2  # half of the three coded items, rounded up; never the uncoded one
    for item in items:
        item.refresh_from_db()
    given = [i for i in items if i.second_coder_id]
    assert len(given) == 2
    assert all(i.second_coder == second for i in given)
    assert items[3] not in given
    assert AuditEntry.objects.filter(action="media.double_coding_assigned").count() == 1


def test_alpha_per_variable_and_per_pair_from_double_coding():
    period = PeriodFactory()
    first, second = monitor(), monitor()
    aida, bolat, _ = running(period.election)
    same = [appearance(aida, amount=60, tone=1), appearance(bolat, amount=30, tone=0)]
    for n in range(3):
        item = ItemFactory(period=period, coder=first, second_coder=second)
        code(item, first, "news", *same)
        # The second monitor agrees on subjects and time, but reads the tone differently.
        other = [appearance(aida, amount=60, tone=-1 if n else 1), appearance(bolat, amount=30)]
        code(item, second, "news" if n else "debate", *other)
    overall, pairs = selectors.reliability(election=period.election)
    by = {v.code: v for v in overall}
    assert by["subject"].result.alpha == 1.0
    assert by["subject"].result.units == 6
    assert by["time"].result.alpha == 1.0
    assert by["space"].result.alpha is None  # no print or online item
    assert by["tone"].verdict == "tentative"
    assert by["genre"].result.units == 3
    assert by["genre"].result.alpha < 0.667
    assert len(pairs) == 1
    assert pairs[0].items == 3
    assert {pairs[0].first, pairs[0].second} == {first, second}


def test_coverage_counts_the_first_coding_once_against_an_equal_share():
    period = PeriodFactory()
    first, second = monitor(), monitor()
    aida, bolat, dana = running(period.election)
    outlet = OutletFactory(name="Kazakh TV")
    item = ItemFactory(period=period, outlet=outlet, coder=first, second_coder=second)
    code(item, first, "news", appearance(aida, amount=90, tone=1, role="official"),
         appearance(bolat, amount=30, tone=-1))  # fmt: skip
    code(item, second, "news", appearance(aida, amount=500))
    paid = ItemFactory(period=period, outlet=outlet, coder=first)
    code(paid, first, "paid", appearance(aida, amount=30, role="candidate"))
    [report] = reports.coverage(period.election, None)
    rows = {r.candidate: r for r in report.rows}
    assert report.total == 150
    assert round(report.equal, 2) == 33.33
    assert rows[aida].share == 80.0
    assert rows[aida].official == 90
    assert rows[aida].campaign == 30
    assert rows[aida].paid == 30
    assert rows[aida].free == 0
    assert rows[aida].net_tone == 75.0
    assert rows[bolat].net_tone == -100.0
    assert rows[dana].amount == 0
    assert rows[dana].share == 0.0
    assert [r.candidate for r in report.rows] == [aida, bolat, dana]


def test_observed_paid_media_above_the_declared_fund_is_flagged():
    period = PeriodFactory()
    aida, bolat, _ = running(period.election)
    tv = OutletFactory(kind="tv", rate=Decimal("2000"))
    web = OutletFactory(kind="online", rate=Decimal("500"))
    for outlet, genre, data in ((tv, "paid", appearance(aida, amount=300)),
                                (web, "paid", appearance(aida, amount=4000)),
                                (tv, "news", appearance(bolat, amount=999))):  # fmt: skip
        item = ItemFactory(period=period, outlet=outlet)
        code(item, item.coder, genre, data)
    analyst = monitor(role=Role.ANALYST)
    services.fund_declare(election=period.election, candidate=aida, amount=Decimal(500_000),
                          declared_on=period.starts_on, source="CEC", actor=analyst)  # fmt: skip
    services.fund_declare(election=period.election, candidate=bolat, amount=Decimal(1),
                          declared_on=period.starts_on, source="CEC", actor=analyst)  # fmt: skip
    rows = {r.candidate: r for r in reports.finance(period.election)}
    assert rows[aida].observed == Decimal(602_000)  # 300 s × 2000 + 4 × 1000 chars × 500
    assert rows[aida].exceeded
    assert rows[bolat].observed == 0
    assert not rows[bolat].exceeded
    assert FundDeclaration.objects.count() == 2
