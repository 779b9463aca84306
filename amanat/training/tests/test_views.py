import io

import pytest
from pypdf import PdfReader

from amanat.accounts.models import Certificate
from amanat.training.loader import courses_load_all
from amanat.training.models import Attempt, Course
from amanat.training.services import certificate_issue_if_complete
from amanat.training.tests.factories import LessonFactory, quiz_with_pool, right_answers

pytestmark = pytest.mark.django_db


def test_shipped_courses_load_in_three_languages_and_reload_without_duplicates():
    courses = courses_load_all()
    courses_load_all()

    assert [c.slug for c in courses] == [
        "observer-rights",
        "election-day",
        "violations",
        "first-vote",
    ]
    assert Course.objects.count() == 4
    for course in Course.objects.prefetch_related("lessons", "quiz__questions__choices"):
        for lang in ("kk", "ru", "en"):
            assert getattr(course, f"title_{lang}")
            assert all(getattr(lesson, f"body_{lang}") for lesson in course.lessons.all())
        questions = list(course.quiz.questions.all())
        assert len(questions) >= course.quiz.questions_per_attempt
        for question in questions:
            correct = [c for c in question.choices.all() if c.is_correct]
            assert len(correct) >= 1
            assert question.kind == "multiple" or len(correct) == 1


def test_lesson_renders_markdown_and_strips_scripts(client, make_user):
    lesson = LessonFactory(body_ru="**Важно**\n\n<script>alert(1)</script>")
    client.force_login(make_user(role="observer"))
    html = client.get(f"/ru/training/{lesson.course.slug}/lessons/{lesson.position}/").content
    assert b"<strong>\xd0\x92\xd0\xb0\xd0\xb6\xd0\xbd\xd0\xbe</strong>" in html
    assert b"<script>alert" not in html


def test_quiz_through_the_pages(client, make_user):
    quiz = quiz_with_pool()
    user = make_user(role="observer")
    client.force_login(user)
    url = f"/en/training/{quiz.course.slug}/quiz/"

    client.post(url, {"action": "start"})
    attempt = Attempt.objects.get(user=user)
    page = client.get(url).content.decode()
    assert page.count('type="radio"') == 3 * 3

    incomplete = client.post(url, {"action": "submit"})
    assert incomplete.status_code == 400
    assert "Answer every question." in incomplete.content.decode()

    form = {"action": "submit"}
    for pk, choices in right_answers(attempt).items():
        form[f"q{pk}"] = choices
    done = client.post(url, form)
    assert done["Location"] == f"/en/training/{quiz.course.slug}/quiz/1/"
    assert "Passed with 100%." in client.get(done["Location"]).content.decode()


def test_training_needs_a_login(client):
    assert client.get("/ru/training/")["Location"].startswith("/ru/accounts/login/")


def test_certificate_verification_and_pdf(client, make_user):
    user = make_user(first_name="Айгерим", last_name="Демокызы")
    LessonFactory()
    from amanat.training.services import lesson_complete

    lesson_complete(user=user, lesson=Course.objects.get().lessons.get())
    certificate = certificate_issue_if_complete(user=user, program="observer")

    page = client.get(f"/certificates/{certificate.code}", HTTP_ACCEPT_LANGUAGE="ru")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Сертификат действителен." in html
    assert "Айгерим" in html
    assert "Демокызы" not in html  # only the first name is public

    forged = client.get("/certificates/AMN-0000-0000-0000", HTTP_ACCEPT_LANGUAGE="en")
    assert forged.status_code == 404
    assert "It may be forged or mistyped." in forged.content.decode()

    client.force_login(user)
    pdf = client.get("/kk/training/certificate.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Айгерим Демокызы" in text
    assert certificate.code in text
    assert f"/certificates/{certificate.code}" in text


def test_revoked_certificate_says_so(client, make_user):
    user = make_user(role="observer")
    certificate = Certificate.objects.create(
        user=user,
        program="observer",
        code="AMN-TEST-TEST-TEST",
        holder_name="X",
        issued_at="2026-01-01T00:00Z",
    )
    from amanat.training.services import certificate_revoke

    certificate_revoke(certificate=certificate, actor=user, reason="test")
    html = client.get("/certificates/amn-test-test-test", HTTP_ACCEPT_LANGUAGE="en").content
    assert b"This certificate has been revoked." in html


def test_first_time_voter_course_ends_in_a_shareable_badge(client, make_user):
    courses_load_all()
    user = make_user(role="citizen", first_name="Дана", last_name="Ерланқызы")
    client.force_login(user)
    client.post("/ru/training/first-vote/quiz/", {"action": "start"})
    attempt = Attempt.objects.get(user=user)
    form = {"action": "submit"}
    for pk, choices in right_answers(attempt).items():
        form[f"q{pk}"] = choices
    client.post("/ru/training/first-vote/quiz/", form)

    badge = Certificate.objects.get(user=user, program="first_time_voter")
    assert not Certificate.objects.filter(user=user, program="observer").exists()
    page = client.get("/ru/training/first-time-voters/").content.decode()
    assert f"/certificates/{badge.code}" in page
    public = client.__class__().get(f"/certificates/{badge.code}", HTTP_ACCEPT_LANGUAGE="en")
    assert "First-time voter" in public.content.decode()
