"""In a real browser: a moderator turns an elected candidate's commitment into a promise from
the mandate's page and rates it with dated evidence; the public scorecard shows it."""

import datetime

import pytest
from django.utils import timezone

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.models import Promise

from .factories import sign_in
from .promise_setup import answer_with_commitment, elect, past_contest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_moderator_tracks_and_rates_a_promise(page, settings):
    settings.AMANAT_REQUIRE_2FA = False
    contest = past_contest()
    elected = elect(contest)
    answer = answer_with_commitment(contest, elected)
    UserFactory(username="moder", role="moderator")
    sign_in(page, "moder")
    page.goto(f"/ru/mandates/{answer.mandate_id}/")
    page.get_by_role("button", name="Отслеживать как обещание").click()
    page.wait_for_url("**/mandates/promises/p/*/")
    assert page.get_by_text("Обязательство теперь отслеживается как обещание.").is_visible()
    page.select_option("#id_status", "kept")
    day = timezone.localdate() - datetime.timedelta(days=2)
    page.fill("#id_evidence_date", day.isoformat())
    page.fill("#id_evidence", "Жол жөнделді, әкімдік қабылдау актісіне қол қойды.")
    page.fill("#id_source_url", "https://akimat.kz/act-12")
    page.check("form:has(#id_status) input[name=confirm]")
    page.get_by_role("button", name="Записать оценку").click()
    assert page.get_by_text("Оценка записана в историю вместе с доказательством.").is_visible()
    assert Promise.objects.get().status == "kept"

    page.context.clear_cookies()
    page.goto(f"/kk/mandates/promises/{elected.pk}/")
    counts = page.locator(".promise-counts")
    assert "Орындалды: 1" in counts.inner_text()
    assert page.locator(".promise.status-kept h3").inner_text() == answer.mandate.title
