"""In a real browser: a citizen opens a debate, adds an argument on each side and a comment
with a stance, then a reply (htmx swaps each part in place, with its confirmation)."""

import pytest
from playwright.sync_api import expect

from amanat.accounts.tests.browser import sign_in
from amanat.dialogue.models_debates import Argument, Comment, Debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_open_a_debate_argue_both_sides_and_comment(new_page, make_user):
    make_user(username="citizen1", password="citizen pass 2026")
    page = new_page()
    sign_in(page, "citizen1", "citizen pass 2026")
    page.goto("/ru/dialogue/debates/")
    expect(page.locator("main")).to_contain_text("Дебатов пока нет")
    page.get_by_role("link", name="Открыть дебаты").click()
    page.get_by_label("Вопрос для обсуждения").fill("Публиковать ли фото протоколов?")
    page.locator("textarea[name=text]").fill("Фото протокола каждого участка на сайте за час.")
    page.locator("select[name=topic]").select_option("counting")
    page.get_by_role("button", name="Открыть дебаты").click()
    expect(page.locator(".messages")).to_contain_text("Ваши дебаты открыты")
    expect(page.locator("h1")).to_have_text("Публиковать ли фото протоколов?")

    for side, summary, title in [
        ("for", "Добавить аргумент за", "Быстрая проверка итогов"),
        ("against", "Добавить аргумент против", "Подписи членов комиссии"),
    ]:
        column = page.locator(f"#side-{side}")
        column.get_by_text(summary).click()
        column.get_by_label("Ваш аргумент в нескольких словах").fill(title)
        column.get_by_label("Поясните его").fill("Потому что это видно каждому избирателю.")
        column.get_by_role("button", name="Добавить аргумент").click()
        expect(page.locator(f"#side-{side} .confirm")).to_have_text("Ваш аргумент добавлен.")
        expect(page.locator(f"#side-{side} article h3")).to_have_text(title)

    comments = page.locator("#comments")
    comments.get_by_label("Против").check()
    comments.get_by_label("Ваш комментарий").fill("Сначала нужна проверка комиссией.")
    comments.get_by_role("button", name="Опубликовать комментарий").click()
    expect(page.locator("#comments .confirm")).to_have_text("Ваш комментарий добавлен.")
    expect(page.locator("#comments .comment .stance")).to_have_text("Против")
    page.locator("#comments .reply summary").click()
    page.locator("#comments .reply textarea").fill("А кто её проведёт?")
    page.locator("#comments .reply").get_by_role("button", name="Ответить").click()
    expect(page.locator("#comments .confirm")).to_have_text("Ваш ответ добавлен.")
    expect(page.locator("#comments .replies")).to_contain_text("А кто её проведёт?")

    debate = Debate.objects.get()
    assert (debate.author.username, debate.topic, debate.language) == ("citizen1", "counting", "ru")
    assert sorted(Argument.objects.values_list("side", flat=True)) == ["against", "for"]
    top, reply = Comment.objects.order_by("pk")
    assert (top.stance, reply.parent_id, reply.stance) == ("against", top.pk, "")
