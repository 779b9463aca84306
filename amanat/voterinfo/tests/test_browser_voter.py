"""In a real browser: an anonymous question answered by a lawyer and read with the code; the
complaint wizard producing a document that opens and holds the facts entered."""

import pytest
from docx import Document
from playwright.sync_api import expect

from amanat.accounts.roles import Role
from amanat.accounts.tests.browser import sign_in
from amanat.geography.models import Region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUESTION = "Работодатель требует фото бюллетеня после голосования. Законно ли это?"


def test_anonymous_question_answered_by_a_lawyer(new_page, make_user):
    make_user(
        username="lawyer1",
        role=Role.LAWYER,
        regions=[Region.objects.get(code="KZ-71")],
        password="lawyer pass 2026",
    )
    citizen, lawyer = new_page(), new_page()

    citizen.goto("/ru/legal-help/ask/")
    citizen.get_by_label("Ваш регион").select_option(label="город Астана")
    citizen.get_by_label("Тема").select_option("pressure")
    citizen.get_by_label("Ваш вопрос").fill(QUESTION)
    citizen.get_by_role("button", name="Отправить вопрос").click()
    code = citizen.locator("#follow-up-code").inner_text()

    sign_in(lawyer, "lawyer1", "lawyer pass 2026")
    lawyer.get_by_role("link", name="Вопросы, ожидающие ответа").click()
    lawyer.locator("table.data a").first.click()
    expect(lawyer.locator("blockquote")).to_contain_text("фото бюллетеня")
    lawyer.get_by_label("Ответ").fill("Нет: тайна голосования охраняется законом.")
    lawyer.get_by_role("button", name="Отправить ответ").click()

    reader = new_page()  # the citizen later, on another device, with only the code
    reader.goto("/ru/legal-help/my-question/")
    reader.get_by_label("Ваш код для отслеживания").fill(code)
    reader.get_by_role("button", name="Показать").click()
    expect(reader.locator("#answer")).to_have_text("Нет: тайна голосования охраняется законом.")


def test_complaint_wizard_document_opens_with_the_facts(new_page):
    page = new_page()
    page.goto("/ru/complaint/")
    page.get_by_label("Деньги или подарки").check()
    page.get_by_label("Кто причастен?").select_option("candidate")
    page.get_by_label("Когда?").fill("2027-03-10T18:30")
    page.get_by_label("Регион или город").select_option(label="город Астана")
    page.get_by_label("Номер участка").fill("7101")
    page.get_by_label("Опишите, что произошло").fill("У школы №5 раздавали продуктовые наборы.")
    page.get_by_label("Ваши фамилия, имя, отчество").fill("Нурлан Абенов")
    page.get_by_label("Ваш адрес или телефон").fill("+7 701 555 44 33")
    page.get_by_role("button", name="Подготовить жалобу").click()
    expect(page.locator("#complaint-body")).to_contain_text("Прокуратура")

    with page.expect_download() as download:
        page.get_by_role("button", name="Скачать DOCX").click()
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    assert "продуктовые наборы" in text
    assert "Нурлан Абенов" in text
    assert "избирательный участок №7101, город Астана" in text
    assert "Прокуратура: город Астана" in text
