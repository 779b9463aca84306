"""Pictures, measured before they are decoded: the metadata-free copy and redaction."""

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from PIL import Image, ImageFilter, ImageOps

from .limits import pixel_limit

# A path on disk, or an open file (an upload, a BytesIO).
PictureSource = Path | str | IO[bytes]


class PictureTooLarge(Exception):
    """More pixels than AMANAT_UPLOAD_MAX_PIXELS: decoding it could take gigabytes."""


@contextmanager
def picture_open(source: PictureSource) -> Iterator[Image.Image]:
    """Image.open reads the header only; the size is compared with the limit before any pixel
    is decoded. Pillow's own bomb check (Image.MAX_IMAGE_PIXELS, set from the same setting at
    start-up) raises for twice the limit and warns above it: both are refusals here."""
    try:
        image = Image.open(source)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PictureTooLarge from None
    with image:
        if image.width * image.height > pixel_limit():
            raise PictureTooLarge
        yield image


def _jpeg(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def strip_metadata(source: PictureSource) -> bytes:
    """Re-encode the pixels only: EXIF (GPS, camera, time), XMP, ICC and comments stay behind.
    The picture is turned upright first, since the orientation lived in the EXIF. `source` is
    a path or a file; its size was checked on intake, and is checked again here.
    One copy of the pixels at a time (a 48 MP photo: 144 MB, not four times that): turned in
    place, and the JPEG encoder takes metadata only from what save() is given, and the
    comment from `info`, which is emptied."""
    if not isinstance(source, Path | str):
        source.seek(0)
    with picture_open(source) as image:
        ImageOps.exif_transpose(image, in_place=True)
        clean = image if image.mode == "RGB" else image.convert("RGB")
        clean.info = {}
        return _jpeg(clean)


Box = tuple[float, float, float, float]


def redact(content: bytes, *, box: Box, mode: str) -> bytes:
    """Blur a region (faces, car plates) or crop to a region ("crop"); box in per cent of the
    picture (left, top, right, bottom). The input is already a clean copy; the output is
    re-encoded the same clean way. ValueError for an empty region."""
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
    return _jpeg(picture)
