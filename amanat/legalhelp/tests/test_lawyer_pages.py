"""The lawyers' pages: each action confirms itself in the lawyer's language, and the queue
pages through every open question instead of stopping at a fixed number."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.geography.models import Region
from amanat.legalhelp.models import Question
from amanat.legalhelp.tests.factories import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def lawyer(make_user):
    return make_user(role=Role.LAWYER, regions=[Region.objects.get(code="KZ-71")])


def messages_on(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_answering_and_publishing_are_confirmed_in_russian_and_kazakh(client, lawyer):
    told, _ = ask(notify_email="asker@example.org")
    silent, _ = ask()
    client.force_login(lawyer)

    answer = {"action": "answer", "answer": "Обратитесь в ТИК."}
    answered = client.post(f"/ru/legal-help/queue/{told.pk}/", answer, follow=True)
    by_code = client.post(f"/kk/legal-help/queue/{silent.pk}/", answer, follow=True)
    published = client.post(f"/ru/legal-help/queue/{told.pk}/", {
        "action": "publish", "question_text": "Меня нет в списке.",
        "answer_text": "Обратитесь в ТИК.",
    }, follow=True)  # fmt: skip

    assert messages_on(answered) == ["Ответ отправлен, спросившему сообщено."]
    assert messages_on(by_code) == [
        "Жауап сақталды: сұраушы оны бақылау кодымен оқиды."
    ]  # fmt: skip
    assert messages_on(published) == [
        "Опубликовано в FAQ, без личных данных спросившего."
    ]  # fmt: skip
    assert published.redirect_chain[-1][0] == "/ru/legal-help/faq/"


def test_the_queue_pages_through_every_open_question(client, lawyer):
    questions = [ask()[0] for _ in range(52)]
    Question.objects.filter(pk=questions[-1].pk).update(due_at=timezone.now() + timedelta(days=9))
    client.force_login(lawyer)

    first = client.get("/ru/legal-help/queue/").content.decode()
    second = client.get("/ru/legal-help/queue/?page=2").content.decode()

    def listed(page: str) -> list[int]:
        return [int(n) for n in re.findall(r'/legal-help/queue/(\d+)/"', page)]

    assert len(listed(first)) == 50
    assert sorted(listed(first) + listed(second)) == sorted(q.pk for q in questions)
    assert listed(second)[-1] == questions[-1].pk  # the latest due, last
    assert "1–50 из 52" in first
    assert 'href="?page=2" rel="next"' in first
