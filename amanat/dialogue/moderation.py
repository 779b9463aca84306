"""Moderation of the dialogue's posts: who may post at all. Every service that creates a post
(a debate, an argument, a comment, a live question, a statement) asks `posting_refused` first."""

from django.db.models import Q
from django.utils import timezone

from .models import Ban


def posting_refused(user) -> Ban | None:
    """The ban in force that bars `user` from posting, or None when they may post."""
    if not getattr(user, "is_authenticated", False):
        return None
    now = timezone.now()
    return (
        Ban.objects.filter(user=user, lifted_at__isnull=True)
        .filter(Q(until__isnull=True) | Q(until__gt=now))
        .first()
    )
