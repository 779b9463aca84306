"""Writes of moderation over any post: readers' reports (three people hide a post until a
moderator reviews it), a moderator's restore or removal, warnings, bans and their lifting, and
volunteers' translations. Every moderator action is audit-logged and counted for the public log."""

from collections import Counter
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.audit.services import audit_record

from .models import Ban, Statement
from .models_moderation import ModerationAction, PostTranslation, Reason, Report, Warning
from .moderation import posting_refused
from .posts import Post, Visibility, post_text
from .services import analysis_request

# Distinct readers whose open reports hide a post until a moderator reviews it.
HIDE_AFTER = 3
Kind = ModerationAction.Kind


class ModerationError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _clean(text: str, limit: int) -> str:
    return text.replace("\x00", "").strip()[:limit]


def _reports_open(post: Post) -> models.QuerySet[Report]:
    content_type = ContentType.objects.get_for_model(post)
    return Report.objects.filter(
        content_type=content_type, object_id=post.pk, reviewed_at__isnull=True
    )


def post_report(*, post: Post, reporter: User, reason: str, text: str = "") -> Report:
    """One report per reader and post; the third distinct reader hides the post."""
    if reason not in Reason.values:
        raise ModerationError("reason")
    if post.author_id == reporter.pk:
        raise ModerationError("own")
    content_type = ContentType.objects.get_for_model(post)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                content_type=content_type, object_id=post.pk, reporter=reporter,
                reason=reason, text=_clean(text, 1000),
            )  # fmt: skip
            audit_record(
                actor=reporter, action="dialogue.post_reported", obj=post, data={"reason": reason}
            )
            _hide_when_reported(post)
    except IntegrityError as twice:
        raise ModerationError("already") from twice
    return report


def _hide_when_reported(post: Post) -> None:
    reasons = list(_reports_open(post).values_list("reason", flat=True))
    if len(reasons) < HIDE_AFTER:
        return
    # A conditional update: two simultaneous third reports hide the post (and count) once.
    hidden = (
        type(post)
        ._default_manager.filter(pk=post.pk, visibility=Visibility.VISIBLE)
        .update(visibility=Visibility.REPORTED)
    )
    if hidden:
        post.visibility = Visibility.REPORTED
        reason = Counter(reasons).most_common(1)[0][0]
        ModerationAction.objects.create(kind=Kind.HIDDEN, reason=reason)
        audit_record(action="dialogue.post_hidden", obj=post, data={"reports": len(reasons)})


def _review(post: Post, visibility: str, moderator: User, kind: str, reason: str, note: str):
    with transaction.atomic():
        type(post)._default_manager.filter(pk=post.pk).update(visibility=visibility)
        post.visibility = visibility
        _reports_open(post).update(reviewed_at=timezone.now())
        ModerationAction.objects.create(kind=kind, reason=reason, moderator=moderator)
        audit_record(
            actor=moderator, action=f"dialogue.post_{kind}", obj=post,
            data={"reason": reason, "note": note},
        )  # fmt: skip
        if isinstance(post, Statement) and visibility == Visibility.REMOVED:
            # A removed statement is also moderated out: its votes no longer count in the map.
            Statement.objects.filter(pk=post.pk).update(
                status=Statement.Status.REJECTED, moderated_by=moderator,
                moderated_at=timezone.now(),
            )  # fmt: skip
            analysis_request(post.conversation)


def post_restore(*, post: Post, moderator: User, note: str = "") -> None:
    """The reports were unfounded: the post is shown again and leaves the queue."""
    _review(post, Visibility.VISIBLE, moderator, Kind.RESTORED, "", _clean(note, 1000))


def post_remove(*, post: Post, moderator: User, reason: str, note: str = "") -> None:
    if reason not in Reason.values:
        raise ModerationError("reason")
    _review(post, Visibility.REMOVED, moderator, Kind.REMOVED, reason, _clean(note, 1000))


def author_warn(*, user: User, moderator: User, reason: str, text: str) -> Warning:
    """A warning the author reads on their page of warnings."""
    text = _clean(text, 1000)
    if reason not in Reason.values or not text:
        raise ModerationError("reason")
    with transaction.atomic():
        warning = Warning.objects.create(user=user, reason=reason, text=text, created_by=moderator)
        ModerationAction.objects.create(kind=Kind.WARNED, reason=reason, moderator=moderator)
        audit_record(
            actor=moderator, action="dialogue.author_warned", obj=warning,
            data={"user": user.pk, "reason": reason},
        )  # fmt: skip
    return warning


def user_ban(
    *, user: User, moderator: User, reason: str, text: str, until: datetime | None = None
) -> Ban:
    """Bar `user` from posting until `until` (or until lifted); the text is what they read."""
    text = _clean(text, 1000)
    if reason not in Reason.values or not text:
        raise ModerationError("reason")
    if until is not None and until <= timezone.now():
        raise ModerationError("until")
    if posting_refused(user) is not None:
        raise ModerationError("banned")
    with transaction.atomic():
        ban = Ban.objects.create(user=user, reason=text, until=until, created_by=moderator)
        ModerationAction.objects.create(kind=Kind.BANNED, reason=reason, moderator=moderator)
        audit_record(
            actor=moderator, action="dialogue.user_banned", obj=ban,
            data={"user": user.pk, "reason": reason, "until": until.isoformat() if until else None},
        )  # fmt: skip
    return ban


def ban_lift(*, ban: Ban, moderator: User) -> Ban:
    with transaction.atomic():
        lifted = Ban.objects.filter(pk=ban.pk, lifted_at__isnull=True).update(
            lifted_at=timezone.now()
        )
        if not lifted:
            raise ModerationError("lifted")
        ModerationAction.objects.create(kind=Kind.LIFTED, moderator=moderator)
        audit_record(
            actor=moderator, action="dialogue.ban_lifted", obj=ban, data={"user": ban.user_id}
        )
    ban.refresh_from_db()
    return ban


def translation_add(*, post: Post, translator: User, language: str, text: str) -> PostTranslation:
    """A volunteer's translation: one per post and language, never into the post's own."""
    if posting_refused(translator) is not None:
        raise ModerationError("banned")
    text = _clean(text, 4000)
    if not text:
        raise ModerationError("empty")
    if language == post.language or language not in dict(PostTranslation._meta.get_field(
        "language"
    ).choices or []):  # fmt: skip
        raise ModerationError("language")
    # Only what the public may read is translated, and a translation is not translated again.
    if isinstance(post, PostTranslation) or not post.is_public or not post_text(post):
        raise ModerationError("hidden")
    content_type = ContentType.objects.get_for_model(post)
    try:
        with transaction.atomic():
            translation = PostTranslation.objects.create(
                content_type=content_type, object_id=post.pk, language=language,
                text=text, author=translator,
            )  # fmt: skip
            audit_record(
                actor=translator, action="dialogue.post_translated", obj=post,
                data={"language": language},
            )  # fmt: skip
    except IntegrityError as exists:
        raise ModerationError("translated") from exists
    return translation
