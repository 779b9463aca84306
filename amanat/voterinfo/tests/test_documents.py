"""Documents are facts (CONVENTIONS.md 20): every document the platform generates is rendered in
each language, its text extracted (python-docx, pypdf) and each fact compared with the case it
came from: local date and time, the sender in that language, the party involved, the legal
basis for the category, the place's names in that language, and no English in kk/ru text."""

import io
import re
import uuid
from datetime import UTC, date, datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format
from docx import Document as Docx
from pypdf import PdfReader

from amanat.accounts.roles import Role
from amanat.geography.models import Region
from amanat.geography.tests.factories import DistrictFactory, PollingStationFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ("kk", "ru", "en")
# 04:15 UTC is 09:15 in Astana (Asia/Almaty, UTC+5): the document must say 09:15.
OCCURRED = datetime(2026, 3, 21, 4, 15, tzinfo=UTC)
WHEN = {"kk": "21 наурыз 2026, 09:15", "ru": "21 марта 2026, 09:15", "en": "21 March 2026, 09:15"}
SENDER = {
    "kk": "Кімнен: «Аманат» байқаушылар желісі",
    "ru": "От: Сеть наблюдателей «Аманат»",
    "en": "From: Amanat observer network",
}
INVOLVED = {
    "kk": "Қатысы бар: учаскелік сайлау комиссиясы.",
    "ru": "Причастны: участковая избирательная комиссия.",
    "en": "Involved: a precinct election commission.",
}
WHAT = {"kk": "бюллетень салу", "ru": "вброс бюллетеней", "en": "ballot stuffing"}
# Ballot stuffing: the election law's liability and appeal articles, not the Criminal Code's
# obstruction article.
STUFFING_BASIS = {
    "kk": "«Қазақстан Республикасындағы сайлау туралы» Конституциялық заң, 50-бап (сайлау "
    "туралы заңнаманы бұзғаны үшін жауаптылық), 20-бап (сайлау комиссияларының шешімдері мен "
    "әрекеттеріне шағым жасау)",
    "ru": "Конституционный закон «О выборах в Республике Казахстан», ст. 50 (ответственность "
    "за нарушение законодательства о выборах), ст. 20 (обжалование решений и действий "
    "избирательных комиссий)",
    "en": "Constitutional Law “On Elections in the Republic of Kazakhstan”, art. 50 (liability "
    "for breaking the election law), art. 20 (appeals against the decisions and actions of "
    "election commissions)",
}
CONTACT = "+7 727 355 40 12, shagym@amanat-observers.kz"
DESCRIPTION = "Член УИК Серік Ахметов вбросил пачку бюллетеней в урну в 09:10."


def flat(text: str) -> str:
    return " ".join(text.split())


def docx_text(content: bytes) -> str:
    return flat("\n".join(p.text for p in Docx(io.BytesIO(content)).paragraphs))


def pdf_text(content: bytes) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def english_words(text: str) -> list[str]:
    """Latin-letter words left once the e-mail address and evidence hashes are taken out."""
    text = re.sub(r"\S+@\S+", " ", text)
    text = re.sub(r"SHA-256 [0-9a-f]{64}", " ", text)
    return re.findall(r"[A-Za-z]{2,}", text)


def month_day(text: str, language: str) -> bool:
    # Kazakh month names are lower-case; the casefold keeps this test about the date itself
    # while the locale's capitalisation is fixed elsewhere (issue 15, defect 8).
    return WHEN[language].casefold() in text.casefold()


@pytest.fixture
def case(settings, tmp_path):
    from amanat.incidents.models import Evidence
    from amanat.incidents.services import ReportInput, categories_load, report_submit

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AMANAT_PRIVATE_DIR = tmp_path / "private"
    settings.AMANAT_ORGANISATION_CONTACT = CONTACT
    categories_load()
    station = PollingStationFactory(
        district=DistrictFactory(region=Region.objects.get(code="KZ-71")), number="71",
        latitude=51.1, longitude=71.4,
    )  # fmt: skip
    report, _code = report_submit(data=ReportInput(
        client_id=uuid.uuid4(), source="observer", station_number=station.number,
        description=DESCRIPTION, category_code="stuffing", occurred_at=OCCURRED,
    ))  # fmt: skip
    Evidence.objects.create(report=report, kind="photo", content_type="image/jpeg", size=10,
                            sha256="ab" * 32, original="x.jpg")  # fmt: skip
    return report


def referral_files(client, make_user, report, language):
    from amanat.incidents import case_response

    moderator = make_user(role=Role.MODERATOR)
    referral = case_response.referral_create(report=report, actor=moderator, language=language)
    client.force_login(moderator)
    base = f"/ru/incidents/moderation/{report.pk}/referral/{referral.pk}"
    files = {kind: client.get(f"{base}.{kind}").content for kind in ("docx", "pdf")}
    return files | {"deadline": referral.deadline}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_complaint_filed_from_an_incident_states_the_case(client, make_user, case, language):
    region = Region.objects.get(code="KZ-71")
    station = {
        "kk": f"№71 сайлау учаскесі, {region.name_kk}",
        "ru": f"избирательный участок №71, {region.name_ru}",
        "en": f"polling station No. 71, {region.name_en}",
    }[language]
    files = referral_files(client, make_user, case, language)
    with translation.override(language):
        deadline = date_format(files.pop("deadline"), "j E Y")  # the one the referral recorded
    for kind, content in files.items():
        text = docx_text(content) if kind == "docx" else pdf_text(content)
        assert deadline.casefold() in text.casefold()
        assert month_day(text, language), (kind, text)
        assert "04:15" not in text
        assert SENDER[language] in text
        assert CONTACT in text
        assert "amanat.invalid" not in text
        assert INVOLVED[language] in text
        assert station in text
        assert f": {WHAT[language]}." in text
        assert flat(STUFFING_BASIS[language]) in text
        assert DESCRIPTION in text
        assert "SHA-256 " + "ab" * 32 in text
        if language != "en":
            assert english_words(text) == [], (kind, english_words(text))


def test_the_complaint_names_no_party_the_report_does_not_name(client, make_user, case):
    from amanat.incidents.models import Report

    Report.objects.filter(pk=case.pk).update(description="В урну бросили пачку бюллетеней.")
    text = docx_text(
        referral_files(client, make_user, Report.objects.get(pk=case.pk), "ru")["docx"]
    )
    assert "Причастны" not in text
    assert "неизвестно" not in text


@pytest.mark.parametrize(
    ("description", "category", "who"),
    [
        ("Член УИК Ахметов вбросил бюллетени", "stuffing", "precinct"),
        ("Учаскелік сайлау комиссиясының төрағасы байқаушыны шығарды", "stuffing", "precinct"),
        ("Председатель ТИК отказал в приёме жалобы", "count_procedure", "territorial"),
        ("Сотрудник полиции вывел наблюдателя, председатель УИК молчал", "safety", "police"),
        ("Нам угрожали, мы вызвали полицию", "safety", ""),
        ("Аким собрал бюджетников и велел голосовать", "control", "official"),
        ("Доверенное лицо кандидата раздавало деньги", "vote_buying", "candidate"),
        ("Кандидату отказали в регистрации без причины", "obstruct_candidates", ""),
        ("Копию протокола не выдали", "protocol", "precinct"),
        ("Кто-то бросил пачку бюллетеней", "stuffing", ""),
    ],
)
def test_the_party_involved_comes_from_the_report(description, category, who):
    from amanat.incidents.involved import report_involved
    from amanat.incidents.models import Category, Report

    report = Report(description=description, category=Category(code=category))
    assert report_involved(report) == who


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_wizard_complaint_states_the_case(client, language, kind):
    form = {
        "what": "vote_buying", "who": "candidate", "happened_at": "2026-03-21T09:15",
        "region": Region.objects.get(code="KZ-75").pk, "station": "7501", "place": "",
        "description": "Раздавали деньги за голос.", "evidence": "", "name": "Нурлан Абенов",
        "contact": "+7 701 555 44 33", "language": language, "action": kind,
    }  # fmt: skip
    content = client.post("/en/complaint/", form).content
    text = docx_text(content) if kind == "docx" else pdf_text(content)
    region = Region.objects.get(code="KZ-75")
    assert month_day(text, language), text
    assert {"kk": "Кімнен: Нурлан Абенов", "ru": "От: Нурлан Абенов"}[language] in text
    assert {
        "kk": f"№7501 сайлау учаскесі, {region.name_kk}",
        "ru": f"избирательный участок №7501, {region.name_ru}",
    }[language] in text
    assert {
        "kk": "Қатысы бар: кандидат, партия немесе олардың сенім білдірілген адамдары.",
        "ru": "Причастны: кандидат, партия или их доверенные лица.",
    }[language] in text
    assert {
        "kk": "Қазақстан Республикасының Қылмыстық кодексі, 150-бап (сайлау құқығын жүзеге "
        "асыруға немесе сайлау комиссияларының жұмысына кедергі жасау); «Қазақстан "
        "Республикасындағы сайлау туралы» Конституциялық заң, 50-бап",
        "ru": "Уголовный кодекс Республики Казахстан, ст. 150 (воспрепятствование "
        "осуществлению избирательных прав или работе избирательных комиссий); "
        "Конституционный закон «О выборах в Республике Казахстан», ст. 50",
    }[language] in text
    assert english_words(text) == [], english_words(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_complaint_composed_from_utc_facts_states_local_time(language):
    from amanat.legal.complaints import deadline, route
    from amanat.legal.documents import Facts, document_compose

    facts = Facts(
        what="campaign", who="official", happened_at=OCCURRED,
        region=Region.objects.get(code="KZ-71"), station="", place="", description="x",
        evidence="", name="A", contact="", language=language, signed_on=date(2026, 3, 22),
    )  # fmt: skip
    document = document_compose(facts, route("campaign", "official"), deadline(
        filed_on=date(2026, 3, 22), election_day=date(2026, 3, 21)))  # fmt: skip
    text = " ".join(document.paragraphs)
    assert month_day(text, language)
    assert {"kk": "122-бап", "ru": "ст. 122", "en": "art. 122"}[language] in text
    assert document.sender == [SENDER[language].split(": ")[0] + ": A"]  # no empty contact
    assert "22.03.2026" in document.signature


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_certificate_states_the_holder_the_programme_and_the_local_date(make_user, language):
    from amanat.accounts.models import Certificate, Program
    from amanat.training.pdf import certificate_pdf

    # 20:30 UTC on 20 March is 01:30 on 21 March in Astana: the certificate says 21 March.
    certificate = Certificate.objects.create(
        user=make_user(role=Role.OBSERVER), program=Program.OBSERVER, code="AMN-TEST-1",
        holder_name="Айгерім Сапарова", issued_at=datetime(2026, 3, 20, 20, 30, tzinfo=UTC),
    )  # fmt: skip
    text = pdf_text(certificate_pdf(certificate, language=language, verify_url="https://a.kz/v"))
    with translation.override(language):
        programme = str(Program.OBSERVER.label)
    assert "Айгерім Сапарова" in text
    assert programme in text
    assert WHEN[language].split(",")[0].casefold() in text.casefold(), text
    assert "AMN-TEST-1" in text
    if language != "en":
        assert english_words(text.replace("AMN-TEST-1", "").replace("https://a.kz/v", "")) == []


def test_an_uncategorised_report_is_not_called_a_commission_breach(client, make_user, case):
    from amanat.incidents.models import Report

    Report.objects.filter(pk=case.pk).update(category=None)
    text = docx_text(
        referral_files(client, make_user, Report.objects.get(pk=case.pk), "ru")["docx"]
    )
    assert (
        "21 марта 2026, 09:15, избирательный участок №71, город Астана, произошло следующее."
        in text
    )
    assert "комиссия нарушила" not in text
