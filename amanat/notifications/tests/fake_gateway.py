"""A slow e-mail gateway for the worker tests, at the edge (Django's e-mail backend): each
message takes AMANAT_FAKE_GATEWAY_DELAY seconds, one at a time as through one line, and is
then written to the file AMANAT_FAKE_GATEWAY_FILE, one recipient a line. The file, not a
mock in the test process, is the count of what reached the gateway."""

import fcntl
import os
import time
from collections.abc import Sequence

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class SlowGateway(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        path = os.environ["AMANAT_FAKE_GATEWAY_FILE"]
        delay = float(os.environ.get("AMANAT_FAKE_GATEWAY_DELAY", "0.1"))
        with open(path + ".line", "a") as line:
            fcntl.flock(line, fcntl.LOCK_EX)  # one message through the gateway at a time
            for message in email_messages:
                time.sleep(delay)
                with open(path, "a") as record:
                    record.write(",".join(message.to) + "\n")
        return len(email_messages)
