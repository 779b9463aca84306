import uuid

from django.utils import timezone

from amanat.accounts.models import ApiToken
from amanat.checklists.models import FormVersion, Submission


def token_for(user, key="k" * 40, **fields):
    ApiToken.objects.create(user=user, key_hash=ApiToken.hash_key(key), prefix=key[:8], **fields)
    return key


def sms_log(message_id="m1"):
    from amanat.channels.models import InboundMessage

    return InboundMessage(gateway="smssync", message_id=message_id, phone="+7701", text="VT 1 A2",
                          status="accepted", reply="ok")  # fmt: skip


def a_submission(field, client_id=None):
    election, station, observer = field
    return Submission(
        client_id=client_id or uuid.uuid4(), version=FormVersion.objects.get(form__code="VT"),
        election=election, station=station, observer=observer, channel="sms",
        observed_at=timezone.now(), raw={}, answers={"A": False},
    )  # fmt: skip
