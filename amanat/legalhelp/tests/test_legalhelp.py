import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.geography.models import Region
from amanat.legalhelp.models import FaqEntry, Question
from amanat.legalhelp.selectors import faq_search, is_overdue, queue_for
from amanat.legalhelp.services import (
    QuestionError,
    faq_publish,
    question_answer,
    question_by_code,
)
from amanat.legalhelp.tests.factories import TEXT, ask

pytestmark = pytest.mark.django_db


def test_anonymous_question_once_per_form_with_a_code():
    client_id = uuid.uuid4()
    question, code = ask(client_id=client_id)
    again, no_code = ask(client_id=client_id)
    assert (again.pk, no_code) == (question.pk, None)
    assert question.asker is None
    assert question_by_code(code.lower()).pk == question.pk
    assert abs(question.due_at - question.asked_at - timedelta(hours=48)) < timedelta(seconds=1)
    with pytest.raises(QuestionError):
        ask(text="Помогите")


def test_lawyers_see_their_regions_queue_with_overdue_marks(make_user):
    lawyer = make_user(role=Role.LAWYER, regions=[Region.objects.get(code="KZ-71")])
    mine, _ = ask()
    elsewhere, _ = ask(region="KZ-75")
    Question.objects.filter(pk=mine.pk).update(due_at=timezone.now() - timedelta(hours=1))

    queue = list(queue_for(lawyer))
    assert queue == [Question.objects.get(pk=mine.pk)]
    assert is_overdue(queue[0])
    assert not lawyer.has_perm("legalhelp.answer_question", elsewhere)
    assert lawyer.has_perm("legalhelp.answer_question", mine)


def test_answer_notifies_and_publication_removes_contacts(
    make_user, django_capture_on_commit_callbacks
):
    lawyer = make_user(role=Role.LAWYER, regions=[Region.objects.get(code="KZ-71")])
    question, _code = ask(notify_email="asker@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        question_answer(question=question, lawyer=lawyer, text="Обратитесь в комиссию.")
    assert mail.outbox[0].to == ["asker@example.org"]
    assert "/ru/legal-help/my-question/" in mail.outbox[0].body

    entry = faq_publish(
        question=question,
        lawyer=lawyer,
        question_text=TEXT + " Мой телефон +7 701 555 44 33, почта a.b@mail.kz",
        answer_text="Обратитесь в комиссию.",
    )
    assert "+7 701" not in entry.question
    assert "mail.kz" not in entry.question
    assert faq_search("СПИСКЕ избирателей") == [entry]
    # Other word forms than the text's: "списки" → "списк", "комиссией" → "комисси".
    assert faq_search("списки, комиссией") == [entry]
    assert faq_search("списки урны") == []  # every word must be found


def test_a_private_question_is_never_published(make_user):
    lawyer = make_user(role=Role.LAWYER, regions=[Region.objects.get(code="KZ-71")])
    question, _ = ask(is_public=False)
    question_answer(question=question, lawyer=lawyer, text="Ответ")
    with pytest.raises(QuestionError):
        faq_publish(question=question, lawyer=lawyer, question_text="q", answer_text="a")
    assert FaqEntry.objects.count() == 0


def test_pages_ask_answer_follow(client, make_user):
    form = {
        "client_id": str(uuid.uuid4()),
        "region": Region.objects.get(code="KZ-71").pk,
        "topic": "voter_lists",
        "text": TEXT,
    }
    asked = client.post("/ru/legal-help/ask/", form)
    code = asked.content.decode().split('id="follow-up-code">')[1].split("<")[0]
    question = Question.objects.get()

    lawyer = make_user(role=Role.LAWYER, regions=[Region.objects.get(code="KZ-71")])
    other = client.__class__()
    other.force_login(lawyer)
    assert (
        f"/ru/legal-help/queue/{question.pk}/"
        in other.get("/ru/legal-help/queue/").content.decode()
    )
    other.post(
        f"/ru/legal-help/queue/{question.pk}/", {"action": "answer", "answer": "Идите в ТИК."}
    )

    reader = client.__class__()
    reader.post("/ru/legal-help/my-question/", {"code": code})
    assert "Идите в ТИК." in reader.get("/ru/legal-help/my-question/").content.decode()


def test_citizens_have_no_queue(client, make_user):
    client.force_login(make_user(role=Role.CITIZEN))
    assert client.get("/ru/legal-help/queue/").status_code == 403
