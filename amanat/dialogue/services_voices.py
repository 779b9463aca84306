"""Writes of verified voices: an application, and a moderator's approval, rejection or
revocation, each audit-logged."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.audit.services import audit_record

from .models_voices import VoiceApplication
from .moderation import posting_refused

Status = VoiceApplication.Status


class VoiceError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _clean(text: str, limit: int) -> str:
    return text.replace("\x00", "").strip()[:limit]


def voice_apply(
    *, user: User, capacity: str, organisation: str, statement: str, links: str = ""
) -> VoiceApplication:
    """One application in review or in force per person; a banned person cannot apply."""
    if posting_refused(user) is not None:
        raise VoiceError("banned")
    if VoiceApplication.objects.filter(user=user, status__in=[Status.PENDING, Status.APPROVED]):
        raise VoiceError("open")
    try:
        with transaction.atomic():
            application = VoiceApplication.objects.create(
                user=user,
                capacity=capacity,
                organisation=_clean(organisation, 200),
                statement=_clean(statement, 2000),
                links=_clean(links, 2000),
            )
            audit_record(
                actor=user, action="dialogue.voice_applied", obj=application,
                data={"capacity": capacity},
            )  # fmt: skip
    except IntegrityError as race:  # a second submit of the same form at the same moment
        raise VoiceError("open") from race
    return application


def _decide(
    *, application: VoiceApplication, moderator: User, expect: str, to: str, reason: str
) -> VoiceApplication:
    with transaction.atomic():
        locked = VoiceApplication.objects.select_for_update().get(pk=application.pk)
        if locked.status != expect:
            raise VoiceError("decided")
        locked.status, locked.reason = to, _clean(reason, 1000)
        locked.decided_by, locked.decided_at = moderator, timezone.now()
        locked.save(update_fields=["status", "reason", "decided_by", "decided_at"])
        audit_record(
            actor=moderator, action=f"dialogue.voice_{to}", obj=locked,
            data={"capacity": locked.capacity, "user": locked.user_id, "reason": locked.reason},
        )  # fmt: skip
    return locked


def voice_approve(*, application: VoiceApplication, moderator: User) -> VoiceApplication:
    return _decide(
        application=application, moderator=moderator, expect=Status.PENDING,
        to=Status.APPROVED, reason="",
    )  # fmt: skip


def voice_reject(
    *, application: VoiceApplication, moderator: User, reason: str
) -> VoiceApplication:
    if not reason.strip():
        raise VoiceError("reason")
    return _decide(
        application=application, moderator=moderator, expect=Status.PENDING,
        to=Status.REJECTED, reason=reason,
    )  # fmt: skip


def voice_revoke(
    *, application: VoiceApplication, moderator: User, reason: str
) -> VoiceApplication:
    """The badge disappears from every post at once: it is read from the approved rows."""
    if not reason.strip():
        raise VoiceError("reason")
    return _decide(
        application=application, moderator=moderator, expect=Status.APPROVED,
        to=Status.REVOKED, reason=reason,
    )  # fmt: skip
