"""Reads of the course engine."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.db.models import QuerySet

from amanat.accounts.models import Certificate, Program, User
from amanat.accounts.selectors import certificates_valid

from .models import Attempt, Course, Lesson, LessonProgress, Quiz


def is_certified(user: User, program: str = Program.OBSERVER) -> bool:
    return certificates_valid(program=program).filter(user=user).exists()


def quiz_of(course: Course) -> Quiz | None:
    """The course's quiz, or None for a course of lessons only."""
    try:
        return course.quiz
    except Quiz.DoesNotExist:
        return None


def courses_for(program: str) -> QuerySet[Course]:
    return Course.objects.filter(program=program, is_published=True).prefetch_related("lessons")


@dataclass(frozen=True)
class CourseStatus:
    course: Course
    lessons_done: int
    lessons_total: int
    attempts_used: int
    best_score: int | None
    passed: bool


def course_statuses(*, user: User, program: str) -> list[CourseStatus]:
    courses = list(courses_for(program).select_related("quiz"))
    done = set(
        LessonProgress.objects.filter(user=user, lesson__course__in=courses).values_list(
            "lesson_id", flat=True
        )
    )
    attempts = list(Attempt.objects.filter(user=user, quiz__course__in=courses))
    return statuses_of(courses, done=done, attempts=attempts)


class AttemptLike(Protocol):
    """An Attempt, or a visitor's attempt kept in the session (training.visitor)."""

    @property
    def quiz_id(self) -> int: ...

    @property
    def score(self) -> int | None: ...

    @property
    def passed(self) -> bool: ...


def statuses_of(
    courses: list[Course], *, done: set[int], attempts: Sequence[AttemptLike]
) -> list[CourseStatus]:
    """Each course's progress from the lessons read and the attempts (an account's, kept in
    the database, or a visitor's, kept in the session: anything with quiz_id, score, passed)."""
    statuses = []
    for course in courses:
        lessons = [lesson.pk for lesson in course.lessons.all()]
        quiz = quiz_of(course)
        mine = [a for a in attempts if quiz is not None and a.quiz_id == quiz.pk]
        scores = [a.score for a in mine if a.score is not None]
        statuses.append(
            CourseStatus(
                course=course,
                lessons_done=len(done & set(lessons)),
                lessons_total=len(lessons),
                attempts_used=len(mine),
                best_score=max(scores) if scores else None,
                passed=any(a.passed for a in mine)
                if quiz is not None
                else bool(lessons) and set(lessons) <= done,
            )
        )
    return statuses


def lesson_get(*, course: Course, position: int) -> Lesson | None:
    return course.lessons.filter(position=position).first()


def certificate_for(*, user: User, program: str = Program.OBSERVER) -> Certificate | None:
    return certificates_valid(program=program).filter(user=user).first()


def certificate_by_code(code: str) -> Certificate | None:
    normalised = code.strip().upper()
    return Certificate.objects.select_related("user").filter(code=normalised).first()
