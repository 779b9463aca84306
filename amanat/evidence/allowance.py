"""Each sender's hourly allowance of files and bytes, and the number of files in one report."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

from amanat.core.client_address import client_ip

from .limits import files_limit


class UploadRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def uploader_key(request: HttpRequest) -> str:
    """Whom an upload is counted against: the account, or the address of an anonymous sender
    (the client's, behind a trusted proxy)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"addr:{client_ip(request)}"


def files_count_check(count: int) -> None:
    """At most AMANAT_UPLOAD_MAX_FILES files go with one report, or UploadRefused."""
    if count > files_limit():
        message = _("Attach at most %(count)s files to one report; you attached %(sent)s.")
        raise UploadRefused(message % {"count": files_limit(), "sent": count})


def allowance_take(key: str, sizes: list[int]) -> None:
    """Count these files against the sender's hour, or raise UploadRefused (nothing counted).
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
