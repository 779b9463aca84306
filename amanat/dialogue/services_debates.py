"""Writes of debates: opening, arguments, comments, endorsements, closing. Each refuses a
banned participant and a closed debate first; each intake is idempotent (a form's client
token, or the one-endorsement constraints)."""

import uuid
from typing import TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.audit.services import audit_record
from amanat.elections.models import Election
from amanat.geography.models import Region

from .models_debates import Argument, Comment, Debate, Endorsement, Side, Stance, Topic
from .moderation import posting_refused

M = TypeVar("M", bound=Model)


class DebateRefused(Exception):
    """Why the write was refused, in the language of the request (gettext at raising)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


def _clean(text: str) -> str:
    return text.replace("\x00", "").strip()


def _may_post(user: User, debate: Debate | None = None) -> None:
    ban = posting_refused(user)
    if ban is not None:
        raise DebateRefused(
            _("You may not post in the dialogue: %(reason)s") % {"reason": ban.reason}, "banned"
        )
    if debate is not None and debate.is_closed:
        raise DebateRefused(
            _("This debate is closed: it takes no new arguments, comments or endorsements."),
            "closed",
        )


def _once(model: type[M], user: User, token: uuid.UUID | None, create) -> M:
    """The post `create()` writes, unless this author already sent this token: then the
    first post. A concurrent second sending meets the constraint and finds the first."""
    if token is not None:
        found = model._default_manager.filter(author=user, client_token=token).first()
        if found is not None:
            return found
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        if token is None:
            raise
        return model._default_manager.get(author=user, client_token=token)


def _touch(debate: Debate) -> None:
    """The debate's last activity is now (the list ranks by it)."""
    now = timezone.now()
    Debate.objects.filter(pk=debate.pk).update(last_activity_at=now)
    debate.last_activity_at = now


def debate_open(
    *,
    user: User,
    title: str,
    text: str,
    topic: str,
    language: str,
    election: Election | None = None,
    region: Region | None = None,
    official: bool = False,
    client_token: uuid.UUID | None = None,
) -> Debate:
    _may_post(user)
    if official and not user.has_perm("dialogue.open_official_debate"):
        raise DebateRefused(_("Only staff may open an official debate."), "official")
    if topic not in Topic.values:
        raise DebateRefused(_("Choose a topic."), "topic")

    def create() -> Debate:
        return Debate.objects.create(
            author=user,
            language=language,
            title=_clean(title),
            text=_clean(text),
            topic=topic,
            election=election,
            region=region,
            is_official=official,
            last_activity_at=timezone.now(),
            client_token=client_token,
        )

    return _once(Debate, user, client_token, create)


def argument_add(
    *,
    debate: Debate,
    user: User,
    side: str,
    title: str,
    text: str,
    language: str,
    client_token: uuid.UUID | None = None,
) -> Argument:
    _may_post(user, debate)
    if side not in Side.values:
        raise DebateRefused(_("Choose whether the argument is for or against."), "side")

    def create() -> Argument:
        argument = Argument.objects.create(
            debate=debate,
            author=user,
            language=language,
            side=side,
            title=_clean(title),
            text=_clean(text),
            client_token=client_token,
        )
        _touch(debate)
        return argument

    return _once(Argument, user, client_token, create)


def comment_add(
    *,
    debate: Debate,
    user: User,
    text: str,
    language: str,
    stance: str = "",
    parent: Comment | None = None,
    client_token: uuid.UUID | None = None,
) -> Comment:
    """A top-level comment needs a stance; a reply takes none and goes at most
    Comment.MAX_DEPTH levels deep."""
    _may_post(user, debate)
    if parent is not None:
        if parent.debate_id != debate.pk or not parent.is_shown:
            raise DebateRefused(_("The comment you reply to is not in this debate."), "parent")
        if parent.depth + 1 >= Comment.MAX_DEPTH:
            raise DebateRefused(
                _("This thread is as deep as it goes: reply to an earlier comment."), "depth"
            )
        if stance:
            raise DebateRefused(
                _("A reply takes no stance: only a comment on the debate itself does."), "stance"
            )
    elif stance not in Stance.values:
        raise DebateRefused(_("Choose your stance: for, neutral or against."), "stance")

    def create() -> Comment:
        comment = Comment.objects.create(
            debate=debate,
            parent=parent,
            depth=parent.depth + 1 if parent else 0,
            author=user,
            language=language,
            stance=stance,
            text=_clean(text),
            client_token=client_token,
        )
        _touch(debate)
        return comment

    return _once(Comment, user, client_token, create)


def endorse(
    *, user: User, debate: Debate, argument: Argument | None = None
) -> tuple[Endorsement, bool]:
    """Endorse the debate, or one of its arguments; once. Returns (endorsement, created)."""
    _may_post(user, debate)
    if argument is not None and (argument.debate_id != debate.pk or not argument.is_shown):
        raise DebateRefused(_("This argument is not in this debate."), "argument")
    try:
        with transaction.atomic():
            return Endorsement.objects.get_or_create(debate=debate, argument=argument, user=user)
    except IntegrityError:  # the same click twice at once: the other one wrote it
        return Endorsement.objects.get(debate=debate, argument=argument, user=user), False


def debate_close(*, debate: Debate, user: User, conclusion: str) -> Debate:
    """Close with a written conclusion, shown above the debate from then on; audit-logged."""
    if not user.has_perm("dialogue.close_debate", debate):
        raise DebateRefused(_("Only staff or the person who opened it close a debate."), "perm")
    conclusion = _clean(conclusion)
    if not conclusion:
        raise DebateRefused(_("Write the conclusion of the debate."), "conclusion")
    with transaction.atomic():
        locked = Debate.objects.select_for_update().get(pk=debate.pk)
        if locked.is_closed:
            raise DebateRefused(_("This debate is already closed."), "closed")
        locked.conclusion, locked.closed_at, locked.closed_by = conclusion, timezone.now(), user
        locked.save(update_fields=["conclusion", "closed_at", "closed_by"])
        audit_record(
            actor=user,
            action="dialogue.debate_closed",
            obj=locked,
            data={"conclusion_length": len(conclusion)},
        )
    return locked
