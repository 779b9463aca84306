"""Reads of verified voices: the public list, the review queue and the badges of a page."""

from django.db.models import Q, QuerySet

from .models_voices import VoiceApplication

Status = VoiceApplication.Status


def voices_verified(search: str = "") -> QuerySet[VoiceApplication]:
    voices = VoiceApplication.objects.filter(status=Status.APPROVED).select_related("user")
    if search:
        voices = voices.filter(
            Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
            | Q(user__username__icontains=search)
            | Q(organisation__icontains=search)
        )
    return voices.order_by("user__last_name", "user__first_name", "pk")


def applications_pending(search: str = "") -> QuerySet[VoiceApplication]:
    """Applications waiting for review, oldest first; `search` finds a name, a login, an
    organisation or words of the statement."""
    pending = VoiceApplication.objects.filter(status=Status.PENDING).select_related("user")
    if search:
        pending = pending.filter(
            Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
            | Q(user__username__icontains=search)
            | Q(organisation__icontains=search)
            | Q(statement__icontains=search)
        )
    return pending.order_by("created_at", "pk")


def applications_of(user) -> QuerySet[VoiceApplication]:
    return VoiceApplication.objects.filter(user=user)


def badges() -> dict[int, str]:
    """Verified capacity by user id, for every approved voice: one query for a whole page."""
    return dict(
        VoiceApplication.objects.filter(status=Status.APPROVED).values_list("user_id", "capacity")
    )
