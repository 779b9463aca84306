"""Files chunk by chunk: an upload past 2 MB is on disk (Django's TemporaryFileUploadHandler)
and is never read whole; it is hashed and copied a chunk at a time."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile


def as_file(content: bytes | File[bytes]) -> File[bytes]:
    """Channels hand in an uploaded file (on disk past 2 MB) or bytes (Telegram, tests)."""
    return ContentFile(content) if isinstance(content, bytes) else content


def file_head(file: File[bytes], size: int = 16) -> bytes:
    file.seek(0)
    head: bytes = file.read(size)
    file.seek(0)
    return head


def file_sha256(file: File[bytes]) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def file_copy(file: File[bytes], path: Path) -> None:
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


def file_write(content: bytes, path: Path) -> None:
    """Write through a temporary name beside `path`: a crash leaves no half-written file under
    the final name. An existing file is replaced."""
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as part:
        part.write(content)
    os.replace(part.name, path)
