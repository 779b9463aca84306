"""The appeal's document in Kazakh and Russian: every fact of the appeal in the DOCX text and
in the PDF's text, and nothing of a draft's filing that did not happen."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from amanat.mandates.documents_appeals import appeal_file_bytes
from amanat.mandates.services_appeals import appeal_file

from .appeals_clock import set_today
from .factories import MandateFactory
from .factories_appeals import AppealFactory, StateBodyFactory, docx_text

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes, tmp_path) -> str:
    """The PDF's text (pypdf; pdftotext is not installed everywhere), lines joined: a fact
    may wrap."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


FACTS = {
    "ru": ["Акимат города Астаны", "Астана, Бейбітшілік к-сі, 11", "Асель Нұрланқызы Серікова",
           "+7 701 555 12 34", "Тема: Ремонт дорог во дворах",
           "Административный процедурно-процессуальный кодекс Республики Казахстан, ст. 76",
           "пятнадцати рабочих дней", "29 декабря 2026", "07.12.2026", "Обращение",
           "наказом избирателей № {mandate} «Жолдарды жөндеу»"],
    "kk": ["Астана қаласының әкімдігі", "Асель Нұрланқызы Серікова", "+7 701 555 12 34",
           "Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі, 76-бап",
           "29 желтоқсан 2026", "07.12.2026", "Өтініш", "№ {mandate} «Жолдарды жөндеу» аманатына"],
}  # fmt: skip


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_fact_of_the_appeal_is_in_the_docx_and_the_pdf(language, monkeypatch, tmp_path):
    set_today(monkeypatch, date(2026, 12, 10))
    body = StateBodyFactory(name_kk="Астана қаласының әкімдігі", name_ru="Акимат города Астаны")
    mandate = MandateFactory(title="Жолдарды жөндеу")
    appeal = AppealFactory(
        body=body, language=language, mandate=mandate, subject="Ремонт дорог во дворах",
        text="Во дворах ямы, весной стоит вода. Прошу отремонтировать.",
    )  # fmt: skip
    appeal_file(appeal=appeal, filed_on=date(2026, 12, 7), filed_via="e_otinish")
    appeal.refresh_from_db()
    facts = [f.format(mandate=mandate.pk) for f in FACTS[language]]
    facts += ["Во дворах ямы, весной стоит вода."]
    docx = docx_text(appeal_file_bytes(appeal, "docx"))
    pdf = pdf_text(appeal_file_bytes(appeal, "pdf"), tmp_path)
    for fact in facts:
        assert fact in docx, fact
        assert fact in pdf, fact


def test_a_draft_has_no_due_date_and_an_extension_is_printed(monkeypatch, tmp_path):
    set_today(monkeypatch, date(2026, 4, 1))
    appeal = AppealFactory(language="ru")
    draft = docx_text(appeal_file_bytes(appeal, "docx"))
    assert "Срок ответа" not in draft
    assert "01.04.2026" in draft
    appeal_file(appeal=appeal, filed_on=date(2026, 3, 13), filed_via="e_otinish")
    from amanat.mandates.services_appeals import appeal_extend

    appeal_extend(appeal=appeal, extended_to=date(2026, 5, 13), notice_on=date(2026, 3, 30))
    appeal.refresh_from_db()
    text = pdf_text(appeal_file_bytes(appeal, "pdf"), tmp_path)
    assert "13 мая 2026" in text
    assert "13.03.2026" in text


def test_the_document_downloads_only_for_its_author(client):
    appeal = AppealFactory(language="ru")
    url = reverse("mandates:appeal_document", kwargs={"pk": appeal.pk, "fmt": "pdf"})
    client.force_login(AppealFactory().author)
    assert client.get(url).status_code == 404
    client.force_login(appeal.author)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    bad = reverse("mandates:appeal_document", kwargs={"pk": appeal.pk, "fmt": "exe"})
    assert client.get(bad).status_code == 404
