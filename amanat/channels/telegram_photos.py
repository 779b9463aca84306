"""Photos sent to the bot: with the caption "PR" (or "протокол", "хаттама", "protocol") the
photo is the observer's copy of the results protocol, kept by its SHA-256 for entry by hand."""

import uuid

from django.utils.translation import gettext as _

from amanat.evidence.limits import kind_limit, megabytes
from amanat.notifications.telegram import client
from amanat.observers.selectors import deployments_of
from amanat.results.entries import ProtocolRejected, protocol_photo_receive
from amanat.results.selectors import protocol_contest_current

PROTOCOL_CAPTIONS = ("PR", "ПР", "ПРОТОКОЛ", "ХАТТАМА", "PROTOCOL")


def is_protocol_caption(caption: str) -> bool:
    words = caption.strip().upper().split()
    return bool(words) and words[0] in PROTOCOL_CAPTIONS


def protocol_photo_from_telegram(chat_id: int, observer, message: dict, client_id: uuid.UUID):
    contest = protocol_contest_current()
    election = contest.election if contest else None
    stations = [s for d in deployments_of(observer, election) for s in d.stations.all()]
    if contest is None or not stations:
        return client.send(chat_id, _("You are not deployed yet."))
    # Telegram names each size's bytes: one past the photo cap is not even downloaded.
    largest = max(message["photo"], key=lambda size: size.get("file_size", 0))
    if largest.get("file_size", 0) > kind_limit("photo"):
        message_text = _("The photo is larger than %(limit)s MB.")
        return client.send(chat_id, message_text % {"limit": megabytes(kind_limit("photo"))})
    try:
        photo, _created = protocol_photo_receive(
            client_id=client_id, contest=contest, station_number=stations[0].number,
            observer=observer, name="telegram.jpg", content=client.photo(message),
        )  # fmt: skip
    except ProtocolRejected as rejected:
        return client.send(chat_id, rejected.message)
    return client.send(
        chat_id,
        _("Photo of the protocol received (SHA-256 %(hash)s). Now send its figures with the "
          "protocol checklist.") % {"hash": photo.sha256[:16]},
    )  # fmt: skip
