"""An anonymous citizen reports with a photo, then follows the report with the code."""

import pytest
from playwright.sync_api import expect

from amanat.incidents.models import Report
from amanat.incidents.services import categories_load
from amanat.incidents.tests.factories import photo_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_anonymous_report_and_follow_up(new_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    categories_load()
    picture = tmp_path / "IMG_2031.jpg"
    picture.write_bytes(photo_with_gps())

    page = new_page()
    page.goto("/ru/incidents/report/")
    page.get_by_label("Какое нарушение?").select_option("vote_buying")
    page.get_by_label("Что произошло?").fill("У школы №5 раздавали продуктовые наборы.")
    page.get_by_label("Когда?").fill("2026-11-20T10:15")
    page.get_by_label("Регион или город").select_option("KZ-71")
    page.get_by_label("Фото, видео или документы").set_input_files(str(picture))
    page.get_by_role("button", name="Отправить сообщение").click()
    code = page.locator("#follow-up-code").inner_text()
    assert Report.objects.get().evidence.count() == 1

    later = new_page()
    later.goto("/ru/incidents/follow-up/")
    later.get_by_label("Ваш код для отслеживания").fill(code)
    later.get_by_role("button", name="Показать").click()
    expect(later.locator("#report-status")).to_have_text("Новое")
    image = later.locator("img.evidence")
    expect(image).to_be_visible()
    assert later.evaluate("document.querySelector('img.evidence').naturalWidth") == 64
