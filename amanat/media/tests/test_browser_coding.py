"""The coding journey in a real browser: a monitor codes an item from the keyboard, an analyst
gives it to a second monitor, who codes it too, and alpha on the reliability page changes."""

import pytest
from playwright.sync_api import expect

from amanat.accounts.roles import Role
from amanat.accounts.tests.browser import sign_in
from amanat.media.models import Appearance, Coding

from .factories import ItemFactory, OutletFactory, PeriodFactory, appearance, code, running

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "media monitors 2026"


def _code_in_browser(page, title):
    page.goto("/ru/media/coding/")
    page.get_by_role("link", name=title).click()
    expect(page.get_by_label("Жанр")).to_be_focused()  # the keyboard starts at the genre
    page.get_by_label("Жанр").select_option(label="Новости")
    page.keyboard.press("Tab")  # to "Set the genre"
    page.keyboard.press("Enter")
    for name, amount, tone in (("Aida Bekova", "90", "Позитивная"), ("Dana Ospan", "30",
                                                                     "Негативная")):  # fmt: skip
        candidate = page.get_by_label("Кандидат", exact=True)
        expect(candidate).to_be_focused()
        candidate.select_option(label=name)
        page.get_by_label(tone).check()
        page.get_by_label("Время (с), площадь (см²) или знаки").fill(amount)
        page.keyboard.press("Enter")  # save and code the next appearance
        expect(page.locator(".messages")).to_contain_text("сохранено")
    expect(page.locator("ol.appearances li")).to_have_count(2)
    page.get_by_role("button", name="Материал готов: следующий").click()
    page.wait_for_url("**/ru/media/coding/")
    expect(page.locator(".messages")).to_contain_text("все материалы закодированы")


def _alpha(page, variable):
    return page.locator(f'tr[data-variable="{variable}"]').inner_text()


def test_code_double_code_and_see_alpha_change(new_page, make_user):
    first = make_user(username="monitor1", role=Role.MEDIA_MONITOR, password=PASSWORD)
    second = make_user(username="monitor2", role=Role.MEDIA_MONITOR, password=PASSWORD)
    make_user(username="analyst1", role=Role.ANALYST, password=PASSWORD)
    period = PeriodFactory(name="Неделя 1")
    aida, _bolat, dana = running(period.election)
    outlet = OutletFactory(name="Хабар")
    # Coded twice before: the monitors disagreed on the tone of Aida.
    earlier = ItemFactory(period=period, outlet=outlet, coder=first, second_coder=second)
    code(earlier, first, "news", appearance(aida, tone=1), appearance(dana, tone=0))
    code(earlier, second, "news", appearance(aida, tone=-1), appearance(dana, tone=0))
    ItemFactory(period=period, outlet=outlet, coder=first, title="Вечерние новости")

    monitor, analyst = new_page(), new_page()
    sign_in(monitor, "monitor1", PASSWORD)
    _code_in_browser(monitor, "Вечерние новости")

    sign_in(analyst, "analyst1", PASSWORD)
    analyst.goto("/ru/media/reliability/")
    before = _alpha(analyst, "tone")
    # By hand: values −1, 0, 0, +1 with the −1/+1 pair in disagreement: 1 − 3·18/36 = −0.500.
    assert "-0,500" in before
    assert "только предварительно" in before
    analyst.get_by_label("Период мониторинга").select_option(label="Неделя 1")
    analyst.get_by_label("Доля закодированных материалов для повторного кодирования, %").fill("100")
    analyst.get_by_role("button", name="Назначить").click()
    expect(analyst.locator(".messages")).to_contain_text("Второму монитору передано материалов: 1")

    other = new_page(locale="kk-KZ")
    sign_in(other, "monitor2", PASSWORD)
    _code_in_browser(other, "Вечерние новости")

    analyst.reload()
    after = _alpha(analyst, "tone")
    # Two more agreeing pairs (+1/+1, −1/−1): n = 8, 1 − 7·50/600 = 0.417, still tentative.
    assert "0,417" in after
    assert "только предварительно" in after
    assert Coding.objects.filter(completed_at__isnull=False).count() == 4
    assert Appearance.objects.filter(coding__coder=second, tone=-1).count() == 2
