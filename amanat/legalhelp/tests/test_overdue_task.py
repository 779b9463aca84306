"""Questions past their answer time reach the region's lawyers once, on beat's schedule."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from amanat.accounts.roles import Role
from amanat.geography.models import Region
from amanat.legalhelp.models import Question
from amanat.legalhelp.services import question_ask
from amanat.legalhelp.tasks import overdue_check
from amanat.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_an_overdue_question_reaches_its_regions_lawyers_once(
    make_user, django_capture_on_commit_callbacks
):
    astana, almaty = Region.objects.get(code="KZ-71"), Region.objects.get(code="KZ-75")
    question, _code = question_ask(
        client_id=uuid.uuid4(), region=astana, topic="voter_lists", is_public=False,
        text="Меня не нашли в списке избирателей, хотя я живу здесь десять лет. Что делать?",
        language="ru",
    )  # fmt: skip
    lawyer = make_user(role=Role.LAWYER, regions=[astana], preferred_language="ru")
    make_user(role=Role.LAWYER, regions=[almaty])
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_check.delay().get() == 0  # not due yet
    Question.objects.filter(pk=question.pk).update(due_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        overdue_check.delay()
        overdue_check.delay()
    told = Notification.objects.get(kind="question_overdue")
    assert told.user == lawyer
    assert told.url.endswith(f"/queue/{question.pk}/")
    assert told.title == "Вопрос ждёт ответа дольше срока"
    assert told.body.startswith("На вопрос гражданина (")


def test_beat_runs_both_overdue_checks(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"incidents.overdue_check", "legalhelp.overdue_check"} <= tasks
