"""In a real browser: a citizen records a self-check finding and downloads the challenge to
the precinct commission, whose file holds the station, the commission and the legal basis."""

import io

import pytest
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from .factories_conditions import station_with_commission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_self_check_becomes_a_challenge_document(new_page):
    station_with_commission("7101")
    page = new_page()
    page.goto("/ru/readiness/")
    page.get_by_role("link", name="Проверьте свою запись в списке избирателей").click()
    page.get_by_label("Номер вашего избирательного участка").fill("7101")
    page.get_by_label("По моему адресу числятся посторонние").check()
    page.get_by_label("Подробности").fill("По адресу числятся трое незнакомых людей.")
    page.get_by_role("button", name="Учесть мою проверку").click()

    expect(page.locator("#selfcheck-outcome")).to_have_text("По моему адресу числятся посторонние")
    expect(page.locator("main")).to_contain_text("Участковая избирательная комиссия №7101")
    page.get_by_label("Ваши фамилия, имя, отчество").fill("Нурлан Абенов")
    page.get_by_label("Ваш адрес или телефон").fill("+7 701 555 44 33")
    page.get_by_label("Ваш адрес регистрации").fill("ул. Абая 5, кв. 12")
    page.get_by_role("button", name="Подготовить заявление").click()
    expect(page.locator("#challenge-body")).to_contain_text("ст. 26")

    with page.expect_download() as download:
        page.get_by_role("button", name="Скачать DOCX").click()
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    assert "Участковая избирательная комиссия №7101" in text
    assert "избирательный участок №7101, город Астана" in text
    assert "Мой адрес: ул. Абая 5, кв. 12." in text
    assert "По адресу числятся трое незнакомых людей." in text
    assert "ст. 26 (право обжаловать невключение" in text

    with page.expect_download() as download:
        page.get_by_role("button", name="Скачать PDF").click()
    with open(download.value.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    pdf_text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Участковая избирательная комиссия №7101" in pdf_text
    assert "Прошу проверить, кто внесён в список по моему адресу" in pdf_text
