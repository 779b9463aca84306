"""Photo answers for every channel: the photo is stored first (privately, by its SHA-256, type
read from the content, never from the name), and the answer carries the hash. Only the
observer who sent a photo can use it as an answer, so a hash cannot be borrowed."""

from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from amanat.incidents.evidence import EvidenceRejected, evidence_check

from .models import ChecklistPhoto


class PhotoRejected(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def photos_dir() -> Path:
    path = Path(settings.AMANAT_PRIVATE_DIR) / "checklists"
    path.mkdir(parents=True, exist_ok=True)
    return path


def checklist_photo_store(*, observer, name: str, content: bytes) -> ChecklistPhoto:
    try:
        checked = evidence_check(name, content)
    except EvidenceRejected as rejected:
        raise PhotoRejected(rejected.message) from None
    if checked.sniffed.kind != "photo":
        raise PhotoRejected(_("“%(name)s” is not a photo.") % {"name": name})
    path = photos_dir() / checked.sha256
    if not path.exists():
        path.write_bytes(content)
    try:
        with transaction.atomic():
            photo, _created = ChecklistPhoto.objects.get_or_create(
                sha256=checked.sha256, observer=observer,
                defaults={"content_type": checked.sniffed.content_type},
            )  # fmt: skip
    except IntegrityError:  # the same picture racing in from two requests
        photo = ChecklistPhoto.objects.get(sha256=checked.sha256, observer=observer)
    return photo


def photos_owned(observer, hashes: list[str]) -> set[str]:
    """Which of these hashes this observer has sent as photos."""
    return set(
        ChecklistPhoto.objects.filter(observer=observer, sha256__in=hashes).values_list(
            "sha256", flat=True
        )
    )
