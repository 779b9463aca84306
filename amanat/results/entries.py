"""Protocol photos and their entry by hand: an observer sends the photo of the protocol copy;
two people type its figures independently, and the lines where they differ are flagged."""

import uuid
from dataclasses import dataclass

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from amanat.elections.models import Contest
from amanat.evidence.services import EvidenceRejected, photo_keep
from amanat.observers.models import DeploymentStation, Observer

from .models import ProtocolEntry, ProtocolPhoto
from .official import line_keys
from .services import protocol_relations_checker


class ProtocolRejected(Exception):
    def __init__(self, message: str, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message, self.errors = message, errors or {}


FOLDER = "protocols"


def protocol_photo_receive(
    *, client_id: uuid.UUID, contest: Contest, station_number: str, observer: Observer,
    name: str, content: bytes | File,
) -> tuple[ProtocolPhoto, bool]:  # fmt: skip
    """Store once per client id; the observer must be deployed to the station."""
    existing = ProtocolPhoto.objects.filter(client_id=client_id).first()
    if existing is not None:
        return existing, False
    link = DeploymentStation.objects.filter(
        election_id=contest.election_id, station__number=station_number,
        deployment__observer=observer,
    ).first()  # fmt: skip
    if link is None:
        raise ProtocolRejected(
            _("You are not deployed to station %(number)s.") % {"number": station_number}
        )
    try:
        checked = photo_keep(name=name, content=content, folder=FOLDER)
    except EvidenceRejected as rejected:
        raise ProtocolRejected(rejected.message) from None
    try:
        with transaction.atomic():
            photo = ProtocolPhoto.objects.create(
                client_id=client_id, contest=contest, station_id=link.station_id,
                observer=observer, sha256=checked.sha256,
                content_type=checked.sniffed.content_type,
            )  # fmt: skip
    except IntegrityError:  # the same client id racing in: answer with the stored one
        return ProtocolPhoto.objects.get(client_id=client_id), False
    return photo, True


@dataclass
class EntryResult:
    entry: ProtocolEntry
    broken_relations: list[str]


def protocol_entry_save(*, photo: ProtocolPhoto, user, figures: dict) -> EntryResult:
    """Save one person's reading of the photo (again: replaces it). Every line is needed;
    broken control relations are reported but kept, since the photo may show them."""
    errors = {}
    for key in line_keys(photo.contest):
        value = figures.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            errors[key] = _("Give a whole number, zero or more.")
    if errors:
        raise ProtocolRejected(_("Some lines are missing or not valid."), errors)
    clean = {key: figures[key] for key in line_keys(photo.contest)}
    entry, _created = ProtocolEntry.objects.update_or_create(
        photo=photo, entered_by=user, defaults={"figures": clean}
    )
    return EntryResult(entry, protocol_relations_checker(photo.contest)(clean))


def entries_differences(entries: list[ProtocolEntry]) -> dict[str, list[int]]:
    """Line → the values the entries give, for the lines where they do not all agree."""
    if len(entries) < 2:
        return {}
    keys = dict.fromkeys(k for entry in entries for k in entry.figures)
    return {
        key: values
        for key in keys
        if len(set(values := [entry.figures.get(key) for entry in entries])) > 1
    }
