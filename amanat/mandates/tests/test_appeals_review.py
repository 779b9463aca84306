"""Review fixes of appeals (issue 20): the admin hides personal data, date inputs keep their
ISO value in every language, the document carries what the Code requires, terms follow the
receipt and the campaign period, links lead to writing an appeal."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.documents_appeals import appeal_file_bytes
from amanat.mandates.services_appeals import AppealRefused, appeal_extend

from .appeals_clock import set_today
from .factories import ConfirmedFactory
from .factories_appeals import AppealFactory, StateBodyFactory, docx_text

pytestmark = pytest.mark.django_db


def test_the_admin_shows_no_personal_data_and_changes_nothing(client):
    appeal = AppealFactory(text="Жеке мәтін: аулада су тұрып қалады.")
    client.force_login(UserFactory(role="admin", is_staff=True, is_superuser=True))
    listing = client.get(reverse("admin:mandates_appeal_changelist")).content.decode()
    page = client.get(reverse("admin:mandates_appeal_change", args=[appeal.pk]))
    assert page.status_code == 200
    for private in (appeal.applicant_name, appeal.applicant_contact, appeal.text, appeal.subject):
        assert private not in page.content.decode()
        assert private not in listing
    assert client.get(reverse("admin:mandates_appeal_add")).status_code == 403


def test_date_inputs_keep_the_iso_value_in_russian(client, monkeypatch):
    set_today(monkeypatch, date(2026, 12, 10))
    appeal = AppealFactory(filed_on=date(2026, 11, 6), due_on=date(2026, 11, 27),
                           filed_via="e_otinish")  # fmt: skip
    client.force_login(appeal.author)
    with translation.override("ru"):
        page = client.get(reverse("mandates:appeal", args=[appeal.pk]),
                          HTTP_ACCEPT_LANGUAGE="ru").content.decode()  # fmt: skip
    assert 'value="2026-11-06"' in page
    assert "06.11.2026" not in page


def test_the_document_buttons_wrap_on_a_narrow_screen(client):
    appeal = AppealFactory()
    client.force_login(appeal.author)
    page = client.get(reverse("mandates:appeal", args=[appeal.pk])).content.decode()
    assert '<p class="inline-form"><a class="button"' in page


def test_a_promise_links_to_an_appeal_about_it(client):
    from .promise_setup import elect, past_contest, promise_for

    promise = promise_for(elect(past_contest()))
    url = reverse("mandates:promise", args=[promise.pk])
    link = f"{reverse('mandates:appeal_write')}?promise={promise.pk}"
    assert link not in client.get(url).content.decode()  # signed out: no link
    citizen = ConfirmedFactory()
    client.force_login(citizen)
    with translation.override("en"):
        assert link in client.get(url).content.decode()
        form = client.get(link).content.decode()
    assert promise.title in form


def test_the_body_page_preselects_the_body(client):
    body = StateBodyFactory()
    StateBodyFactory()  # another body: not chosen
    client.force_login(ConfirmedFactory())
    link = f"{reverse('mandates:appeal_write')}?body={body.pk}"
    assert link in client.get(reverse("mandates:appeal_body", args=[body.pk])).content.decode()
    form = client.get(link).content.decode()
    assert f'<option value="{body.pk}" selected>' in form


def test_ids_that_are_not_decimal_numbers_choose_nothing(client):
    # "²".isdigit() is true but int("²") fails: the write page must not fall over on it.
    client.force_login(ConfirmedFactory())
    for name in ("mandate", "promise", "body"):
        page = client.get(reverse("mandates:appeal_write"), {name: "²"})
        assert page.status_code == 200, name


def test_a_notice_dated_after_the_due_date_does_not_extend_the_term(monkeypatch):
    set_today(monkeypatch, date(2026, 12, 10))
    appeal = AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23),
                           filed_via="e_otinish")  # fmt: skip
    with translation.override("ru"), pytest.raises(AppealRefused, match="23 ноября 2026"):
        appeal_extend(appeal=appeal, extended_to=date(2026, 12, 20), notice_on=date(2026, 11, 24))
    appeal.refresh_from_db()
    assert appeal.extended_to is None
    assert appeal.days_overdue(date(2026, 12, 10)) == 17
    appeal_extend(appeal=appeal, extended_to=date(2026, 12, 20), notice_on=date(2026, 11, 23))
    appeal.refresh_from_db()
    assert appeal.extended_to == date(2026, 12, 20)


@pytest.mark.parametrize(("language", "first", "extension"), [
    ("ru", "Срок ответа: 23 ноября 2026",
     "Орган продлил срок до 20 декабря 2026 уведомлением от 20 ноября 2026"),
    ("kk", "23 қараша 2026", "20 желтоқсан 2026"),
])  # fmt: skip
def test_the_document_prints_the_first_due_date_and_the_extension(
    monkeypatch, language, first, extension
):
    set_today(monkeypatch, date(2026, 12, 10))
    appeal = AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23), language=language,
                           filed_via="e_otinish")  # fmt: skip
    appeal_extend(appeal=appeal, extended_to=date(2026, 12, 20), notice_on=date(2026, 11, 20))
    appeal.refresh_from_db()
    text = docx_text(appeal_file_bytes(appeal, "docx"))
    assert first in text
    assert extension in text
    term = next(line for line in text.splitlines() if first in line)
    assert term.index(first) < term.index(extension)


@pytest.mark.parametrize(("language", "lines"), [
    ("ru", ["От: Асель Нұрланқызы Серікова", "ИИН / ЖСН: ____________",
            "Почтовый адрес: Астана, Абай даңғылы, 10-25", "Телефон: +7 701 555 12 34"]),
    ("kk", ["Асель Нұрланқызы Серікова", "ЖСН / ИИН: ____________",
            "Пошталық мекенжайы: Астана, Абай даңғылы, 10-25", "Телефоны: +7 701 555 12 34"]),
])  # fmt: skip
def test_the_document_has_the_postal_address_and_a_blank_iin_line(language, lines):
    appeal = AppealFactory(language=language, applicant_contact="Астана, Абай даңғылы, 10-25",
                           applicant_phone="+7 701 555 12 34")  # fmt: skip
    text = docx_text(appeal_file_bytes(appeal, "docx"))
    for line in lines:
        assert line in text


def test_the_form_requires_a_postal_address_and_not_a_phone():
    from amanat.mandates.forms_appeals import AppealForm

    body = StateBodyFactory()
    data = {"body": body.pk, "topic": "roads", "subject": "Жолдарды жөндеу",
            "text": "Аулалардағы жолдар көктемде су астында қалады.", "language": "kk",
            "applicant_name": "Асель Серікова",
            "client_id": "6f1c3d1e-0d7b-4a0c-9d5e-1b1a2c3d4e5f"}  # fmt: skip
    assert "applicant_contact" in AppealForm(data).errors
    assert AppealForm({**data, "applicant_contact": "Астана, Абай 10"}).is_valid()


def test_by_post_the_term_runs_from_the_day_the_body_received_it(monkeypatch):
    from amanat.mandates.selectors_appeals import accountability, appeals_overdue
    from amanat.mandates.services_appeals import appeal_file

    set_today(monkeypatch, date(2026, 12, 28))
    appeal = AppealFactory()
    appeal_file(appeal=appeal, filed_on=date(2026, 11, 2), filed_via="post")
    appeal.refresh_from_db()
    assert appeal.due_on is None  # receipt unknown: no due date, not overdue, not counted
    assert appeal not in appeals_overdue(today=date(2026, 12, 28))
    (figures,) = accountability(today=date(2026, 12, 28), bodies=type(appeal.body).objects.filter(
        pk=appeal.body_id))  # fmt: skip
    assert (figures.received, figures.overdue) == (0, 0)
    # received Tuesday 10 November: 15 working days from the 11th, not from the posting day
    appeal_file(appeal=appeal, filed_on=date(2026, 11, 2), filed_via="post",
                received_on=date(2026, 11, 10))  # fmt: skip
    appeal.refresh_from_db()
    assert appeal.due_on == date(2026, 12, 1)
    assert appeal in appeals_overdue(today=date(2026, 12, 28))
    with pytest.raises(AppealRefused):
        appeal_file(appeal=appeal, filed_on=date(2026, 11, 2), filed_via="post",
                    received_on=date(2026, 10, 30))  # before posting  # fmt: skip


def test_online_the_filing_day_is_the_receipt_day(monkeypatch):
    from amanat.mandates.services_appeals import appeal_file

    set_today(monkeypatch, date(2026, 12, 28))
    appeal = AppealFactory()
    appeal_file(appeal=appeal, filed_on=date(2026, 11, 2), filed_via="e_otinish",
                received_on=date(2026, 11, 20))  # ignored: online, the filing day  # fmt: skip
    appeal.refresh_from_db()
    assert (appeal.received_on, appeal.due_on) == (date(2026, 11, 2), date(2026, 11, 23))


def _to_commission(election=None, **kw):
    from amanat.mandates.models import StateBody

    from .factories import MandateFactory

    commission = StateBodyFactory(kind=StateBody.Kind.ELECTION_COMMISSION, region=None)
    mandate = MandateFactory(election=election) if election else None
    return AppealFactory(body=commission, mandate=mandate, **kw)


def test_a_commission_answers_in_five_days_only_while_the_campaign_is_open(monkeypatch):
    from amanat.mandates.services_appeals import appeal_file
    from amanat.observers.tests.factories import ElectionFactory

    set_today(monkeypatch, date(2026, 12, 28))
    election = ElectionFactory(election_day=date(2026, 11, 29))  # nomination from 2 October
    during = _to_commission(election)
    appeal_file(appeal=during, filed_on=date(2026, 11, 2), filed_via="in_person")
    during.refresh_from_db()
    assert (during.basis, during.due_on) == ("elections", date(2026, 11, 7))
    long_after = _to_commission(election)  # results published by 6 December
    appeal_file(appeal=long_after, filed_on=date(2026, 12, 14), filed_via="in_person")
    long_after.refresh_from_db()
    assert long_after.basis == "administrative"
    # 15 working days past Independence Day, New Year (2 Jan on Saturday: Monday 4 off) and
    # Orthodox Christmas (7 Jan)
    assert long_after.due_on == date(2027, 1, 8)
    direct = _to_commission(basis="elections")  # no mandate: any election open that day
    appeal_file(appeal=direct, filed_on=date(2026, 12, 14), filed_via="in_person")
    direct.refresh_from_db()
    assert (direct.basis, direct.due_on) == ("administrative", date(2027, 1, 8))
    appeal_file(appeal=direct, filed_on=date(2026, 11, 3), filed_via="in_person")
    direct.refresh_from_db()
    assert (direct.basis, direct.due_on) == ("elections", date(2026, 11, 8))


def test_only_a_confirmed_person_writes_an_appeal(client):
    url = reverse("mandates:appeal_write")
    client.force_login(UserFactory())
    page = client.get(url)
    assert page.status_code == 403
    assert "mandates:phone" not in page.content.decode()
    assert reverse("mandates:phone") in page.content.decode()
    body = StateBodyFactory()
    refused = client.post(url, {"body": body.pk, "topic": "roads", "subject": "Жолдар туралы",
                                "text": "Аулалардағы жолдар көктемде су астында қалады.",
                                "language": "kk", "applicant_name": "Асель Серікова",
                                "applicant_contact": "Астана, Абай 10",
                                "client_id": "6f1c3d1e-0d7b-4a0c-9d5e-1b1a2c3d4e5f"})  # fmt: skip
    assert refused.status_code == 403
    assert not body.appeals.exists()
    client.force_login(ConfirmedFactory())
    assert client.get(url).status_code == 200


def test_one_persons_appeals_to_one_body_count_once_a_month(monkeypatch):
    from amanat.mandates.models import StateBody
    from amanat.mandates.selectors_appeals import accountability

    set_today(monkeypatch, date(2027, 3, 1))
    body, author = StateBodyFactory(), UserFactory()
    for filed, due in [
        (date(2026, 11, 2), date(2026, 11, 23)),
        (date(2026, 11, 20), date(2026, 12, 11)),  # 18 days later: not counted
        (date(2026, 12, 7), date(2026, 12, 29)),
    ]:  # 35 days after the first
        AppealFactory(author=author, body=body, filed_on=filed, due_on=due, filed_via="post")
    AppealFactory(body=body, filed_on=date(2026, 11, 3), due_on=date(2026, 11, 24),
                  filed_via="post")  # another person  # fmt: skip
    (figures,) = accountability(today=date(2027, 3, 1), bodies=StateBody.objects.filter(pk=body.pk))
    assert (figures.received, figures.overdue) == (3, 3)
