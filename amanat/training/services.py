"""Writes of the course engine: lessons read, quiz attempts, certificates."""

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import Certificate, User
from amanat.accounts.selectors import certificates_valid
from amanat.audit.services import audit_record
from amanat.core.codes import code_new

from .models import Attempt, Course, Lesson, LessonProgress, Question, Quiz
from .selectors import AttemptLike, quiz_of

# The names under which a visitor's passed attempt and lessons read ride into the account
# they create or sign in to (accounts' signup_carry_set, then carried_arrived).
CARRIED_ATTEMPT = "training_attempt"
CARRIED_LESSONS = "training_lessons"


class QuizError(Exception):
    def __init__(self, code: str, message: str, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.errors = code, message, errors or []


def lesson_complete(*, user: User, lesson: Lesson) -> LessonProgress:
    progress, _ = LessonProgress.objects.get_or_create(
        user=user, lesson=lesson, defaults={"completed_at": timezone.now()}
    )
    return progress


def attempt_start(*, user: User, quiz: Quiz, rng: random.Random | None = None) -> Attempt:
    """The open attempt, or a new one with questions drawn at random from the pool."""
    with transaction.atomic():
        attempts = list(
            Attempt.objects.select_for_update().filter(user=user, quiz=quiz).order_by("number")
        )
        open_attempt = next((a for a in attempts if a.finished_at is None), None)
        if open_attempt is not None:
            return open_attempt
        attempts_check(quiz=quiz, attempts=attempts)
        drawn = questions_draw(quiz, rng)
        try:
            with transaction.atomic():
                return Attempt.objects.create(
                    user=user,
                    quiz=quiz,
                    number=len(attempts) + 1,
                    question_ids=drawn,
                    started_at=timezone.now(),
                )
        except IntegrityError:
            # The same person started it twice at once (two tabs): keep the first.
            return Attempt.objects.get(user=user, quiz=quiz, number=len(attempts) + 1)


def questions_draw(quiz: Quiz, rng: random.Random | None = None) -> list[int]:
    """The questions of a new attempt, drawn at random from the quiz's pool."""
    pool = list(quiz.questions.values_list("pk", flat=True))
    return (rng or random.SystemRandom()).sample(pool, min(quiz.questions_per_attempt, len(pool)))


def attempts_check(*, quiz: Quiz, attempts: Sequence[AttemptLike]) -> None:
    """May one more attempt start after these finished ones?"""
    if any(a.passed for a in attempts):
        raise QuizError("already_passed", _("You have already passed this quiz."))
    if len(attempts) >= quiz.max_attempts:
        raise QuizError(
            "no_attempts_left",
            _("You have used all %(count)s attempts. Ask your coordinator for help.")
            % {"count": quiz.max_attempts},
        )


def answers_normalise(answers: dict[str, Any]) -> dict[str, list[int]]:
    clean: dict[str, list[int]] = {}
    for key, value in answers.items():
        values = value if isinstance(value, list | tuple) else [value]
        try:
            clean[str(int(key))] = sorted({int(v) for v in values if str(v).strip()})
        except (TypeError, ValueError):
            continue
    return clean


def attempt_submit(*, attempt: Attempt, answers: dict[str, Any]) -> Attempt:
    """Score an attempt: a question counts when exactly the correct choices are chosen."""
    chosen = answers_normalise(answers)
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if attempt.finished_at is not None:
            return attempt  # submitted already (double click, resent form): same result
        if time_is_up(quiz=attempt.quiz, started_at=attempt.started_at):
            attempt.finished_at, attempt.score, attempt.passed = timezone.now(), 0, False
            attempt.save(update_fields=["finished_at", "score", "passed"])
            expired = True
        else:
            expired = False
    if expired:
        raise QuizError("time_over", _("The time for this attempt is over."))
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if attempt.finished_at is not None:
            return attempt
        attempt.score = answers_score(
            quiz=attempt.quiz, question_ids=attempt.question_ids, answers=chosen
        )
        attempt.answers = chosen
        attempt.finished_at = timezone.now()
        attempt.passed = attempt.score >= attempt.quiz.pass_mark
        attempt.save(update_fields=["answers", "finished_at", "score", "passed"])
    if attempt.passed:
        certificate_issue_if_complete(user=attempt.user, program=attempt.quiz.course.program)
    return attempt


def answers_score(*, quiz: Quiz, question_ids: list[int], answers: dict[str, list[int]]) -> int:
    """The score in per cent of answers already normalised; QuizError if one is missing."""
    questions = {
        q.pk: q for q in quiz.questions.filter(pk__in=question_ids).prefetch_related("choices")
    }
    errors = _answer_errors(question_ids, questions, answers)
    if errors:
        raise QuizError("unanswered", _("Answer every question."), errors)
    correct = sum(
        answers[str(pk)] == sorted(c.pk for c in questions[pk].choices.all() if c.is_correct)
        for pk in question_ids
    )
    return round(100 * int(correct) / max(len(question_ids), 1))


def time_is_up(*, quiz: Quiz, started_at: datetime) -> bool:
    """A minute of grace over the limit, for a slow network on the way in."""
    limit = quiz.time_limit_minutes
    if not limit:
        return False
    return bool(timezone.now() > started_at + timedelta(minutes=limit + 1))


def _answer_errors(
    question_ids: list[int], questions: dict[int, Question], answers: dict[str, list[int]]
) -> list[dict[str, str]]:
    errors = []
    for pk in question_ids:
        question = questions[pk]
        chosen = answers.get(str(pk), [])
        valid = {c.pk for c in question.choices.all()}
        if not chosen or not set(chosen) <= valid:
            errors.append({"field": str(pk), "message": _("Choose an answer.")})
        elif question.kind == question.Kind.SINGLE and len(chosen) != 1:
            errors.append({"field": str(pk), "message": _("Choose one answer.")})
    return errors


def course_passed(*, user: User, course: Course) -> bool:
    quiz = quiz_of(course)
    if quiz is not None:
        return Attempt.objects.filter(user=user, quiz=quiz, passed=True).exists()
    lessons = course.lessons.count()
    done = LessonProgress.objects.filter(user=user, lesson__course=course).count()
    return lessons > 0 and done >= lessons


def certificate_issue_if_complete(*, user: User, program: str) -> Certificate | None:
    """Issue the programme's certificate once every required course is passed."""
    required = Course.objects.filter(program=program, required=True, is_published=True)
    if not required.exists() or not all(course_passed(user=user, course=c) for c in required):
        return None
    existing = certificates_valid(program=program).filter(user=user)
    if existing.exists():
        return existing.get()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user,
                program=program,
                code=code_new(groups=3, size=4, prefix="AMN"),
                holder_name=user.get_full_name() or user.get_username(),
                issued_at=timezone.now(),
            )
            audit_record(action="training.certificate_issued", actor=user, obj=certificate)
            return certificate
    except IntegrityError:
        return existing.get()


def certificate_revoke(*, certificate: Certificate, actor: User | None, reason: str) -> Certificate:
    certificate.revoked_at = timezone.now()
    certificate.save(update_fields=["revoked_at"])
    audit_record(
        action="training.certificate_revoked", actor=actor, obj=certificate, data={"reason": reason}
    )
    return certificate


def attempt_claim(*, user: User, attempt: dict[str, Any]) -> Certificate | None:
    """A visitor's passed attempt (kept in their session, then carried by the signed link that
    confirmed their new account) becomes the account's own, and the badge is issued."""
    quiz_pk = attempt.get("quiz")
    quiz = (
        None
        if quiz_pk is None
        else Quiz.objects.select_related("course").filter(pk=quiz_pk).first()
    )
    if quiz is None or not attempt.get("passed"):
        return None
    with transaction.atomic():
        mine = list(Attempt.objects.select_for_update().filter(user=user, quiz=quiz))
        if not any(a.passed for a in mine):  # a second confirmation adds nothing
            Attempt.objects.create(
                user=user,
                quiz=quiz,
                number=len(mine) + 1,
                question_ids=attempt["question_ids"],
                answers=attempt["answers"],
                started_at=datetime.fromisoformat(attempt["started_at"]),
                finished_at=datetime.fromisoformat(attempt["finished_at"]),
                score=attempt["score"],
                passed=True,
            )
    return certificate_issue_if_complete(user=user, program=quiz.course.program)


def carried_attempt_claim(
    sender: object, *, user: User, carried: dict[str, Any], **kwargs: Any
) -> None:
    """Receives accounts' carried_arrived: the account takes the visitor's progress."""
    lessons = carried.get(CARRIED_LESSONS)
    if isinstance(lessons, list):
        for lesson in Lesson.objects.filter(pk__in=[pk for pk in lessons if isinstance(pk, int)]):
            lesson_complete(user=user, lesson=lesson)
    if isinstance(carried.get(CARRIED_ATTEMPT), dict):
        attempt_claim(user=user, attempt=carried[CARRIED_ATTEMPT])
