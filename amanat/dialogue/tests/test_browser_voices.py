"""In a real browser: an expert applies to be verified, a moderator approves, and the badge
with the verified capacity appears on the expert's statement; then a reader reports it."""

import pytest
from playwright.sync_api import expect

from amanat.accounts.roles import Role
from amanat.accounts.tests.browser import sign_in
from amanat.dialogue.models import Conversation, Statement
from amanat.dialogue.models_moderation import Report
from amanat.dialogue.models_voices import VoiceApplication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "voices pass 2026"


def test_apply_as_an_expert_then_approval_shows_the_badge(new_page, make_user):
    expert = make_user(
        username="aigerim", first_name="Айгерим", last_name="Садыкова", role=Role.EXPERT,
        password=PASSWORD,
    )  # fmt: skip
    make_user(username="moder1", role=Role.MODERATOR, password=PASSWORD)
    make_user(username="reader1", password=PASSWORD)
    conversation = Conversation.objects.create(title_ru="Как следить за подсчётом?")
    Statement.objects.create(
        conversation=conversation, text="Протоколы нужно публиковать сразу", author=expert,
        origin="participant", status="accepted", language="ru",
    )  # fmt: skip

    page = new_page()
    sign_in(page, "aigerim", PASSWORD)
    page.goto("/ru/dialogue/voices/apply/")
    page.get_by_label("Я выступаю как").select_option("expert")
    page.get_by_label("Организация").fill("Институт электоральных исследований")
    page.get_by_label("Кто вы и почему высказываетесь").fill(
        "Изучаю избирательное законодательство двенадцать лет."
    )
    page.get_by_role("button", name="Отправить заявку").click()
    expect(page.locator(".voice-application")).to_contain_text("Ожидает проверки")
    assert VoiceApplication.objects.get().status == "pending"

    reader = new_page()
    sign_in(reader, "reader1", PASSWORD)
    reader.goto(f"/ru/dialogue/{conversation.pk}/")
    expect(reader.locator("#vote-card")).to_contain_text("Айгерим Садыкова")
    expect(reader.locator("#vote-card .voice-badge")).to_have_count(0)

    moderator = new_page()
    sign_in(moderator, "moder1", PASSWORD)
    moderator.goto("/ru/dialogue/voices/queue/")
    card = moderator.locator(".voice-application").filter(has_text="Айгерим Садыкова")
    card.get_by_role("button", name="Подтвердить").click()
    expect(moderator.locator("main")).to_contain_text("значок показан на каждом сообщении")

    reader.reload()
    expect(reader.locator("#vote-card .voice-badge")).to_have_text("✓ Эксперт")
    page.goto("/ru/dialogue/voices/")
    expect(page.locator("main")).to_contain_text("Айгерим Садыкова")

    # The reader reports the statement in place (htmx) and is thanked.
    reader.locator("#vote-card summary", has_text="Пожаловаться").click()
    reader.locator("#vote-card select[name=reason]").select_option("off_topic")
    reader.get_by_role("button", name="Отправить жалобу").click()
    expect(reader.locator("#vote-card")).to_contain_text("модератор рассмотрит сообщение")
    assert Report.objects.get().reason == "off_topic"
