"""The pages of appeals: only the author sees an appeal's personal data; the public overdue
list and the bodies' pages show bodies, topics and dates, never names, contacts or texts."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.models import Appeal

from .appeals_clock import set_today
from .factories import ConfirmedFactory, MandateFactory
from .factories_appeals import AppealFactory, StateBodyFactory

pytestmark = pytest.mark.django_db
PRIVATE = ["Асель Нұрланқызы Серікова", "+7 701 555 12 34", "Аулалардағы жолдар көктемде"]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def overdue_appeal(monkeypatch):
    set_today(monkeypatch, date(2026, 12, 10))
    appeal = AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23),
                           filed_via="post")  # fmt: skip
    return appeal


@pytest.mark.parametrize("name", ["appeal", "appeal_report"])
def test_only_the_author_sees_the_appeal(client, overdue_appeal, name):
    url = reverse(f"mandates:{name}", kwargs={"pk": overdue_appeal.pk})
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory(role="moderator"))
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(role="admin"))
    assert client.get(url).status_code == 404
    client.force_login(overdue_appeal.author)
    page = client.get(url)
    assert page.status_code == 200
    if name == "appeal":
        for text in PRIVATE:
            assert text in page.content.decode()


def test_another_person_cannot_file_extend_or_answer(client, overdue_appeal):
    client.force_login(UserFactory())
    pk = overdue_appeal.pk
    for name, data in [
        ("appeal_filing", {"filed_on": "2026-12-01", "filed_via": "post"}),
        ("appeal_extension", {"extended_to": "2026-12-20", "notice_on": "2026-11-20"}),
        ("appeal_report", {"outcome": "real", "answered_on": "2026-12-01"}),
    ]:
        assert client.post(reverse(f"mandates:{name}", kwargs={"pk": pk}), data).status_code == 404
    overdue_appeal.refresh_from_db()
    assert (overdue_appeal.filed_on, overdue_appeal.extended_to, overdue_appeal.outcome) == (
        date(2026, 11, 2), None, "",
    )  # fmt: skip


def test_the_public_pages_show_no_personal_data(client, overdue_appeal):
    body = overdue_appeal.body
    for url in [reverse("mandates:appeals_overdue"), reverse("mandates:appeal_bodies"),
                reverse("mandates:appeal_body", kwargs={"pk": body.pk})]:  # fmt: skip
        page = client.get(url).content.decode()
        assert body.name_ru in page or body.name_kk in page
        for text in [*PRIVATE, overdue_appeal.subject]:
            assert text not in page
    rows = client.get(reverse("mandates:appeals_overdue")).content.decode()
    assert "<td>17</td>" in rows  # 23 November → 10 December


def test_the_overdue_list_searches_paginates_and_explains_when_empty(client, monkeypatch):
    set_today(monkeypatch, date(2026, 12, 10))
    assert (
        "No appeal is overdue" in client.get(reverse("mandates:appeals_overdue")).content.decode()
    )
    other = StateBodyFactory(name_ru="Министерство просвещения", name_kk="Оқу-ағарту министрлігі")
    for _n in range(55):
        AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23))
    AppealFactory(body=other, filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23))
    AppealFactory(body=other, filed_on=date(2026, 11, 2), due_on=date(2026, 12, 20))  # in term
    url = reverse("mandates:appeals_overdue")
    assert client.get(url).content.decode().count("<tr><td>") == 50
    assert client.get(url, {"page": 2}).content.decode().count("<tr><td>") == 6
    found = client.get(url, {"q": "просвещ"}).content.decode()
    assert found.count("<tr><td>") == 1
    assert (
        "No overdue appeal to a body of this name" in client.get(url, {"q": "zzz"}).content.decode()
    )


def test_writing_from_a_mandate_prefills_and_is_idempotent(client):
    mandate = MandateFactory(title="Аулаларды абаттандыру", text="Аулаларды абаттандыру керек.")
    body = StateBodyFactory()
    author = ConfirmedFactory(first_name="Асель", last_name="Серікова")
    client.force_login(author)
    url = reverse("mandates:appeal_write") + f"?mandate={mandate.pk}"
    form = client.get(url).content.decode()
    assert "Аулаларды абаттандыру" in form
    assert f'<option value="{body.pk}" selected>' in form
    data = {"body": body.pk, "topic": "roads", "subject": "Аулаларды абаттандыру",
            "text": "Аулаларды абаттандыру керек, балалар ойнайтын жер жоқ.", "language": "kk",
            "applicant_name": "Асель Серікова", "applicant_contact": "Астана, Абай 10",
            "client_id": "7d4f0a5e-1c1b-4e0e-9a55-0e5b3d6c9a11"}  # fmt: skip
    first = client.post(url, data)
    second = client.post(url, data)
    appeal = Appeal.objects.get()
    assert (
        first["Location"]
        == second["Location"]
        == reverse("mandates:appeal", kwargs={"pk": appeal.pk})
    )
    assert (appeal.mandate, appeal.author, appeal.basis) == (mandate, author, "administrative")
    bad = client.post(
        url, {**data, "client_id": "0d4f0a5e-1c1b-4e0e-9a55-0e5b3d6c9a11", "text": "x"}
    )
    assert bad.status_code == 400
    assert Appeal.objects.count() == 1


def test_filing_and_answer_from_the_pages_confirm_and_refuse_bad_dates(client, monkeypatch):
    set_today(monkeypatch, date(2026, 12, 10))
    appeal = AppealFactory()
    client.force_login(appeal.author)
    filing = reverse("mandates:appeal_filing", kwargs={"pk": appeal.pk})
    page = client.post(filing, {"filed_on": "2026-12-07", "filed_via": "e_otinish"}, follow=True)
    assert "Filing recorded" in page.content.decode()
    appeal.refresh_from_db()
    assert appeal.due_on == date(2026, 12, 29)
    future = client.post(filing, {"filed_on": "2026-12-11", "filed_via": "post"}, follow=True)
    assert "cannot be in the future" in future.content.decode()
    report = reverse("mandates:appeal_report", kwargs={"pk": appeal.pk})
    missing = client.post(report, {"outcome": "real"})
    assert missing.status_code == 400
    client.post(report, {"outcome": "formal", "answered_on": "2026-12-09"})
    appeal.refresh_from_db()
    assert (appeal.outcome, appeal.answered_on) == ("formal", date(2026, 12, 9))


def test_the_citizens_own_list_shows_only_theirs(client):
    mine = AppealFactory(subject="Менің өтінішім")
    AppealFactory(subject="Басқа адамның өтініші")
    client.force_login(mine.author)
    page = client.get(reverse("mandates:appeals_mine")).content.decode()
    assert "Менің өтінішім" in page
    assert "Басқа адамның өтініші" not in page


@pytest.mark.parametrize("name", ["appeals_overdue", "appeal_bodies"])
def test_the_public_lists_read_the_same_number_of_queries_for_more_rows(client, monkeypatch, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    set_today(monkeypatch, date(2026, 12, 10))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(f"mandates:{name}")).status_code == 200
        return len(captured)

    AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23))
    few = queries()
    for _ in range(6):
        AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23))
    assert queries() == few
