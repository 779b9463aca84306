"""E-mail to someone without an account goes by a task like every delivery, once per key."""

import pytest
from django.core import mail

from amanat.notifications.models import Delivery
from amanat.notifications.senders import Message
from amanat.notifications.services import email_to_address

pytestmark = pytest.mark.django_db


def test_an_address_is_mailed_after_commit_and_once_per_occasion(
    django_capture_on_commit_callbacks,
):
    message = Message(kind="legal_answer", subject="Ответ юриста", body="Прочтите", url="/ru/x/")
    with django_capture_on_commit_callbacks(execute=True):
        email_to_address(address="asker@example.org", message=message, key="question:7")
        assert mail.outbox == []  # nothing leaves before the transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        email_to_address(address="asker@example.org", message=message, key="question:7")
    assert [m.to for m in mail.outbox] == [["asker@example.org"]]
    assert mail.outbox[0].body.endswith("/ru/x/")
    delivery = Delivery.objects.get()
    assert (delivery.user, delivery.address, delivery.status) == (None, "asker@example.org", "sent")
