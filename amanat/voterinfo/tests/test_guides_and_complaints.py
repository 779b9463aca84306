import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from pypdf import PdfReader

from amanat.geography.models import Region
from amanat.legal.complaints import Body, deadline, route
from amanat.voterinfo.selectors import guides_search
from amanat.voterinfo.services import guides_load

pytestmark = pytest.mark.django_db
UTC5 = ZoneInfo("Asia/Almaty")


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("жылжымалы жәшік", "voting-outside-the-station"),  # Kazakh
        ("переносная урна", "voting-outside-the-station"),  # Russian
        ("absentee", "what-to-bring"),  # English
        ("ПОДПИСИ", "support-a-candidate"),
    ],
)
def test_search_finds_a_guide_in_each_language(query, slug):
    guides_load()
    assert guides_search(query)[0].slug == slug


def test_search_page_lists_guides_and_answers(client):
    guides_load()
    html = client.get("/ru/search/", {"q": "наблюдателем"}).content.decode()
    assert "/ru/guides/become-an-observer/" in html
    assert client.get("/en/guides/how-to-complain/").status_code == 200


@pytest.mark.parametrize(
    ("what", "who", "body"),
    [
        ("vote_denied", "precinct", Body.TERRITORIAL),
        ("commission", "territorial", Body.CENTRAL),
        ("vote_buying", "candidate", Body.PROSECUTOR),
        ("pressure", "official", Body.PROSECUTOR),
        ("campaign", "official", Body.TERRITORIAL),
        ("violence", "other", Body.POLICE),
        ("violence", "police", Body.PROSECUTOR),
    ],
)
def test_complaints_go_to_the_right_body(what, who, body):
    assert route(what, who).body == body


def test_deadline_is_five_days_or_at_once_near_the_vote():
    election_day = date(2027, 3, 21)
    early = deadline(filed_on=date(2027, 3, 1), election_day=election_day)
    late = deadline(filed_on=date(2027, 3, 18), election_day=election_day)
    assert (early.immediate, early.decide_by) == (False, date(2027, 3, 6))
    assert (late.immediate, late.decide_by) == (True, date(2027, 3, 18))


def complaint_form(**overrides):
    form = {
        "what": "vote_buying",
        "who": "candidate",
        "happened_at": "2027-03-10T18:30",
        "region": Region.objects.get(code="KZ-71").pk,
        "station": "7101",
        "place": "школа №5",
        "description": "У входа раздавали продуктовые наборы за обещание голосовать.",
        "evidence": "фото 1\nвидео 2",
        "name": "Нурлан Абенов",
        "contact": "+7 701 555 44 33",
        "language": "ru",
    }
    form.update(overrides)
    return form


def test_wizard_preview_and_documents_contain_the_facts(client):
    preview = client.post("/ru/complaint/", complaint_form())
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Прокуратура: город Астана" in html
    assert "Уголовный кодекс Республики Казахстан" in html

    docx = client.post("/ru/complaint/", {**complaint_form(), "action": "docx"})
    assert docx["Content-Disposition"] == 'attachment; filename="complaint.docx"'
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "продуктовые наборы" in text
    assert "Нурлан Абенов" in text
    assert "избирательный участок №7101, город Астана" in text
    assert "видео 2" in text

    pdf = client.post("/ru/complaint/", {**complaint_form(language="kk"), "action": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    pdf_text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Шағым" in pdf_text
    assert "продуктовые наборы" in pdf_text


def test_wizard_refuses_an_incomplete_form_and_names_the_fields(client):
    response = client.post("/en/complaint/", complaint_form(name="", description=""))
    assert response.status_code == 400
    assert response.content.decode().count('class="error"') >= 2


def test_happened_at_is_used_in_the_document():
    from amanat.legal.complaints import deadline as due
    from amanat.legal.documents import Facts, document_compose

    facts = Facts(
        what="fraud", who="precinct", happened_at=datetime(2027, 3, 21, 20, 15, tzinfo=UTC5),
        region=Region.objects.get(code="KZ-75"), station="", place="", description="x",
        evidence="", name="A B", contact="c", language="kk",
    )  # fmt: skip
    document = document_compose(facts, route("fraud", "precinct"), due(
        filed_on=date(2027, 3, 21), election_day=date(2027, 3, 21)))  # fmt: skip
    assert "2027, 20:15" in document.paragraphs[0]
    assert document.title == "Шағым"


def test_the_wizard_turns_the_complaint_into_an_incident_report_once(client, settings, tmp_path):
    from amanat.incidents.models import Report
    from amanat.incidents.services import categories_load

    settings.MEDIA_ROOT, settings.AMANAT_PRIVATE_DIR = tmp_path / "m", tmp_path / "p"
    categories_load()
    form = {**complaint_form(happened_at="2026-11-20T10:00"), "action": "incident"}
    # The result page's button posts the same facts to the incidents' own view.
    result = client.post("/ru/complaint/", {**form, "action": "preview"}).content.decode()
    button = result.split('value="incident"')[1].split(">")[0]
    assert 'formaction="/ru/incidents/from-complaint/"' in button
    first = client.post("/ru/incidents/from-complaint/", form)
    again = client.post("/ru/incidents/from-complaint/", form)
    code = first.content.decode().split('id="follow-up-code">')[1].split("<")[0]
    assert code in again.content.decode()
    report = Report.objects.get()
    assert (report.category.code, report.region.code, report.source) == (
        "vote_buying", "KZ-71", "citizen")  # fmt: skip
    assert report.contact.startswith("Нурлан Абенов")


def test_a_wizard_page_posting_to_itself_still_files_the_report(client, settings, tmp_path):
    """A result page rendered before the button pointed at incidents posts to the wizard:
    the POST is repeated there (307), and the same facts give the same single report."""
    from amanat.incidents.models import Report
    from amanat.incidents.services import categories_load

    settings.MEDIA_ROOT, settings.AMANAT_PRIVATE_DIR = tmp_path / "m", tmp_path / "p"
    categories_load()
    form = {**complaint_form(happened_at="2026-11-20T10:00"), "action": "incident"}
    redirect = client.post("/ru/complaint/", form)
    assert (redirect.status_code, redirect["Location"]) == (307, "/ru/incidents/from-complaint/")
    followed = client.post("/ru/complaint/", form, follow=True)
    assert followed.redirect_chain == [("/ru/incidents/from-complaint/", 307)]
    assert 'id="follow-up-code"' in followed.content.decode()
    direct = client.post("/ru/incidents/from-complaint/", form)
    code = direct.content.decode().split('id="follow-up-code">')[1].split("<")[0]
    assert code in followed.content.decode()
    assert Report.objects.count() == 1


def test_reporting_an_incomplete_complaint_files_nothing(client):
    from amanat.incidents.models import Report

    response = client.post("/ru/incidents/from-complaint/", complaint_form(name="", description=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count('class="error"') >= 2
    assert 'action="/ru/complaint/"' in html  # correcting it goes back to the wizard
    assert Report.objects.count() == 0
    assert client.get("/ru/incidents/from-complaint/").status_code == 405
