"""Pictures made for the intake tests."""

import io
import os

from PIL import Image


def picture(width: int = 64, height: int = 48, image_format: str = "PNG", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 200)).save(buffer, format=image_format, **save)
    return buffer.getvalue()


def photo_with_gps() -> bytes:
    """A phone's JPEG: camera make, GPS position and a comment in its metadata."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (43.0, 15.0, 0.0), 3: "E", 4: (76.0, 55.0, 0.0)})
    return picture(image_format="JPEG", exif=exif, comment=b"taken at home")


def noise(width: int, height: int) -> bytes:
    """A PNG of random pixels, which no compression shrinks (width × height × 3 bytes)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(buffer, "PNG")
    return buffer.getvalue()
