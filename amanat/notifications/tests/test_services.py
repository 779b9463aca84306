"""Planning deliveries and sending each once: pending rows under a key, one task per row,
retried with back-off on a gateway failure, never sent twice."""

import pytest
from celery.exceptions import Retry
from django.core import mail

from amanat.notifications.models import Delivery, Notification
from amanat.notifications.senders import Message
from amanat.notifications.services import delivery_send, message_send
from amanat.notifications.tasks import MAX_RETRIES, backoff, delivery_send_task

pytestmark = pytest.mark.django_db
MESSAGE = Message(kind="test", subject="Сбор", body="В 10:00")


@pytest.fixture
def smtp_down(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("amanat.notifications.senders.send_mail", refuse)
    return calls


def test_nothing_is_sent_before_the_transaction_commits(
    make_user, django_capture_on_commit_callbacks
):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks() as enqueued:
        planned = message_send(users=[user], message=MESSAGE, key="t:1")
    assert [(d.channel, d.status, d.key) for d in planned] == [
        ("inbox", "pending", f"t:1:{user.pk}:inbox"),
        ("email", "pending", f"t:1:{user.pk}:email"),
    ]
    assert (len(enqueued), mail.outbox, Notification.objects.count()) == (1, [], 0)


def test_after_commit_each_delivery_is_sent_once(make_user, django_capture_on_commit_callbacks):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        message_send(users=[user], message=MESSAGE, key="t:1")
    statuses = dict(Delivery.objects.values_list("channel", "status"))
    assert statuses == {"inbox": "sent", "email": "sent"}
    assert (len(mail.outbox), Notification.objects.count()) == (1, 1)


def test_the_same_occasion_planned_again_sends_nothing_more(
    make_user, django_capture_on_commit_callbacks
):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        message_send(users=[user], message=MESSAGE, key="t:1")
    with django_capture_on_commit_callbacks(execute=True):
        again = message_send(users=[user], message=MESSAGE, key="t:1")
    assert again == []
    assert (Delivery.objects.count(), len(mail.outbox), Notification.objects.count()) == (2, 1, 1)


def test_a_delivery_handed_to_a_task_twice_is_sent_once(
    make_user, django_capture_on_commit_callbacks
):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks():
        [delivery] = message_send(users=[user], message=MESSAGE, channels=["email"], key="t:1")
    assert delivery_send(delivery_id=delivery.pk).status == "sent"
    assert delivery_send(delivery_id=delivery.pk).status == "sent"
    delivery.refresh_from_db()
    assert (len(mail.outbox), delivery.attempts) == (1, 1)


def test_a_person_without_an_address_is_skipped(make_user, django_capture_on_commit_callbacks):
    user = make_user(email="")
    with django_capture_on_commit_callbacks(execute=True):
        message_send(users=[user], message=MESSAGE, channels=["email"], key="t:1")
    assert list(Delivery.objects.values_list("status", "attempts")) == [("skipped", 1)]


def test_a_gateway_failure_leaves_the_delivery_waiting_for_a_retry(
    make_user, smtp_down, django_capture_on_commit_callbacks
):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks():
        [delivery] = message_send(users=[user], message=MESSAGE, channels=["email"], key="t:1")
    outcome = delivery_send(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (outcome.retry, delivery.status, delivery.error, delivery.attempts) == (
        True, "pending", "SMTP down", 1
    )  # fmt: skip


def test_in_process_a_gateway_failure_is_logged_and_stops_no_other_channel(
    make_user, smtp_down, django_capture_on_commit_callbacks, caplog
):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        message_send(users=[user], message=MESSAGE, channels=["email", "inbox"], key="t:1")
    rows = dict(Delivery.objects.values_list("channel", "status"))
    assert rows == {"email": "failed", "inbox": "sent"}
    assert Delivery.objects.get(channel="email").error == "SMTP down"
    assert "failed for good: SMTP down" in caplog.text


def test_with_a_worker_the_task_is_retried_with_back_off_then_gives_up(
    make_user, smtp_down, django_capture_on_commit_callbacks, monkeypatch
):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks():
        [delivery] = message_send(users=[user], message=MESSAGE, channels=["email"], key="t:1")
    countdowns = []

    def retry(*args, countdown, **kwargs):
        countdowns.append(countdown)
        return Retry()

    monkeypatch.setattr(delivery_send_task, "retry", retry)
    for attempt in range(MAX_RETRIES + 1):
        request = {"id": f"r{attempt}", "retries": attempt, "is_eager": False}
        delivery_send_task.push_request(**request)
        try:
            if attempt < MAX_RETRIES:
                with pytest.raises(Retry):
                    delivery_send_task.run(delivery.pk)
            else:
                assert delivery_send_task.run(delivery.pk) == "failed"
        finally:
            delivery_send_task.pop_request()
    delivery.refresh_from_db()
    assert countdowns == [10, 20, 40, 80, 160, 300]
    assert (delivery.status, delivery.attempts, len(smtp_down)) == ("failed", 7, 7)
    assert [backoff(n) for n in range(8)][-1] == 300


def test_a_retried_task_after_success_sends_nothing(make_user, django_capture_on_commit_callbacks):
    user = make_user(email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = message_send(users=[user], message=MESSAGE, channels=["email"], key="t:1")
    assert delivery_send_task.apply(args=[delivery.pk]).get() == "sent"
    assert len(mail.outbox) == 1
