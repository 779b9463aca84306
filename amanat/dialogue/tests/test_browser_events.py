"""In a real browser, two people: a participant asks a live question, a moderator marks it
live and then answered, and the participant's list (htmx polling) and the hall's screen follow
without a reload."""

import pytest
from playwright.sync_api import expect

from amanat.accounts.roles import Role
from amanat.accounts.tests.browser import sign_in
from amanat.dialogue.models import LiveQuestion

from .factories_events import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUESTION = "Когда появятся копии протоколов с участков?"


def test_ask_a_live_question_then_the_moderator_marks_it_answered(new_page, make_user):
    event = EventFactory(title_ru="Брифинг о подсчёте", capacity=10)
    make_user(username="citizen1", password="citizen pass 2026", first_name="Нурлан")
    make_user(username="moder1", password="moder pass 2026", role=Role.MODERATOR)
    participant, moderator, hall = new_page(), new_page(), new_page()

    sign_in(participant, "citizen1", "citizen pass 2026")
    participant.goto(f"/ru/dialogue/events/{event.pk}/")
    participant.get_by_role("button", name="Зарегистрироваться").click()
    expect(participant.locator(".messages")).to_contain_text("Вы зарегистрированы")
    participant.get_by_label("Ваш вопрос").fill(QUESTION)
    participant.get_by_label("Спросить анонимно").check()
    participant.get_by_role("button", name="Спросить", exact=True).click()
    expect(participant.locator(".messages")).to_contain_text("Спасибо: ваш вопрос в списке")
    mine = participant.locator(".question", has_text=QUESTION)
    expect(mine).to_contain_text("Новый")
    expect(mine).to_contain_text("Анонимно")
    expect(mine).not_to_contain_text("Нурлан")

    hall.goto(f"/ru/dialogue/events/{event.pk}/screen/")
    expect(hall.locator("#screen")).to_contain_text("Следующий вопрос появится здесь")

    sign_in(moderator, "moder1", "moder pass 2026")
    moderator.goto(f"/ru/dialogue/events/{event.pk}/")
    card = moderator.locator(".question", has_text=QUESTION)
    card.get_by_role("button", name="Сейчас в эфире").click()
    expect(card).to_contain_text("Сейчас в эфире")
    # The participant's list and the hall's screen update by themselves (htmx polling).
    expect(mine).to_contain_text("Сейчас в эфире", timeout=12_000)
    expect(hall.locator(".screen-live blockquote")).to_have_text(QUESTION, timeout=12_000)

    card.get_by_role("button", name="Отвечен").click()
    expect(card.locator(".question-state")).to_have_text("Отвечен")
    expect(mine.locator(".question-state")).to_have_text("Отвечен", timeout=12_000)
    expect(hall.locator("#screen")).to_contain_text("Следующий вопрос появится здесь",
                                                    timeout=12_000)  # fmt: skip
    question = LiveQuestion.objects.get()
    assert (question.state, question.anonymous) == ("answered", True)


def test_the_list_refresh_waits_while_a_report_form_is_open(new_page, make_user):
    from .factories_events import LiveQuestionFactory

    event = EventFactory(title_ru="Брифинг о подсчёте", capacity=10)
    LiveQuestionFactory(event=event, text="Грубый вопрос?", language="ru")
    make_user(username="citizen2", password="citizen pass 2026")
    page = new_page()
    sign_in(page, "citizen2", "citizen pass 2026")
    page.goto(f"/ru/dialogue/events/{event.pk}/")
    card = page.locator(".question", has_text="Грубый вопрос?")
    card.locator("summary").click()
    card.get_by_label("Подробности для модераторов (необязательно)").fill("Оскорбление")
    # A new question arrives: the poll would show it, but the open form holds the poll.
    LiveQuestionFactory(event=event, text="Новый вопрос?", language="ru")
    page.wait_for_timeout(7_000)
    expect(page.locator("#question-list")).not_to_contain_text("Новый вопрос?")
    expect(card.locator("details.post-report")).to_have_attribute("open", "")
    expect(card.locator("textarea")).to_have_value("Оскорбление")
    card.get_by_role("button", name="Отправить жалобу").click()
    expect(card).to_contain_text("Спасибо")
    # Polling resumes; the reported question says so instead of offering the form again.
    expect(page.locator("#question-list")).to_contain_text("Новый вопрос?", timeout=12_000)
    expect(card).to_contain_text("Вы уже пожаловались", timeout=12_000)
    expect(card.locator("details.post-report")).to_have_count(0)
