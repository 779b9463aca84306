import pytest

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_language_switch_and_sign_in(page, make_user):
    make_user(username="nurlan", role=Role.OBSERVER)

    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("heading", name="Пять направлений нашей работы").is_visible()
    assert page.locator(".directions .card").count() == 5

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="Қазақша").click()
    page.wait_for_url("**/kk/")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.get_by_role("heading", name="Жұмысымыздың бес бағыты").is_visible()

    page.get_by_role("link", name="Кіру").click()
    page.get_by_label("Пайдаланушы аты, e-mail немесе телефон").fill("nurlan")
    page.get_by_label("Құпиясөз").fill("wrong password")
    page.get_by_role("button", name="Кіру").click()
    assert page.get_by_role("alert").inner_text() == "Логин немесе құпиясөз қате."

    page.get_by_label("Құпиясөз").fill(PASSWORD)
    page.get_by_role("button", name="Кіру").click()
    page.wait_for_url("**/kk/")
    assert "nurlan · Байқаушы" in page.locator(".who").inner_text()

    page.get_by_role("button", name="Шығу").click()
    page.wait_for_url("**/kk/")
    assert page.get_by_role("link", name="Кіру").is_visible()


def test_keyboard_users_can_skip_to_content(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"


def test_station_finder_updates_as_the_voter_types(page):
    from amanat.geography.selectors import country_default
    from amanat.geography.services import stations_import_text
    from amanat.geography.tests.factories import GOOD

    stations_import_text(text=GOOD, country=country_default())
    page.goto("/ru/stations/")
    assert page.locator(".count").inner_text() == "Найдено 4 участка"

    with page.expect_response(lambda r: "/ru/stations/?q=" in r.url):
        page.get_by_label("Номер, улица или населённый пункт").fill("калбатау")
    page.wait_for_function("document.querySelectorAll('.station').length === 1")
    assert "ул. Школьная 1" in page.locator(".station").inner_text()
    assert "q=%D0%BA%D0%B0%D0%BB" in page.url  # pushed to the address bar, so it can be shared
