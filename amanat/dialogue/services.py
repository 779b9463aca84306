"""Writes of opinion maps: votes (the last counts), statements and their moderation, and the
throttled request for a new analysis."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from amanat.accounts.models import User
from amanat.audit.services import audit_record

from .models import Analysis, Conversation, Statement, Vote
from .models_moderation import ModerationAction, Reason
from .moderation import posting_refused
from .tasks import analyse_task

# A recomputation waits this long after the vote that asked for it, gathering the votes that
# follow; a request older than STALE (a lost task) no longer holds the next one back.
THROTTLE_SECONDS = 10
STALE = timedelta(minutes=5)


class DialogueError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def vote_cast(*, conversation: Conversation, statement: Statement, user: User, value: int) -> Vote:
    """Record `user`'s vote; a later vote on the same statement replaces the earlier one."""
    if not conversation.is_open:
        raise DialogueError("closed")
    # Only accepted statements readers may see: one hidden by reports takes no votes (SMS and
    # Telegram votes come through here too).
    if statement.conversation_id != conversation.pk or not statement.is_public:
        raise DialogueError("statement")
    if value not in Vote.Value.values:
        raise DialogueError("value")
    with transaction.atomic():
        vote, _ = Vote.objects.update_or_create(
            statement=statement,
            participant=user,
            defaults={"conversation": conversation, "value": value, "voted_at": timezone.now()},
        )
        analysis_request(conversation)
    return vote


def statement_add(
    *, conversation: Conversation, user: User, text: str, language: str, seed: bool = False
) -> Statement:
    """A participant's statement waits for a moderator; a seed statement is accepted."""
    if not seed and posting_refused(user) is not None:
        raise DialogueError("banned")
    if not conversation.is_open:
        raise DialogueError("closed")
    text = " ".join(text.split())
    if not text:
        raise DialogueError("empty")
    if Statement.objects.filter(conversation=conversation, text__iexact=text).exists():
        raise DialogueError("duplicate")
    return Statement.objects.create(
        conversation=conversation,
        text=text,
        language=language[:2],
        origin=Statement.Origin.SEED if seed else Statement.Origin.PARTICIPANT,
        status=Statement.Status.ACCEPTED if seed else Statement.Status.PENDING,
        author=user,
    )


def statement_moderate(
    *, statement: Statement, moderator: User, accept: bool, reason: str = ""
) -> Statement:
    """Accept or moderate out; moderating out an accepted statement changes the map. The
    public moderation log counts every statement moderated out (with its reason, if given)."""
    before = statement.status
    statement.status = Statement.Status.ACCEPTED if accept else Statement.Status.REJECTED
    statement.moderated_by, statement.moderated_at = moderator, timezone.now()
    with transaction.atomic():
        statement.save(update_fields=["status", "moderated_by", "moderated_at"])
        audit_record(
            actor=moderator,
            action="dialogue.statement_moderated",
            obj=statement,
            data={"from": before, "to": statement.status},
        )
        if before != statement.status:
            analysis_request(statement.conversation)
        if before != statement.status == Statement.Status.REJECTED:
            ModerationAction.objects.create(
                kind=ModerationAction.Kind.REMOVED,
                reason=reason if reason in Reason.values else "",
                moderator=moderator,
            )
    return statement


def analysis_request(conversation: Conversation) -> bool:
    """Queue one recomputation after the transaction commits, unless one is already queued.
    Returns whether this call queued it. Never computes in the caller."""
    now = timezone.now()
    Analysis.objects.get_or_create(conversation=conversation)
    claimed = (
        Analysis.objects.filter(conversation=conversation)
        .filter(Q(requested_at__isnull=True) | Q(requested_at__lt=now - STALE))
        .update(requested_at=now)
    )
    if claimed:
        pk = conversation.pk
        transaction.on_commit(
            lambda: analyse_task.apply_async((pk,), countdown=THROTTLE_SECONDS), robust=True
        )
    return bool(claimed)
