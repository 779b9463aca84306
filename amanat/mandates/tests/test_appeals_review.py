"""Review fixes of appeals (issue 20): the admin hides personal data, date inputs keep their
ISO value in every language, the document carries what the Code requires, terms follow the
receipt and the campaign period, links lead to writing an appeal."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from amanat.accounts.tests.factories import UserFactory

from .appeals_clock import set_today
from .factories_appeals import AppealFactory

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
