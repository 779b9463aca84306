"""In a real browser: a citizen is offered a similar mandate while typing and supports it;
a candidate's team answers it, and the answer shows beside the mandate."""

import pytest

from amanat.accounts.tests.factories import UserFactory
from amanat.mandates.models import Answer, Support, TeamMember
from amanat.observers.tests.factories import ElectionFactory
from amanat.results.tests.protocol_setup import contest_create

from .factories import ConfirmedFactory, MandateFactory, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_citizen_supports_a_suggested_mandate_and_a_team_answers(page):
    contest = contest_create(ElectionFactory())
    mandate = MandateFactory(title="Жолдарды жөндеу", text="Көшедегі жолдар шұңқырға толы.")
    ConfirmedFactory(username="aset")
    sign_in(page, "aset")
    page.goto("/ru/mandates/write/")
    page.type("#id_title", "Жолды жөндеу керек", delay=10)
    suggestion = page.locator("#similar a", has_text="Жолдарды жөндеу")
    suggestion.wait_for()
    suggestion.click()
    page.wait_for_url(f"**/mandates/{mandate.pk}/")
    page.check("input[name=confirm]")
    page.get_by_role("button", name="Поддержать").click()
    assert page.get_by_text("Вы поддерживаете этот наказ.").is_visible()
    assert Support.objects.filter(mandate=mandate, user__username="aset").count() == 1

    team = UserFactory(username="team", role="candidate_team")
    candidate = contest.options.filter(candidate__isnull=False).first().candidate
    TeamMember.objects.create(user=team, candidate=candidate)
    page.context.clear_cookies()
    sign_in(page, "team")
    page.goto(f"/ru/mandates/{mandate.pk}/")
    page.select_option("#id_position", "partly")
    page.fill("#id_text", "Поддерживаем частично: начнём с центральных улиц.")
    page.check("form:has(#id_position) input[name=confirm]")
    page.get_by_role("button", name="Опубликовать ответ").click()
    assert page.locator("article.card strong", has_text="Поддерживает частично").is_visible()
    assert Answer.objects.get(mandate=mandate).candidate == candidate
