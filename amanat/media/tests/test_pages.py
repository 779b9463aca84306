import csv
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.media import services
from amanat.media.models import Appearance, Coding, FundDeclaration, Item

from .factories import ItemFactory, OutletFactory, PeriodFactory, appearance, code, monitor, running

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded():
    period = PeriodFactory()
    first, second = monitor(first_name="Бауыржан", last_name="Искаков"), monitor()
    aida, bolat, _ = running(period.election)
    outlet = OutletFactory(name="Хабар", rate=Decimal(1500))
    item = ItemFactory(period=period, outlet=outlet, coder=first, second_coder=second,
                       title="Итоги недели")  # fmt: skip
    code(item, first, "paid", appearance(aida, amount=400, tone=1), appearance(bolat, amount=100))
    services.fund_declare(election=period.election, candidate=aida, amount=Decimal(100_000),
                          declared_on=period.starts_on, source="ЦИК", actor=first)  # fmt: skip
    return period, first, second, item, aida


@pytest.mark.parametrize(
    ("role", "url", "status"),
    [
        (Role.MEDIA_MONITOR, "/ru/media/coding/", 200),
        (Role.ANALYST, "/ru/media/coding/", 403),
        (Role.CITIZEN, "/ru/media/coding/", 403),
        (Role.ANALYST, "/ru/media/reliability/", 200),
        (Role.MEDIA_MONITOR, "/ru/media/reliability/", 403),
        (Role.ANALYST, "/ru/media/finance/", 200),
        (Role.MEDIA_MONITOR, "/ru/media/finance/", 403),
        (Role.CITIZEN, "/ru/media/finance/", 403),
    ],
)
def test_who_may_open_which_page(client, role, url, status):
    client.force_login(UserFactory(role=role))
    assert client.get(url).status_code == status


def test_anonymous_staff_pages_ask_for_a_login(client):
    assert client.get("/ru/media/reliability/").status_code == 302


def test_monitor_codes_an_item_through_the_screen(client, coded):
    period, _first, second, item, aida = coded
    client.force_login(second)
    url = f"/ru/media/coding/{item.pk}/"
    page = client.get(url).content.decode()
    assert "Итоги недели" in page
    assert 'accesskey="s"' not in page
    client.post(url, {"action": "genre", "genre": "paid"})
    page = client.get(url).content.decode()
    assert 'accesskey="s"' in page
    assert "autofocus" in page
    bad = client.post(url, {"action": "appearance", "subject_kind": "candidate", "voice": "speaks",
                            "role": "none", "amount": "-5", "tone": "0"})  # fmt: skip
    assert bad.status_code == 400
    assert "Назовите" in bad.content.decode()
    ok = client.post(url, {"action": "appearance", "subject_kind": "candidate",
                           "candidate": aida.pk, "voice": "speaks", "role": "official",
                           "amount": "400", "tone": "1"})  # fmt: skip
    assert ok.status_code == 302
    done = client.post(url, {"action": "done"})
    assert done.status_code == 302
    assert done["Location"] == "/ru/media/coding/"
    coding = Coding.objects.get(item=item, coder=second)
    assert coding.completed_at is not None
    assert coding.genre == "paid"
    assert list(Appearance.objects.filter(coding=coding).values_list("amount", "role")) == [
        (400, "official")
    ]


def test_another_monitors_item_is_not_found(client, coded):
    client.force_login(monitor())
    assert client.get(f"/ru/media/coding/{coded[3].pk}/").status_code == 404


def test_monitor_adds_an_item_to_the_own_queue(client, coded):
    period, first, *_ = coded
    client.force_login(first)
    data = {"period": period.pk, "outlet": coded[3].outlet_id, "date": "2026-11-21",
            "title": "Утро"}  # fmt: skip
    response = client.post("/ru/media/coding/", data)
    item = Item.objects.get(title="Утро")
    assert response["Location"] == f"/ru/media/coding/{item.pk}/"
    assert item.coder == first
    assert client.post("/ru/media/coding/", {"period": "x"}).status_code == 400


def test_reliability_page_shows_the_warning_and_assigns(client, coded):
    period, first, second, item, aida = coded
    code(item, second, "news", appearance(aida, amount=400, tone=-1))
    client.force_login(UserFactory(role=Role.ANALYST))
    page = client.get("/ru/media/reliability/").content.decode()
    assert "только предварительно" in page  # genre: paid against news, α below 0.667
    other = ItemFactory(period=period, coder=first)
    code(other, first, "news")
    response = client.post("/ru/media/reliability/", {"period": period.pk, "share": 100})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.second_coder == second
    assert (
        client.post("/ru/media/reliability/", {"period": period.pk, "share": 0}).status_code == 400
    )


def test_analyst_records_a_declared_fund(client, coded):
    period, *_rest, aida = coded
    client.force_login(UserFactory(role=Role.ANALYST))
    response = client.post("/ru/media/finance/", {"candidate": aida.pk, "amount": "50000",
                           "declared_on": "2026-11-01", "source": "Отчёт"})  # fmt: skip
    assert response.status_code == 302
    assert FundDeclaration.objects.filter(candidate=aida).count() == 2
    bad = client.post("/ru/media/finance/", {"candidate": aida.pk, "amount": "-1",
                      "declared_on": "x", "source": ""})  # fmt: skip
    assert bad.status_code == 400
    assert FundDeclaration.objects.count() == 2


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_public_report_shows_aggregates_no_monitor_and_locale_free_numbers(client, coded, language):
    page = client.get(f"/{language}/media/").content.decode()
    assert "Хабар" in page
    assert "Aida Bekova" in page
    assert "Искаков" not in page
    assert "Итоги недели" not in page
    svg = re.search(r"<svg[^>]*share-chart.*?</svg>", page, re.S).group(0)
    values = re.findall(r'\s(?:x|y|width|height|x1|x2|y1|y2)="([^"]*)"', svg)
    assert len(values) == 3 * 6 + 4  # a name and a bar per candidate, and the equal-share line
    for value in values:
        float(value)  # a decimal comma would fail here
    assert 'width="220.0"' in svg  # the longest bar: Aida's 80 %
    assert '<strong class="error">' in page  # 400 s × 1500 = 600 000 above 100 000 declared


def test_exports_carry_the_shares(client, coded):
    rows = list(csv.reader(io.StringIO(client.get("/ru/media/coverage.csv").content.decode())))
    assert rows[1][:5] == ["Хабар", "Телевидение", "Aida Bekova", "400", "80.0"]
    book = load_workbook(io.BytesIO(client.get("/ru/media/coverage.xlsx").content))
    sheet = book.active
    assert [c.value for c in sheet[2]][:5] == ["Хабар", "Телевидение", "Aida Bekova", 400, 80.0]
    assert sheet.max_row == 4  # three candidates on the ballot, the third with nothing


def test_queue_search_narrows_the_monitors_items(client, coded):
    period, first, second, item, _aida = coded
    ItemFactory(period=period, coder=second, title="Утренний эфир")
    client.force_login(second)
    assert "Итоги недели" in client.get("/ru/media/coding/?q=итоги").content.decode()
    page = client.get("/ru/media/coding/?q=вечер").content.decode()
    assert "Итоги недели" not in page
    assert "нет материалов по этому запросу" in page


def test_public_report_reads_few_queries(client, coded, django_assert_max_num_queries):
    period, first, *_rest, aida = coded
    client.get("/ru/media/")  # the current election, remembered for a while
    for n in range(10):
        item = ItemFactory(period=period, coder=first, outlet=OutletFactory(name=f"TV {n}"))
        code(item, first, "paid", appearance(aida, amount=10))
    with django_assert_max_num_queries(12):
        assert client.get("/ru/media/").status_code == 200
