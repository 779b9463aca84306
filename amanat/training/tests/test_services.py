import random

import pytest

from amanat.accounts.models import Certificate
from amanat.training.models import Attempt
from amanat.training.services import (
    QuizError,
    attempt_start,
    attempt_submit,
    certificate_issue_if_complete,
    lesson_complete,
)
from amanat.training.tests.factories import (
    LessonFactory,
    question_with_choices,
    quiz_with_pool,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def test_attempt_draws_questions_at_random_from_the_pool(make_user):
    quiz = quiz_with_pool(size=6)
    pool = set(quiz.questions.values_list("pk", flat=True))

    first = attempt_start(user=make_user(), quiz=quiz, rng=random.Random(1))
    second = attempt_start(user=make_user(), quiz=quiz, rng=random.Random(2))

    assert len(first.question_ids) == len(set(first.question_ids)) == 3
    assert set(first.question_ids) <= pool
    assert first.question_ids != second.question_ids


def test_starting_again_resumes_the_open_attempt(make_user):
    quiz, user = quiz_with_pool(), make_user()
    first = attempt_start(user=user, quiz=quiz)
    assert attempt_start(user=user, quiz=quiz).pk == first.pk
    assert Attempt.objects.count() == 1


def test_all_right_passes_and_the_score_is_exact(make_user):
    quiz, user = quiz_with_pool(), make_user()
    attempt = attempt_start(user=user, quiz=quiz)
    answers = right_answers(attempt)
    first_question = str(attempt.question_ids[0])
    answers[first_question] = wrong_answers(attempt)[first_question]

    result = attempt_submit(attempt=attempt, answers=answers)

    assert (result.score, result.passed) == (67, False)
    assert result.seconds_spent >= 0
    assert attempt_submit(attempt=attempt, answers={}).score == 67  # resent: same result


def test_multiple_choice_counts_only_the_exact_set(make_user):
    quiz = quiz_with_pool(size=0, questions_per_attempt=1)
    question = question_with_choices(quiz, "m", correct=(1, 3), kind="multiple", choices=4)
    choices = list(question.choices.values_list("pk", flat=True))
    user = make_user()

    attempt = attempt_start(user=user, quiz=quiz)
    assert attempt_submit(attempt=attempt, answers={question.pk: [choices[0]]}).score == 0
    again = attempt_start(user=user, quiz=quiz)
    result = attempt_submit(attempt=again, answers={question.pk: [choices[2], choices[0]]})
    assert (result.score, result.passed) == (100, True)


def test_unanswered_questions_are_named_and_nothing_is_saved(make_user):
    quiz, user = quiz_with_pool(), make_user()
    attempt = attempt_start(user=user, quiz=quiz)
    answers = right_answers(attempt)
    missing = str(attempt.question_ids[1])
    del answers[missing]

    with pytest.raises(QuizError) as failure:
        attempt_submit(attempt=attempt, answers=answers)

    assert [e["field"] for e in failure.value.errors] == [missing]
    attempt.refresh_from_db()
    assert attempt.finished_at is None
    assert attempt.score is None


def test_retake_limit(make_user):
    quiz, user = quiz_with_pool(max_attempts=2), make_user()
    for _ in range(2):
        attempt = attempt_start(user=user, quiz=quiz)
        attempt_submit(attempt=attempt, answers=wrong_answers(attempt))

    with pytest.raises(QuizError) as failure:
        attempt_start(user=user, quiz=quiz)
    assert failure.value.code == "no_attempts_left"
    assert Attempt.objects.filter(user=user).count() == 2


def test_certificate_when_every_required_course_is_passed(make_user):
    user = make_user(first_name="Aigerim", last_name="Demokyzy")
    quiz_one = quiz_with_pool()
    quiz_two = quiz_with_pool()
    reading = LessonFactory()  # a course of lessons only, no quiz

    attempt = attempt_start(user=user, quiz=quiz_one)
    attempt_submit(attempt=attempt, answers=right_answers(attempt))
    assert not Certificate.objects.exists()

    attempt = attempt_start(user=user, quiz=quiz_two)
    attempt_submit(attempt=attempt, answers=right_answers(attempt))
    assert not Certificate.objects.exists()  # the reading course is not done yet

    lesson_complete(user=user, lesson=reading)
    certificate = certificate_issue_if_complete(user=user, program="observer")
    assert certificate.holder_name == "Aigerim Demokyzy"
    assert certificate.code.startswith("AMN-")
    assert not set("ILOU") & set(certificate.code.removeprefix("AMN-"))
    assert certificate_issue_if_complete(user=user, program="observer").pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_answers_after_the_time_limit_are_refused_and_the_attempt_is_spent(make_user):
    from datetime import timedelta

    from django.utils import timezone

    quiz, user = quiz_with_pool(time_limit_minutes=10), make_user()
    attempt = attempt_start(user=user, quiz=quiz)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=timezone.now() - timedelta(minutes=12))

    with pytest.raises(QuizError) as failure:
        attempt_submit(attempt=attempt, answers=right_answers(attempt))

    assert failure.value.code == "time_over"
    attempt.refresh_from_db()
    assert (attempt.passed, attempt.score, attempt.finished_at is not None) == (False, 0, True)
