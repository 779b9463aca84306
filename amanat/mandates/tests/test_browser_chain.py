"""Issue #20's chain in a real browser, each person in their own browser context: a citizen
writes a mandate; the candidate's team answers it with a commitment; a moderator (signed in
with the second factor) records the candidate as elected and tracks the commitment as a
promise, which the public scorecard shows; the citizen writes an appeal about the promise to
the akimat, downloads the PDF and records the filing; the term passes (the dates aged in the
database), the appeal is on the public overdue list; the overdue task asks the citizen by
e-mail, who follows the link and answers that no answer came; the akimat's public page counts
the appeal as received and not answered, and the overdue list still lists it ("no answer came"
is overdue by design: selectors_appeals.appeals_overdue)."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_otp.plugins.otp_totp.models import TOTPDevice
from pypdf import PdfReader

from amanat.accounts.tests.factories import UserFactory, current_code
from amanat.legal.appeals import answer_due
from amanat.mandates.models import Appeal, Mandate, Promise, TeamMember
from amanat.mandates.tasks_appeals import appeals_ask_overdue_task
from amanat.observers.tests.factories import ElectionFactory
from amanat.results.tests.protocol_setup import contest_create

from .factories import ConfirmedFactory, sign_in
from .factories_appeals import StateBodyFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Отремонтировать дороги во дворах Сарыарки"
COMMITMENT = "Отремонтировать дворовые дороги Сарыарки в 2027 году"
AKIMAT = "Акимат города Астаны"
CITIZEN_NAME = "Асет Ержанов"


def _ru_date(day) -> str:
    with translation.override("ru"):
        return date_format(day, "j E Y")


def _pdf_text(page) -> str:
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать PDF").click()
    data = open(download.value.path(), "rb").read()  # noqa: PTH123 - Playwright's temp file
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # the PDF's line breaks fall anywhere


def _citizen_writes_the_mandate(page, region) -> Mandate:
    sign_in(page, "aset")
    page.goto("/ru/mandates/write/")
    page.fill("#id_title", TITLE)
    page.fill("#id_text", "Во дворах Сарыарки ямы, весной стоит вода, дети ходят по лужам.")
    page.select_option("#id_topic", "roads")
    page.select_option("#id_region", str(region.pk))
    page.get_by_role("button", name="Опубликовать наказ").click()
    page.wait_for_url("**/ru/mandates/*/")
    assert page.get_by_text("Ваш наказ опубликован.").is_visible()
    assert page.locator("h1").inner_text() == TITLE
    assert page.get_by_text("Вы поддерживаете этот наказ.").is_visible()
    return Mandate.objects.get(title=TITLE)


def _team_answers(page, mandate: Mandate) -> None:
    sign_in(page, "team")
    page.goto(f"/ru/mandates/{mandate.pk}/")
    page.select_option("#id_position", "support")
    page.fill("#id_text", "Поддерживаем: дворовые дороги — первое, чем займёмся после выборов.")
    page.fill("#id_commitment", COMMITMENT)
    page.check("form:has(#id_position) input[name=confirm]")
    page.get_by_role("button", name="Опубликовать ответ").click()
    assert page.get_by_text("Ответ опубликован рядом с ответами других кандидатов.").is_visible()
    card = page.locator("article.card", has_text="Айгүл Сейітова")
    assert card.locator("strong", has_text="Поддерживает").first.inner_text() == "Поддерживает"
    assert f"Обязательство: {COMMITMENT}" in card.inner_text()


def _sign_in_with_second_factor(page, username: str, device: TOTPDevice) -> None:
    sign_in(page, username)
    page.wait_for_url("**/accounts/two-factor/")
    page.fill("input[name=token]", current_code(device))
    page.get_by_role("button", name="Подтвердить").click()
    page.wait_for_load_state()


def _moderator_declares_elected_and_tracks(page, contest, candidate, mandate) -> Promise:
    page.goto("/ru/mandates/promises/elected/")
    assert page.locator("h1").inner_text() == "Записать, кто избран"
    page.select_option("#id_candidate", str(candidate.pk))
    page.select_option("#id_contest", str(contest.pk))
    page.fill("#id_declared_on", timezone.localdate().isoformat())
    page.fill("#id_source", "Постановление ЦИК № 12")
    page.check("form:has(#id_candidate) input[name=confirm]")
    page.get_by_role("button", name="Записать", exact=True).click()
    page.wait_for_url(f"**/mandates/promises/{candidate.pk}/")
    assert page.get_by_text("Записано: теперь обещания этого кандидата").is_visible()

    page.goto(f"/ru/mandates/{mandate.pk}/")
    assert page.get_by_text(f"«{COMMITMENT}»").is_visible()
    page.get_by_role("button", name="Отслеживать как обещание").click()
    page.wait_for_url("**/mandates/promises/p/*/")
    assert page.get_by_text("Обязательство теперь отслеживается как обещание.").is_visible()
    return Promise.objects.get(mandate=mandate)


def _scorecard_shows(page, candidate, promise: Promise) -> None:
    page.goto(f"/ru/mandates/promises/{candidate.pk}/")
    assert page.locator("h1").inner_text() == "Айгүл Сейітова"
    card = page.locator(".promise", has_text=TITLE)
    assert card.locator("h3").inner_text() == TITLE
    assert COMMITMENT in card.inner_text()
    assert card.locator(".status-label").inner_text() == "Ещё не оценено"


def _citizen_writes_the_appeal(page, promise: Promise) -> Appeal:
    page.goto(f"/ru/mandates/promises/p/{promise.pk}/")
    page.get_by_role(
        "link", name="Написать обращение в государственный орган по этому обещанию"
    ).click()
    page.wait_for_url(f"**/mandates/appeals/write/?promise={promise.pk}")
    assert page.get_by_text(f"Об обещании «{TITLE}», которое дал(а) Айгүл Сейітова.").is_visible()
    assert page.input_value("#id_subject") == TITLE
    assert page.locator("#id_body option:checked").inner_text() == AKIMAT
    page.fill("#id_text", "Прошу сообщить, когда начнётся ремонт дворовых дорог Сарыарки.")
    page.fill("#id_applicant_name", CITIZEN_NAME)
    page.fill("#id_applicant_contact", "Астана, проспект Абая, 10")
    page.get_by_role("button", name="Подготовить обращение").click()
    assert page.get_by_text("Обращение готово").is_visible()
    return Appeal.objects.get(promise=promise)


def _citizen_files_it(page, appeal: Appeal):
    text = _pdf_text(page)
    assert AKIMAT in text
    assert CITIZEN_NAME in text
    assert "Айгүл Сейітова" in text  # the promise it follows

    today = timezone.localdate()
    assert page.input_value("#id_filed_on") == today.isoformat()  # proposed: filed today
    page.select_option("#id_filed_via", "e_otinish")
    page.get_by_role("button", name="Отметить подачу").click()
    assert page.get_by_text("Подача записана").is_visible()
    due = answer_due(basis=Appeal.Basis.ADMINISTRATIVE, filed_on=today)
    assert page.get_by_text(f"срок ответа: {_ru_date(due)}").is_visible()
    # Once filed, the document carries the due date.
    assert f"Срок ответа: {_ru_date(due)}." in _pdf_text(page)
    assert page.input_value("#id_filed_on") == today.isoformat()  # the correction form
    appeal.refresh_from_db()
    assert (appeal.filed_on, appeal.due_on) == (today, due)


def _the_term_passes(appeal: Appeal) -> int:
    """Six weeks later, no answer: the dates aged in the database. Days overdue."""
    today = timezone.localdate()
    filed_on = today - timedelta(days=42)
    due = answer_due(basis=Appeal.Basis.ADMINISTRATIVE, filed_on=filed_on)
    Appeal.objects.filter(pk=appeal.pk).update(filed_on=filed_on, due_on=due)
    appeal.refresh_from_db()
    return (today - due).days


def _overdue_row(page, days: int):
    page.goto("/ru/mandates/appeals/overdue/")
    row = page.locator("#overdue tbody tr", has_text=AKIMAT)
    assert row.locator("td").nth(1).inner_text() == "Дороги и транспорт"
    assert row.locator("td").nth(4).inner_text() == str(days)
    assert CITIZEN_NAME not in page.content()
    assert TITLE not in page.content()  # the subject is the citizen's: not public
    return row


def _citizen_follows_the_email(page, mailoutbox, appeal: Appeal) -> None:
    (message,) = mailoutbox
    assert message.to == ["aset@example.org"]
    assert message.subject == f"Ответил ли {AKIMAT} на ваше обращение?"
    (link,) = re.findall(r"https?://\S+", message.body)
    assert link.endswith(f"/ru/mandates/appeals/{appeal.pk}/answer/")
    page.goto(link)
    assert page.locator("h1").inner_text() == "Пришёл ли настоящий ответ?"
    assert f"обратились в {AKIMAT}" in page.locator("main").inner_text()
    page.get_by_label("Ответа не было").check()
    page.get_by_role("button", name="Записать", exact=True).click()
    page.wait_for_url(f"**/mandates/appeals/{appeal.pk}/")
    assert page.get_by_text("Спасибо: ответ учтён на публичной странице органа.").is_visible()
    assert page.get_by_text("просрочено с").is_visible()
    answer = page.locator("h2:text-is('Ответ') + p")
    assert answer.inner_text() == "Ответа не было"
    assert page.input_value("#id_filed_on") == appeal.filed_on.isoformat()


def _body_counts_it(page, body, days: int) -> None:
    page.goto(f"/ru/mandates/appeals/bodies/{body.pk}/")
    assert page.locator("h1").inner_text() == AKIMAT
    cells = page.locator("#figures tbody td").all_inner_texts()
    # received, real answers, rate (95 % interval), on time, median days, overdue now
    assert cells == ["1", "0", "0% (0–79%)", "—", "—", "1"]
    overdue_now = page.locator("table", has_text="Дней просрочки").last
    assert overdue_now.locator("tbody td").nth(3).inner_text() == str(days)
    assert CITIZEN_NAME not in page.content()


def test_the_chain_from_a_mandate_to_a_counted_non_answer(
    new_page, live_server, settings, mailoutbox
):
    settings.AMANAT_REQUIRE_2FA = True  # the moderator signs in as in production
    settings.AMANAT_BASE_URL = live_server.url  # the e-mail's link leads to this server
    contest = contest_create(ElectionFactory(election_day=timezone.localdate() - timedelta(3)))
    candidate = contest.options.get(position=1).candidate
    TeamMember.objects.create(
        user=UserFactory(username="team", role="candidate_team"), candidate=candidate
    )
    moderator = UserFactory(username="moder", role="moderator")
    device = TOTPDevice.objects.create(user=moderator, name="phone", confirmed=True)
    ConfirmedFactory(username="aset", email="aset@example.org", preferred_language="ru")
    akimat = StateBodyFactory(name_ru=AKIMAT, name_kk="Астана қаласының әкімдігі")
    citizen, team, staff, public = new_page(), new_page(), new_page(), new_page()

    # 1-2. The citizen's mandate; the candidate's team answers it, and the citizen sees it.
    mandate = _citizen_writes_the_mandate(citizen, akimat.region)
    _team_answers(team, mandate)
    citizen.reload()
    assert f"Обязательство: {COMMITMENT}" in citizen.locator("article.card").inner_text()

    # 3. Elected; the commitment tracked as a promise, on the public scorecard.
    _sign_in_with_second_factor(staff, "moder", device)
    promise = _moderator_declares_elected_and_tracks(staff, contest, candidate, mandate)
    _scorecard_shows(public, candidate, promise)

    # 4. The citizen's appeal about the promise: the PDF, the filing.
    appeal = _citizen_writes_the_appeal(citizen, promise)
    _citizen_files_it(citizen, appeal)
    public.goto("/ru/mandates/appeals/overdue/")
    assert public.locator("#overdue tbody tr", has_text=AKIMAT).count() == 0

    # 5. The term passes: the appeal is on the public overdue list.
    days = _the_term_passes(appeal)
    _overdue_row(public, days)

    # 6. The overdue task asks the citizen once; the citizen follows the e-mail's link.
    assert appeals_ask_overdue_task() == 1
    assert appeals_ask_overdue_task() == 0
    _citizen_follows_the_email(citizen, mailoutbox, appeal)
    appeal.refresh_from_db()
    assert (appeal.outcome, appeal.answered_on) == (Appeal.Outcome.NONE, None)

    # 7. The akimat's public page counts it: received, not answered, overdue; and "no answer
    # came" keeps it on the overdue list.
    _body_counts_it(public, akimat, days)
    _overdue_row(public, days)
