"""In a real browser: a citizen votes on every statement with the buttons (htmx), then sees
the report with the map of groups, the consensus and the bars."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from amanat.accounts.tests.browser import sign_in
from amanat.dialogue.models import Conversation, Statement, Vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_vote_on_statements_then_see_the_report(new_page, make_user):
    conversation = Conversation.objects.create(
        title_ru="Как следить за подсчётом?", title_en="How to watch the count?"
    )
    texts = [f"Утверждение номер {i}" for i in range(8)]
    statements = [
        Statement.objects.create(
            conversation=conversation, text=t, origin="seed", status="accepted", language="ru"
        )
        for t in texts
    ]
    now = timezone.now()
    voices = [make_user(username=f"voice{p}") for p in range(12)]
    Vote.objects.bulk_create(
        Vote(
            conversation=conversation,
            statement=s,
            participant=user,
            value=1 if i == 0 or (p < 6) == (i % 2 == 0) else -1,
            voted_at=now,
        )
        for p, user in enumerate(voices)
        for i, s in enumerate(statements)
    )
    make_user(username="citizen1", password="citizen pass 2026")
    page = new_page()
    sign_in(page, "citizen1", "citizen pass 2026")
    page.goto("/ru/dialogue/")
    page.get_by_role("link", name="Голосовать").first.click()
    for done in range(8):
        expect(page.locator("#vote-card")).to_contain_text(f"Вы проголосовали по {done} из 8")
        page.get_by_role("button", name="Согласен", exact=True).click()
    expect(page.locator("#vote-card")).to_contain_text("Вы проголосовали по всем утверждениям")
    assert Vote.objects.filter(participant__username="citizen1", value=1).count() == 8
    # The votes asked for the analysis (run in process here, in the background in production).
    page.get_by_role("link", name="Посмотреть отчёт").click()
    expect(page.locator("figure.opinion-map svg circle[r='1.6']")).to_have_count(13)
    expect(page.locator(".group-key")).to_contain_text("Группа 1")
    expect(page.locator(".group-key")).to_contain_text("Группа 2")
    expect(page.locator("main")).to_contain_text("С чем согласно большинство")
    expect(page.locator(".card").filter(has_text=texts[0]).first).to_be_visible()
