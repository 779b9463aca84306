"""The `observer` login's training, as its certificate says: every lesson of the observer
courses read and each quiz passed, about two weeks before election day."""

import random
from datetime import timedelta

from django.db import transaction

from amanat.accounts.models import Certificate, Program, User
from amanat.training.models import Attempt, Course, LessonProgress
from amanat.training.selectors import quiz_of
from amanat.training.services import (
    attempt_start,
    attempt_submit,
    certificate_issue_if_complete,
    lesson_complete,
)

from .story import days_ago


@transaction.atomic
def observer_training_load(user: User, seed: int = 2027) -> Certificate | None:
    """Idempotent: a quiz already passed is not taken again."""
    rng = random.Random(seed)  # noqa: S311 - demo data
    courses = Course.objects.filter(program=Program.OBSERVER, required=True, is_published=True)
    for days, course in zip((16, 15, 14), courses.order_by("position"), strict=False):
        for lesson in course.lessons.all():
            progress = lesson_complete(user=user, lesson=lesson)
            LessonProgress.objects.filter(pk=progress.pk).update(completed_at=days_ago(days, 10))
        quiz = quiz_of(course)
        if quiz is None or Attempt.objects.filter(user=user, quiz=quiz, passed=True).exists():
            continue
        attempt = attempt_start(user=user, quiz=quiz, rng=rng)
        correct = {
            str(question.pk): [c.pk for c in question.choices.all() if c.is_correct]
            for question in quiz.questions.filter(pk__in=attempt.question_ids)
        }
        attempt_submit(attempt=attempt, answers=correct)
        started = days_ago(days, 11)
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=started, finished_at=started + timedelta(minutes=12)
        )
    certificate = certificate_issue_if_complete(user=user, program=Program.OBSERVER)
    if certificate is not None:
        Certificate.objects.filter(pk=certificate.pk).update(
            issued_at=days_ago(14, 11) + timedelta(minutes=12)
        )
    return certificate
