"""Overdue questions, checked by `amanat beat`: the region's lawyers hear of each one once."""

from functools import partial

from celery import shared_task
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send

from .models import Question


def _message(question: Question) -> Message:
    when = formats.date_format(timezone.localtime(question.due_at), "DATETIME_FORMAT")
    return Message(
        kind="question_overdue",
        subject=_("A question waits past its answer time"),
        body=_("A citizen's question (%(topic)s) was to be answered by %(time)s.")
        % {"topic": question.get_topic_display(), "time": when},
        url=reverse("legalhelp:answer", args=[question.pk]),
    )


@shared_task(name="legalhelp.overdue_check")
def overdue_check() -> int:
    """Every open question past its answer time, to the active lawyers of its region; once per
    question (the key), however often beat runs. Returns the deliveries planned."""
    planned = 0
    overdue = Question.objects.filter(status=Question.Status.OPEN, due_at__lt=timezone.now())
    for question in overdue:
        lawyers = User.objects.filter(is_active=True, role=Role.LAWYER, regions=question.region_id)
        planned += len(
            message_send(
                users=lawyers,
                message=partial(_message, question),
                key=f"overdue:question:{question.pk}",
            )
        )
    return planned
