"""In a real browser, the citizen's side of an appeal: written from a mandate, the PDF
downloaded, the filing recorded; once its term has passed (the dates aged in the database) it
is on the public overdue list, without the citizen's name."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from amanat.mandates.models import Appeal

from .factories import ConfirmedFactory, MandateFactory, sign_in
from .factories_appeals import StateBodyFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_citizen_writes_an_appeal_downloads_it_files_it_and_sees_it_overdue(page):
    mandate = MandateFactory(title="Жолдарды жөндеу", text="Көшедегі жолдар шұңқырға толы.")
    StateBodyFactory(name_ru="Акимат города Астаны", name_kk="Астана қаласының әкімдігі")
    ConfirmedFactory(username="aset")
    sign_in(page, "aset")
    page.goto(f"/ru/mandates/{mandate.pk}/")
    page.get_by_role(
        "link", name="Написать обращение в государственный орган по этому наказу"
    ).click()
    assert page.input_value("#id_subject") == "Жолдарды жөндеу"
    page.fill("#id_applicant_name", "Асет Ержанов")
    page.fill("#id_applicant_contact", "Астана, Абай даңғылы, 10")
    page.get_by_role("button", name="Подготовить обращение").click()
    assert page.get_by_text("Обращение готово").is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать PDF").click()
    data = open(download.value.path(), "rb").read()  # noqa: PTH123 - Playwright's temp file
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Акимат города Астаны" in text
    assert "Асет Ержанов" in text

    today = timezone.localdate()
    page.fill("#id_filed_on", today.isoformat())
    page.select_option("#id_filed_via", "e_otinish")
    page.get_by_role("button", name="Отметить подачу").click()
    assert page.get_by_text("Подача записана").is_visible()
    appeal = Appeal.objects.get()
    assert (appeal.filed_on, appeal.mandate) == (today, mandate)

    # Five weeks later, no answer: the dates aged in the database.
    Appeal.objects.update(filed_on=today - timedelta(days=35), due_on=today - timedelta(days=12))
    page.goto("/ru/mandates/appeals/overdue/")
    row = page.locator("#overdue tbody tr", has_text="Акимат города Астаны")
    assert row.locator("td").nth(4).inner_text() == "12"
    assert "Асет Ержанов" not in page.content()
