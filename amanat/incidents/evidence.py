"""Evidence files: the type is read from the content (never from the name), the original is
kept privately under its SHA-256, and photos get a copy without EXIF, GPS or other metadata —
the only copy that can ever be shown. Files are never read whole: the caps, hashing and
copying are the shared intake's (amanat.core.uploads)."""

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.utils.translation import gettext as _
from PIL import ImageOps, UnidentifiedImageError

from amanat.core.uploads import (
    PictureTooLarge,
    as_file,
    file_head,
    file_keep,
    file_limit,
    file_sha256,
    kind_limit,
    megabytes,
    picture_open,
    pixel_limit,
)

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp",
                 "GIF": "image/gif"}  # fmt: skip


class EvidenceRejected(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name, self.message = name, message


@dataclass(frozen=True)
class Sniffed:
    kind: str
    content_type: str


def sniff(file: File) -> Sniffed | None:
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


def strip_metadata(source) -> bytes:
    """Re-encode the pixels only: EXIF (GPS, camera, time), XMP, ICC and comments stay behind.
    The picture is turned upright first, since the orientation lived in the EXIF. `source` is
    a path or a file; its size was checked on intake, and is checked again here.
    One copy of the pixels at a time (a 48 MP photo: 144 MB, not four times that): turned in
    place, and the JPEG encoder takes metadata only from what save() is given, and the
    comment from `info`, which is emptied."""
    if hasattr(source, "seek"):
        source.seek(0)
    with picture_open(source) as image:
        ImageOps.exif_transpose(image, in_place=True)
        clean = image if image.mode == "RGB" else image.convert("RGB")
        clean.info = {}
        buffer = io.BytesIO()
        clean.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def private_dir() -> Path:
    path = Path(settings.AMANAT_PRIVATE_DIR) / "evidence"
    path.mkdir(parents=True, exist_ok=True)
    return path


def public_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "evidence"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Checked:
    name: str
    file: File
    size: int
    sniffed: Sniffed
    sha256: str


def _too_large(name: str, limit: int) -> EvidenceRejected:
    message = _("“%(name)s” is larger than %(limit)s MB.")
    return EvidenceRejected(name, message % {"name": name, "limit": megabytes(limit)})


def evidence_check(name: str, content: bytes | File) -> Checked:
    """Size first (from the upload, nothing read), then the kind from the content, then the
    kind's own cap; the hash is taken chunk by chunk."""
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


def evidence_store(checked: Checked, public_id) -> tuple[str, str]:
    """Write the original (private, named by its hash) and, for photos, the clean copy."""
    original = private_dir() / checked.sha256
    file_keep(checked.file, original)
    copy = ""
    if checked.sniffed.kind == "photo":
        clean = strip_metadata(checked.file)
        copy = copy_name(public_id, clean)
        (public_dir() / copy).write_bytes(clean)
    return original.name, copy


def copy_name(public_id, content: bytes) -> str:
    """The shown copy's file name carries the hash of its content, so that a redaction gives
    the copy a new name and a new address (copy_version): a browser that kept the picture
    before the blur cannot show it again as if it were the blurred one."""
    return f"{public_id}-{hashlib.sha256(content).hexdigest()[:16]}.jpg"


def copy_version(name: str) -> str:
    """The content hash in a copy's name ("" for copies named before names carried it)."""
    stem = name.removesuffix(".jpg")
    return stem[37:] if len(stem) > 37 else ""  # after the public id (36 characters) and "-"


def photo_keep(name: str, content: bytes | File, folder: str) -> Checked:
    """Check that the content is a photo and keep it privately under AMANAT_PRIVATE_DIR/folder,
    named by its SHA-256 (protocol photos, photo answers). Raises EvidenceRejected."""
    checked = evidence_check(name, content)
    if checked.sniffed.kind != "photo":
        raise EvidenceRejected(name, _("“%(name)s” is not a photo.") % {"name": name})
    file_keep(checked.file, Path(settings.AMANAT_PRIVATE_DIR) / folder / checked.sha256)
    return checked


def kept_photo_clean(folder: str, sha256: str) -> bytes | None:
    """A photo kept by photo_keep, re-encoded without its metadata for display; None if absent
    (or too large to decode).
    The camera's GPS and time stay in the private original only."""
    path = Path(settings.AMANAT_PRIVATE_DIR) / folder / sha256
    if not path.is_file():
        return None
    try:
        return strip_metadata(path)
    except PictureTooLarge:  # kept before pictures were measured on intake: never decoded
        return None


def redact(content: bytes, *, box: tuple[float, float, float, float], mode: str) -> bytes:
    """Blur a region (faces, car plates) or crop to a region; box in per cent of the picture.
    The input is already a clean copy; the output is re-encoded the same clean way."""
    from PIL import ImageFilter

    with picture_open(io.BytesIO(content)) as image:
        picture = image.convert("RGB")
    width, height = picture.size
    left, top, right, bottom = (
        round(box[0] * width / 100), round(box[1] * height / 100),
        round(box[2] * width / 100), round(box[3] * height / 100),
    )  # fmt: skip
    if right <= left or bottom <= top:
        raise ValueError("empty region")
    if mode == "crop":
        picture = picture.crop((left, top, right, bottom))
    else:
        region = picture.crop((left, top, right, bottom))
        radius = max(8, (right - left) // 6)
        picture.paste(region.filter(ImageFilter.GaussianBlur(radius)), (left, top))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()
