"""Who takes a course: a signed-in person, whose progress is kept in the database, or, on a
public course, a visitor, whose progress is kept in the session. The views speak to either
through the same methods."""

from django.http import HttpRequest

from amanat.accounts.models import Certificate, Program
from amanat.accounts.roles import Role
from amanat.accounts.signup import signup_carry_set

from . import selectors, services, visitor
from .models import Attempt, Lesson, Quiz

# Courses anyone may take without an account: the first-time voter's is offered to everyone.
PUBLIC_PROGRAMS = frozenset({Program.FIRST_TIME_VOTER})


class AccountLearner:
    is_visitor = False

    def __init__(self, user):
        self.user = user

    def lesson_read(self, lesson: Lesson) -> None:
        services.lesson_complete(user=self.user, lesson=lesson)

    def statuses(self, program: str) -> list[selectors.CourseStatus]:
        return selectors.course_statuses(user=self.user, program=program)

    def certificate(self, program: str) -> Certificate | None:
        return selectors.certificate_for(user=self.user, program=program)

    def attempt_open(self, quiz: Quiz) -> Attempt | None:
        return Attempt.objects.filter(user=self.user, quiz=quiz, finished_at__isnull=True).first()

    def attempts_used(self, quiz: Quiz) -> int:
        return Attempt.objects.filter(user=self.user, quiz=quiz).count()

    def attempt_start(self, quiz: Quiz) -> Attempt:
        return services.attempt_start(user=self.user, quiz=quiz)

    def attempt_submit(self, quiz: Quiz, attempt: Attempt, answers: dict) -> Attempt:
        return services.attempt_submit(attempt=attempt, answers=answers)

    def attempt_finished(self, quiz: Quiz, number: int) -> Attempt | None:
        return Attempt.objects.filter(
            user=self.user, quiz=quiz, number=number, finished_at__isnull=False
        ).first()


class VisitorLearner:
    """No certificate: a visitor keeps the badge by creating an account (accounts' sign-up)."""

    is_visitor = True

    def __init__(self, session):
        self.session = session

    def lesson_read(self, lesson: Lesson) -> None:
        visitor.lesson_read(self.session, lesson)
        read = sorted(visitor.lessons_read(self.session))
        signup_carry_set(self.session, services.CARRIED_LESSONS, read)

    def statuses(self, program: str) -> list[selectors.CourseStatus]:
        courses = list(selectors.courses_for(program).select_related("quiz"))
        attempts = []
        for course in courses:
            quiz = selectors.quiz_of(course)
            if quiz is not None:
                attempts += visitor.attempts(self.session, quiz)
        return selectors.statuses_of(
            courses, done=visitor.lessons_read(self.session), attempts=attempts
        )

    def certificate(self, program: str) -> None:
        return None

    def attempt_open(self, quiz: Quiz):
        return visitor.attempt_open(self.session, quiz)

    def attempts_used(self, quiz: Quiz) -> int:
        return len(visitor.attempts(self.session, quiz))

    def attempt_start(self, quiz: Quiz):
        return visitor.attempt_start(self.session, quiz)

    def attempt_submit(self, quiz: Quiz, attempt, answers: dict):
        attempt = visitor.attempt_submit(self.session, quiz, answers)
        if attempt.passed:  # kept if the visitor creates an account
            signup_carry_set(self.session, services.CARRIED_ATTEMPT, attempt.as_data())
        return attempt

    def attempt_finished(self, quiz: Quiz, number: int):
        return visitor.attempt_get(self.session, quiz, number)


def learner_for(request: HttpRequest, program: str) -> AccountLearner | VisitorLearner | None:
    """None when the course needs an account and the person has not signed in."""
    if request.user.is_authenticated:
        return AccountLearner(request.user)
    if program in PUBLIC_PROGRAMS:
        return VisitorLearner(request.session)
    return None


def is_closed_to(user, program: str) -> bool:
    """Anyone can make a citizen's account now: the observer certificate stays with the
    network's people (observers, and the staff who train them); citizens apply first."""
    return program not in PUBLIC_PROGRAMS and user.is_authenticated and user.role == Role.CITIZEN
