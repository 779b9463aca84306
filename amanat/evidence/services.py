"""The one intake every upload goes through (incident evidence, checklist photo answers,
protocol photos; web, API, OpenRosa, Telegram): the size first, then the type read from the
content (never from the name) and the kind's own cap; the original is kept privately, named by
its SHA-256, and a photo is shown only as a copy without EXIF, GPS or other metadata.
The apps keep their own models that link a file to a report, a submission or a protocol."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.core.files import File
from django.utils.translation import gettext as _
from PIL import UnidentifiedImageError

from .files import as_file, file_copy, file_head, file_sha256
from .limits import file_limit, kind_limit, megabytes, pixel_limit
from .pictures import Box, PictureTooLarge, picture_open, redact, strip_metadata

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp",
                 "GIF": "image/gif"}  # fmt: skip
# Where incident evidence is kept (private originals) and shown (clean copies, MEDIA_ROOT).
EVIDENCE_FOLDER = "evidence"


class EvidenceRejected(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name, self.message = name, message


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "photo", "video" or "document"
    content_type: str


def sniff(file: File[bytes]) -> Sniffed | None:
    """The kind from the first bytes; a picture is measured (PictureTooLarge) before verify()
    reads its chunks, and verify() decodes no pixel."""
    head = file_head(file)
    if head.startswith(b"%PDF-"):
        return Sniffed("document", "application/pdf")
    if head[4:8] == b"ftyp":
        return Sniffed("video", "video/mp4")
    try:
        with picture_open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    finally:
        file.seek(0)
    if image_format in IMAGE_FORMATS:
        return Sniffed("photo", IMAGE_FORMATS[image_format])
    return None


@dataclass(frozen=True)
class Checked:
    name: str
    file: File[bytes]
    size: int
    sniffed: Sniffed
    sha256: str


def _too_large(name: str, limit: int) -> EvidenceRejected:
    message = _("“%(name)s” is larger than %(limit)s MB.")
    return EvidenceRejected(name, message % {"name": name, "limit": megabytes(limit)})


def file_check(*, name: str, content: bytes | File[bytes]) -> Checked:
    """Size first (from the upload, nothing read), then the kind from the content, then the
    kind's own cap; the hash is taken chunk by chunk. Raises EvidenceRejected."""
    file = as_file(content)
    if file.size > file_limit():
        raise _too_large(name, file_limit())
    try:
        sniffed = sniff(file)
    except PictureTooLarge:
        raise EvidenceRejected(
            name,
            _("“%(name)s” has too many pixels: pictures of up to %(limit)s megapixels are "
              "accepted.") % {"name": name, "limit": pixel_limit() // 1_000_000},
        ) from None  # fmt: skip
    if sniffed is None:
        raise EvidenceRejected(name, _("“%(name)s” is not a photo, video or PDF.") % {"name": name})
    if file.size > kind_limit(sniffed.kind):
        raise _too_large(name, kind_limit(sniffed.kind))
    return Checked(name, file, file.size, sniffed, file_sha256(file))


def private_dir(folder: str = EVIDENCE_FOLDER) -> Path:
    """Originals, never served over HTTP (AMANAT_PRIVATE_DIR/folder)."""
    path = Path(settings.AMANAT_PRIVATE_DIR) / folder
    path.mkdir(parents=True, exist_ok=True)
    return path


def public_dir() -> Path:
    """Clean copies of incident photos (MEDIA_ROOT/evidence)."""
    path = Path(settings.MEDIA_ROOT) / EVIDENCE_FOLDER
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_store(*, checked: Checked, folder: str, public_id: UUID | None = None) -> tuple[str, str]:
    """Keep the original privately in `folder`, named by its SHA-256 (the same picture twice is
    one file), and, given a public id, a photo's clean copy to show. Returns the original's
    name and the copy's ("" for none)."""
    original = private_dir(folder) / checked.sha256
    file_copy(checked.file, original)
    copy = ""
    if public_id is not None and checked.sniffed.kind == "photo":
        clean = strip_metadata(checked.file)
        copy = copy_name(public_id, clean)
        (public_dir() / copy).write_bytes(clean)
    return original.name, copy


def photo_keep(*, name: str, content: bytes | File[bytes], folder: str) -> Checked:
    """Check that the content is a photo and keep it privately under AMANAT_PRIVATE_DIR/folder,
    named by its SHA-256 (protocol photos, photo answers). Raises EvidenceRejected."""
    checked = file_check(name=name, content=content)
    if checked.sniffed.kind != "photo":
        raise EvidenceRejected(name, _("“%(name)s” is not a photo.") % {"name": name})
    file_store(checked=checked, folder=folder)
    return checked


def photo_clean(*, folder: str, sha256: str) -> bytes | None:
    """A photo kept by photo_keep, re-encoded without its metadata for display; None if absent
    (or too large to decode). The camera's GPS and time stay in the private original only."""
    path = Path(settings.AMANAT_PRIVATE_DIR) / folder / sha256
    if not path.is_file():
        return None
    try:
        return strip_metadata(path)
    except PictureTooLarge:  # kept before pictures were measured on intake: never decoded
        return None


# --- the shown copies of incident photos ------------------------------------------------------


def copy_name(public_id: UUID, content: bytes) -> str:
    """The shown copy's file name carries the hash of its content, so that a redaction gives
    the copy a new name and a new address (copy_version): a browser that kept the picture
    before the blur cannot show it again as if it were the blurred one."""
    return f"{public_id}-{hashlib.sha256(content).hexdigest()[:16]}.jpg"


def copy_version(name: str) -> str:
    """The content hash in a copy's name ("" for copies named before names carried it)."""
    stem = name.removesuffix(".jpg")
    return stem[37:] if len(stem) > 37 else ""  # after the public id (36 characters) and "-"


def copy_path(name: str) -> Path:
    return public_dir() / name


def copy_redact(*, name: str, public_id: UUID, box: Box, mode: str) -> str:
    """Blur a region of a shown copy, or crop to it (mode "crop"); box in per cent. The result
    is written under a new name (returned); the copy before it is left for the caller to
    remove once its own change is committed. ValueError for an empty region."""
    content = redact(copy_path(name).read_bytes(), box=box, mode=mode)
    redacted = copy_name(public_id, content)
    copy_path(redacted).write_bytes(content)
    return redacted
