"""A visitor without an account takes a public course (the first-time voter's): the lessons
read and the quiz attempts are kept in their session, never in the database. A passed
attempt can later become the attempt of the account they create to keep the badge."""

import random
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Quiz

SESSION_KEY = "amanat_training_visitor"


@dataclass
class VisitorAttempt:
    """The fields of an Attempt that the pages show, for an attempt held in the session."""

    quiz: Quiz
    number: int
    question_ids: list
    answers: dict
    started_at: datetime
    finished_at: datetime | None
    score: int | None
    passed: bool

    @property
    def quiz_id(self) -> int:
        return self.quiz.pk

    @property
    def seconds_spent(self) -> int | None:
        if self.finished_at is None:
            return None
        return int((self.finished_at - self.started_at).total_seconds())

    def as_data(self) -> dict:
        """JSON for the session and for the account's confirmation link."""
        return {
            "quiz": self.quiz.pk,
            "number": self.number,
            "question_ids": self.question_ids,
            "answers": self.answers,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "score": self.score,
            "passed": self.passed,
        }


def _state(session) -> dict:
    state = session.get(SESSION_KEY)
    if not isinstance(state, dict):
        state = {"lessons": [], "attempts": {}}
    return state


def _attempt(quiz: Quiz, data: dict) -> VisitorAttempt:
    finished = data.get("finished_at")
    return VisitorAttempt(
        quiz=quiz,
        number=data["number"],
        question_ids=data["question_ids"],
        answers=data.get("answers") or {},
        started_at=datetime.fromisoformat(data["started_at"]),
        finished_at=datetime.fromisoformat(finished) if finished else None,
        score=data.get("score"),
        passed=bool(data.get("passed")),
    )


def _save(session, quiz: Quiz, attempts: list[VisitorAttempt]) -> None:
    state = _state(session)
    state["attempts"][str(quiz.pk)] = [a.as_data() for a in attempts]
    session[SESSION_KEY] = state


def lessons_read(session) -> set[int]:
    return set(_state(session)["lessons"])


def lesson_read(session, lesson) -> None:
    state = _state(session)
    if lesson.pk not in state["lessons"]:
        state["lessons"].append(lesson.pk)
        session[SESSION_KEY] = state


def attempts(session, quiz: Quiz) -> list[VisitorAttempt]:
    return [_attempt(quiz, data) for data in _state(session)["attempts"].get(str(quiz.pk), [])]


def attempt_open(session, quiz: Quiz) -> VisitorAttempt | None:
    return next((a for a in attempts(session, quiz) if a.finished_at is None), None)


def attempt_get(session, quiz: Quiz, number: int) -> VisitorAttempt | None:
    found = (a for a in attempts(session, quiz) if a.number == number and a.finished_at)
    return next(found, None)


def attempt_start(session, quiz: Quiz, rng: random.Random | None = None) -> VisitorAttempt:
    """The open attempt, or a new one: the same rules as an account's attempts."""
    mine = attempts(session, quiz)
    open_attempt = next((a for a in mine if a.finished_at is None), None)
    if open_attempt is not None:
        return open_attempt
    services.attempts_check(quiz=quiz, attempts=mine)
    attempt = VisitorAttempt(
        quiz=quiz,
        number=len(mine) + 1,
        question_ids=services.questions_draw(quiz, rng),
        answers={},
        started_at=timezone.now(),
        finished_at=None,
        score=None,
        passed=False,
    )
    _save(session, quiz, [*mine, attempt])
    return attempt


def attempt_submit(session, quiz: Quiz, answers: dict) -> VisitorAttempt:
    """Score the open attempt (a resent form gets the last finished attempt back)."""
    mine = attempts(session, quiz)
    attempt = next((a for a in mine if a.finished_at is None), None)
    if attempt is None:
        finished = [a for a in mine if a.finished_at]
        if finished:
            return finished[-1]
        raise services.QuizError("not_started", _("Start the quiz"))
    answers = services.answers_normalise(answers)
    if services.time_is_up(quiz=quiz, started_at=attempt.started_at):
        attempt.finished_at, attempt.score, attempt.passed = timezone.now(), 0, False
        _save(session, quiz, mine)
        raise services.QuizError("time_over", _("The time for this attempt is over."))
    attempt.score = services.answers_score(
        quiz=quiz, question_ids=attempt.question_ids, answers=answers
    )
    attempt.answers, attempt.finished_at = answers, timezone.now()
    attempt.passed = attempt.score >= quiz.pass_mark
    _save(session, quiz, mine)
    return attempt


def passed_attempt(session) -> dict | None:
    """The visitor's passed attempt (there is one public course), to carry into an account."""
    for items in _state(session)["attempts"].values():
        for data in items:
            if data.get("passed"):
                return data
    return None
