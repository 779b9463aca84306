"""The caps, all from settings (AMANAT_UPLOAD_*): per kind of file, per picture, per request."""

from django.conf import settings

MIB = 2**20


def kind_limit(kind: str) -> int:
    """The largest file of this kind ("photo", "video", "document"), in bytes."""
    limit: int = settings.AMANAT_UPLOAD_MAX_BYTES[kind]
    return limit


def file_limit() -> int:
    """The largest file of any kind: a bigger one is refused before its content is looked at."""
    return max(kind_limit(kind) for kind in settings.AMANAT_UPLOAD_MAX_BYTES)


def pixel_limit() -> int:
    limit: int = settings.AMANAT_UPLOAD_MAX_PIXELS
    return limit


def request_limit() -> int:
    limit: int = settings.AMANAT_UPLOAD_MAX_REQUEST_BYTES
    return limit


def files_limit() -> int:
    """The most files one report may carry."""
    limit: int = settings.AMANAT_UPLOAD_MAX_FILES
    return limit


def megabytes(size: int) -> int:
    return size // MIB
