"""Photo answers for every channel: the photo is stored first (privately, by its SHA-256, type
read from the content, never from the name), and the answer carries the hash. Only the
observer who sent a photo can use it as an answer, so a hash cannot be borrowed."""

from __future__ import annotations

from django.core.files import File
from django.db import IntegrityError, transaction

from amanat.evidence.services import EvidenceRejected, photo_keep
from amanat.observers.models import Observer

from .models import ChecklistPhoto


class PhotoRejected(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


FOLDER = "checklists"


def checklist_photo_store(
    *, observer: Observer, name: str, content: bytes | File[bytes]
) -> ChecklistPhoto:
    try:
        checked = photo_keep(name=name, content=content, folder=FOLDER)
    except EvidenceRejected as rejected:
        raise PhotoRejected(rejected.message) from None
    try:
        with transaction.atomic():
            photo, _created = ChecklistPhoto.objects.get_or_create(
                sha256=checked.sha256, observer=observer,
                defaults={"content_type": checked.sniffed.content_type},
            )  # fmt: skip
    except IntegrityError:  # the same picture racing in from two requests
        photo = ChecklistPhoto.objects.get(sha256=checked.sha256, observer=observer)
    return photo


def photos_owned(observer: Observer, hashes: list[str]) -> set[str]:
    """Which of these hashes this observer has sent as photos."""
    return set(
        ChecklistPhoto.objects.filter(observer=observer, sha256__in=hashes).values_list(
            "sha256", flat=True
        )
    )
