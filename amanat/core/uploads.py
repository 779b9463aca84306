"""File intake shared by every channel (web forms, the API, OpenRosa, Telegram). The caps live in
settings (AMANAT_UPLOAD_*): a body past the request cap is refused from its Content-Length
before a byte of it is read; files stream to disk (Django's TemporaryFileUploadHandler) and are
hashed and copied chunk by chunk; a picture's size is read from its header before it is
decoded; and each reporter has an hourly allowance of files and bytes."""

import hashlib
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from PIL import Image

from .api_errors import error_response
from .client_address import client_ip

MIB = 2**20


class UploadRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PictureTooLarge(Exception):
    """More pixels than AMANAT_UPLOAD_MAX_PIXELS: decoding it could take gigabytes."""


def kind_limit(kind: str) -> int:
    return settings.AMANAT_UPLOAD_MAX_BYTES[kind]


def file_limit() -> int:
    """The largest file of any kind: a bigger one is refused before its content is looked at."""
    return max(settings.AMANAT_UPLOAD_MAX_BYTES.values())


def megabytes(size: int) -> int:
    return size // MIB


# --- the request as a whole, before it is read ------------------------------------------------


def content_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def body_too_large(request: HttpRequest, limit: int | None = None) -> bool:
    """True if the declared body is past `limit` (default: the request cap). Django reads no
    more than Content-Length, so the declared length is what could be read. An intake with a
    smaller cap of its own (OpenRosa's advertised size) calls this with it before request.FILES."""
    return content_length(request) > (limit or settings.AMANAT_UPLOAD_MAX_REQUEST_BYTES)


def too_large_response(request: HttpRequest, limit: int | None = None) -> HttpResponse:
    limit = limit or settings.AMANAT_UPLOAD_MAX_REQUEST_BYTES
    message = _("What you sent is larger than %(limit)s MB altogether. Send fewer or smaller "
                "files.") % {"limit": megabytes(limit)}  # fmt: skip
    if request.path.startswith("/api/"):
        return error_response(413, "too_large", message)
    return render(request, "413.html", {"message": message}, status=413)


class RequestSizeMiddleware:
    """Refuse an oversized body with 413 before anything (CSRF, a form) reads it. The server
    closes the connection with the rest unread (gunicorn's sync workers close every one; a
    WSGI application may not set Connection itself, PEP 3333)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if body_too_large(request):
            return too_large_response(request)
        return self.get_response(request)


# --- files, chunk by chunk --------------------------------------------------------------------


def as_file(content: bytes | File) -> File:
    """Channels hand in an uploaded file (on disk past 2 MB) or bytes (Telegram, tests)."""
    return ContentFile(content) if isinstance(content, bytes) else content


def file_head(file: File, size: int = 16) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def file_sha256(file: File) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def file_keep(file: File, path: Path) -> None:
    """Copy to `path` chunk by chunk through a temporary name beside it, so a crash leaves no
    half-written file under the final name. An existing file (same hash) is kept as it is."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    file.seek(0)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as part:
        for chunk in file.chunks():
            part.write(chunk)
    os.replace(part.name, path)


# --- pictures: measured before decoding ------------------------------------------------------


def pixel_limit() -> int:
    return settings.AMANAT_UPLOAD_MAX_PIXELS


@contextmanager
def picture_open(source):
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


# --- each reporter's hourly allowance ---------------------------------------------------------


def uploader_key(request: HttpRequest) -> str:
    """Whom an upload is counted against: the account, or the address of an anonymous sender
    (the client's, behind a trusted proxy)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"addr:{client_ip(request)}"


def allowance_take(key: str, sizes: list[int]) -> None:
    """Count these files against the reporter's hour, or raise UploadRefused (nothing counted).
    The cache framework holds the counters (bounded; shared through Redis in production)."""
    if not key or not sizes:
        return
    prefix = f"uploads:{key}:{int(time.time() // 3600)}"
    counters = {f"{prefix}:bytes": sum(sizes), f"{prefix}:files": len(sizes)}
    limits = [settings.AMANAT_UPLOAD_HOURLY_BYTES, settings.AMANAT_UPLOAD_HOURLY_FILES]
    totals = []
    for counter, amount in counters.items():
        cache.add(counter, 0, timeout=3600)
        totals.append(cache.incr(counter, amount))
    if any(total > limit for total, limit in zip(totals, limits, strict=True)):
        for counter, amount in counters.items():
            cache.decr(counter, amount)
        raise UploadRefused(
            _(
                "You have sent more files than one sender may send in an hour. Send the report "
                "without them, or try again later."
            )  # fmt: skip
        )
