"""The first-time voter course is offered to everyone: a visitor reads it and takes its quiz
without an account; the badge is kept by signing up with a confirmed e-mail address."""

import re

import pytest
from django.test import Client

from amanat.accounts.models import Certificate, User
from amanat.accounts.tests.factories import PASSWORD
from amanat.audit.models import AuditEntry
from amanat.training.loader import courses_load_all
from amanat.training.models import Attempt, Quiz
from amanat.training.tests.factories import right_answers, wrong_answers
from amanat.training.visitor import SESSION_KEY, VisitorAttempt, attempts

pytestmark = pytest.mark.django_db
QUIZ = "/ru/training/first-vote/quiz/"


@pytest.fixture
def first_vote():
    courses_load_all()
    return Quiz.objects.get(course__slug="first-vote")


def _visitor_attempt(client, quiz) -> VisitorAttempt:
    return attempts(client.session, quiz)[-1]


def _pass_the_quiz(client, quiz, answers=right_answers):
    client.post(QUIZ, {"action": "start"})
    attempt = _visitor_attempt(client, quiz)
    form = {"action": "submit"}
    for pk, choices in answers(attempt).items():
        form[f"q{pk}"] = choices
    return client.post(QUIZ, form)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_visitor_opens_the_course_and_its_lessons(client, first_vote, lang):
    pages = [
        f"/{lang}/training/first-time-voters/",
        f"/{lang}/training/first-vote/",
        f"/{lang}/training/first-vote/lessons/1/",
        f"/{lang}/training/first-vote/quiz/",
    ]
    assert [client.get(page).status_code for page in pages] == [200, 200, 200, 200]


def test_a_visitors_lessons_read_are_kept_in_the_session(client, first_vote):
    done = client.post("/ru/training/first-vote/lessons/1/")
    assert done["Location"] == "/ru/training/first-vote/lessons/2/"

    page = client.get("/ru/training/first-time-voters/").content.decode()
    assert "Прочитано уроков: 1 из 2" in page


def test_a_visitor_passes_the_quiz_and_is_offered_to_keep_the_badge(client, first_vote):
    done = _pass_the_quiz(client, first_vote)

    assert done["Location"] == "/ru/training/first-vote/quiz/1/"
    assert not Attempt.objects.exists()  # a visitor's attempt stays in their session
    assert client.session[SESSION_KEY]["attempts"][str(first_vote.pk)][0]["score"] == 100
    page = client.get(done["Location"]).content.decode()
    assert "Сдано с результатом 100%." in page
    assert "Сохраните значок курса «Впервые голосующий»" in page
    assert 'href="/ru/accounts/signup/?next=%2Fru%2Ftraining%2Ffirst-time-voters%2F"' in page
    assert "наблюдател" not in page.split("<main", 1)[1].lower()


def test_a_visitor_has_the_same_number_of_attempts(client, first_vote):
    for _ in range(first_vote.max_attempts):
        _pass_the_quiz(client, first_vote, answers=wrong_answers)

    page = client.get(QUIZ).content.decode()
    assert "Попыток не осталось. Перечитайте уроки: в них есть все ответы." in page
    assert client.post(QUIZ, {"action": "start"}).status_code == 400


def test_observer_courses_still_need_an_account(client, first_vote):
    assert client.get("/ru/training/").status_code == 302
    for page in ("/ru/training/observer-rights/", "/ru/training/observer-rights/quiz/"):
        assert client.get(page)["Location"] == f"/ru/accounts/login/?next={page}"


def _confirmation_link(mail) -> str:
    return re.search(r"http://\S+", mail.body).group(0).removeprefix("http://127.0.0.1:8000")


def test_signing_up_keeps_the_visitors_badge_that_names_the_course(
    client, first_vote, mailoutbox, settings
):
    settings.AMANAT_BASE_URL = "http://127.0.0.1:8000"
    client.post("/ru/training/first-vote/lessons/2/")
    _pass_the_quiz(client, first_vote)
    passed = _visitor_attempt(client, first_vote)

    signup = client.post(
        "/ru/accounts/signup/?next=/ru/training/first-time-voters/",
        {"first_name": "Дана", "email": "Dana@Example.ORG"},
    )
    assert signup["Location"] == "/ru/accounts/signup/sent/"
    assert not User.objects.filter(email__iexact="dana@example.org").exists()
    [mail] = mailoutbox
    assert mail.to == ["Dana@example.org"]
    assert mail.subject == "Подтвердите адрес электронной почты для Amanat"

    # Opened in another browser (the phone's mail app): the link carries the attempt.
    phone = Client()
    link = _confirmation_link(mail)
    assert phone.get(link).status_code == 200
    created = phone.post(link, {"password": "голосую впервые 2026"})

    assert created["Location"] == "/ru/training/first-time-voters/"
    user = User.objects.get(email="Dana@example.org")
    assert (user.role, user.first_name, user.preferred_language) == ("citizen", "Дана", "ru")
    attempt = Attempt.objects.get(user=user)
    assert (attempt.score, attempt.passed, attempt.question_ids) == (
        100,
        True,
        passed.question_ids,
    )
    badge = Certificate.objects.get(user=user)
    assert badge.program == "first_time_voter"
    assert AuditEntry.objects.filter(action="accounts.account_created", actor=user).count() == 1

    page = phone.get("/ru/training/first-time-voters/").content.decode()
    assert "Ваш значок: курс «Впервые голосующий»" in page
    assert f"/certificates/{badge.code}" in page
    assert "Прочитано уроков: 1 из 2" in page  # the lesson read before signing up
    public = Client().get(f"/certificates/{badge.code}", HTTP_ACCEPT_LANGUAGE="ru")
    assert "<dt>Курс</dt><dd>Впервые голосующий</dd>" in public.content.decode()

    # A second click, in either browser, is harmless: no second account, attempt or badge.
    assert Client().get(link).status_code == 200
    assert "уже есть учётная запись" in Client().get(link).content.decode()
    again = phone.post(link, {"password": "голосую впервые 2026"})
    assert again["Location"] == "/ru/training/first-time-voters/"
    assert (User.objects.filter(email__iexact="dana@example.org").count(),) == (1,)
    assert (Attempt.objects.count(), Certificate.objects.count()) == (1, 1)


def test_the_result_of_a_signed_in_voter_names_the_course_not_observer_training(
    client, first_vote, make_user
):
    client.force_login(make_user(role="citizen"))
    client.post(QUIZ, {"action": "start"})
    attempt = Attempt.objects.get()
    form = {"action": "submit", **{f"q{k}": v for k, v in right_answers(attempt).items()}}
    page = client.get(client.post(QUIZ, form)["Location"]).content.decode()
    result = page.split("<main", 1)[1]  # the header's menu is the same on every page

    assert "Ваш значок: курс «Впервые голосующий»" in result
    assert "Вы сертифицированы" not in result
    assert "Обучение наблюдателей" not in result


def test_visitors_quiz_posts_are_rate_limited_by_address(client, first_vote, make_user):
    for _ in range(60):
        client.post(QUIZ, {"action": "start"})
    assert client.post(QUIZ, {"action": "start"}).status_code == 429

    client.force_login(make_user(role="observer"))  # signed-in people are not limited
    assert client.post(QUIZ, {"action": "start"}).status_code == 302


def test_a_self_made_citizen_account_gets_no_observer_course(client, first_vote, make_user):
    # Anyone can make a citizen's account: the observer certificate is not theirs to take.
    client.force_login(make_user(role="citizen"))
    for page in ("/ru/training/", "/ru/training/observer-rights/quiz/"):
        assert client.get(page)["Location"] == "/ru/observers/apply/"
    assert client.post("/ru/training/observer-rights/quiz/", {"action": "start"}).status_code == 302
    assert not Attempt.objects.exists()
    assert client.get("/ru/training/first-time-voters/").status_code == 200

    client.force_login(make_user(role="observer"))
    assert client.get("/ru/training/observer-rights/quiz/").status_code == 200


def test_a_visitor_who_signs_in_to_their_account_keeps_the_badge(client, first_vote, make_user):
    user = make_user(username="dana", role="citizen")
    _pass_the_quiz(client, first_vote)
    result = client.get("/ru/training/first-vote/quiz/1/").content.decode()
    assert 'href="/ru/accounts/login/?next=%2Fru%2Ftraining%2Ffirst-time-voters%2F"' in result

    signed_in = client.post(
        "/ru/accounts/login/?next=/ru/training/first-time-voters/",
        {"username": "dana", "password": PASSWORD},
    )

    assert signed_in["Location"] == "/ru/training/first-time-voters/"
    assert Attempt.objects.get(user=user).score == 100
    assert Certificate.objects.get(user=user).program == "first_time_voter"
    client.post("/ru/accounts/logout/")
    client.post("/ru/accounts/login/", {"username": "dana", "password": PASSWORD})
    assert (Attempt.objects.count(), Certificate.objects.count()) == (1, 1)
