"""After the due date the author is asked once whether a real answer came."""

from datetime import date

import pytest
from django.core import mail

from amanat.mandates.models import Appeal
from amanat.mandates.tasks_appeals import appeals_ask_overdue_task
from amanat.notifications.models import Delivery

from .appeals_clock import set_today
from .factories_appeals import AppealFactory

pytestmark = pytest.mark.django_db


def test_the_author_is_asked_once_after_the_due_date(
    monkeypatch, django_capture_on_commit_callbacks
):
    set_today(monkeypatch, date(2026, 11, 23))
    due_today = AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 23))
    past = AppealFactory(filed_on=date(2026, 11, 2), due_on=date(2026, 11, 20))
    extended = AppealFactory(
        filed_on=date(2026, 11, 2),
        due_on=date(2026, 11, 20),
        extended_to=date(2026, 12, 20),
        extension_notice_on=date(2026, 11, 10),
    )
    answered = AppealFactory(
        filed_on=date(2026, 11, 2),
        due_on=date(2026, 11, 20),
        outcome="real",
        answered_on=date(2026, 11, 19),
    )
    AppealFactory()  # a draft, never filed
    with django_capture_on_commit_callbacks(execute=True):
        assert appeals_ask_overdue_task() == 1
    assert [m.to for m in mail.outbox] == [[past.author.email]]
    assert f"/mandates/appeals/{past.pk}/answer/" in mail.outbox[0].body
    assert Appeal.objects.filter(asked_at__isnull=False).get() == past
    with django_capture_on_commit_callbacks(execute=True):
        assert appeals_ask_overdue_task() == 0
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(user=past.author, channel="email").count() == 1
    for appeal in (due_today, extended, answered):
        assert not Delivery.objects.filter(user=appeal.author).exists()
