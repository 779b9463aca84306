"""The challenge document's facts, compared with the case in each language and format."""

import io
import re
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from docx import Document as Docx
from pypdf import PdfReader

from amanat.readiness.challenge import Signer, challenge_compose
from amanat.readiness.models import SelfCheck

from .factories_conditions import station_with_commission

pytestmark = pytest.mark.django_db
ALMATY = ZoneInfo("Asia/Almaty")


def flat(text: str) -> str:
    return " ".join(text.split())


def docx_text(content: bytes) -> str:
    return flat("\n".join(p.text for p in Docx(io.BytesIO(content)).paragraphs))


def pdf_text(content: bytes) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def _check(outcome: str) -> SelfCheck:
    station = station_with_commission("7101")
    return SelfCheck.objects.create(
        station=station, region=station.district.region, outcome=outcome,
        details="Год рождения указан 1899.",
        # 23:30 UTC on 1 March is 2 March in Almaty: the document says the local day.
        created_at=datetime(2027, 3, 1, 23, 30, tzinfo=ZoneInfo("UTC")),
    )  # fmt: skip


EXPECTED = {
    "ru": [
        "Участковая избирательная комиссия №7101",
        "От: Нурлан Абенов",
        "Заявление о неточности в списке избирателей",
        "2 марта 2027",
        "избирательный участок №7101, город Астана",
        "в моей записи в списке избирателей есть ошибка",
        "Год рождения указан 1899.",
        "Конституционный закон «О выборах в Республике Казахстан», ст. 26",
        "ст. 20 (обжалование решений и действий избирательных комиссий)",
        "Прошу исправить сведения обо мне в списке избирателей",
        "10.03.2027",
    ],
    "kk": [
        "№7101 учаскелік сайлау комиссиясы",
        "Сайлаушылар тізіміндегі қателік туралы өтініш",
        "2 наурыз 2027",
        "«Қазақстан Республикасындағы сайлау туралы» Конституциялық заң, 26-бап",
        "сайлаушылар тізіміндегі менің жазбамда қате бар",
        "10.03.2027",
    ],
}


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_each_fact_of_the_challenge_is_in_both_files(language):
    from amanat.legal.documents import document_docx, document_pdf

    check = _check("error")
    signer = Signer(name="Нурлан Абенов", contact="+7 701 555 44 33", address="", language=language)
    document = challenge_compose(check, signer, signed_on=date(2027, 3, 10))

    for text in (docx_text(document_docx(document, language)),
                 pdf_text(document_pdf(document, language))):  # fmt: skip
        for fact in EXPECTED[language]:
            assert fact.casefold() in text.casefold(), (fact, text)
        assert "Нурлан Абенов" in text
        assert "+7 701 555 44 33" in text
        # Nothing left in English: every sentence came from the catalogue.
        assert re.findall(r"\b[A-Za-z]{3,}\b", text) == []


def test_each_finding_asks_for_its_own_remedy():
    signer = Signer(name="А", contact="Б", address="ул. Абая 5, кв. 12", language="ru")
    strangers = challenge_compose(_check("strangers"), signer)
    assert strangers.request.startswith("Прошу проверить, кто внесён в список по моему адресу")
    assert "Мой адрес: ул. Абая 5, кв. 12." in strangers.paragraphs
    SelfCheck.objects.all().delete()
    missing = challenge_compose(_check("missing"), signer)
    assert missing.request.startswith("Прошу включить меня в список избирателей")
    assert missing.request.endswith("либо выдать мне мотивированное письменное решение.")


def test_a_correct_entry_is_nothing_to_challenge():
    with pytest.raises(ValueError, match="nothing to challenge"):
        challenge_compose(_check("correct"), Signer("А", "Б", "", "ru"))


def test_the_challenge_downloads_from_the_self_check_page(client):
    check = _check("missing")
    url = f"/ru/readiness/self-check/{check.code}/challenge/"
    data = {"name": "Нурлан Абенов", "contact": "+7 701 555 44 33", "language": "ru"}

    preview = client.post(url, data)
    pdf = client.post(url, {**data, "action": "pdf"})
    bad = client.post(url, {**data, "name": ""})
    unknown = client.post(f"/ru/readiness/self-check/{uuid.uuid4()}/challenge/", data)

    assert preview.status_code == 200
    assert "Прошу включить меня в список избирателей" in preview.content.decode()
    assert pdf["Content-Type"] == "application/pdf"
    assert "я не включён(а) в список избирателей" in pdf_text(pdf.content)
    assert bad.status_code == 400
    assert unknown.status_code == 404
