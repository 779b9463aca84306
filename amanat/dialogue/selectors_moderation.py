"""Reads of moderation: the queue of reported posts, the public log, a reader's warnings,
bans, and the volunteers' translations a page shows."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import Ban
from .models_moderation import ModerationAction, PostTranslation, Reason, Report, Warning
from .posts import Post, Visibility, is_post_model, post_text


@dataclass
class Reported:
    """A post in the queue with its open reports."""

    post: Post
    content_type: ContentType
    reports: list[Report] = field(default_factory=list)


def reported_posts(search: str = "") -> list[Reported]:
    """Posts with reports nobody reviewed yet, hidden ones first, then the most reported.
    One query for the reports and one per kind of post (never one per post). `search` keeps
    the posts whose text, author's name or login, or a complaint's text holds it."""
    reports = list(
        Report.objects.filter(reviewed_at__isnull=True)
        .select_related("content_type")
        .order_by("created_at", "pk")
    )
    by_post: dict[tuple[int, int], list[Report]] = {}
    for report in reports:
        by_post.setdefault((report.content_type_id, report.object_id), []).append(report)
    posts: dict[tuple[int, int], Post] = {}
    for type_id in {key[0] for key in by_post}:
        content_type = ContentType.objects.get_for_id(type_id)
        model = content_type.model_class()
        if not is_post_model(model):
            continue
        ids = [oid for tid, oid in by_post if tid == type_id]
        for pk, post in model._default_manager.in_bulk(ids).items():
            posts[(type_id, pk)] = post
    items = [
        Reported(posts[key], ContentType.objects.get_for_id(key[0]), found)
        for key, found in by_post.items()
        if key in posts
    ]
    if search:
        items = [item for item in items if _matches(item, search.casefold())]
    items.sort(key=lambda r: (r.post.visibility != Visibility.REPORTED, -len(r.reports)))
    return items


def _matches(item: Reported, needle: str) -> bool:
    author = getattr(item.post, "author", None)
    # An anonymous question is never found by its author's name: that would name them.
    if getattr(item.post, "anonymous", False):
        author = None
    names = [author.get_full_name(), author.get_username()] if author else []
    texts = [post_text(item.post), *names, *(report.text for report in item.reports)]
    return any(needle in text.casefold() for text in texts)


def moderation_log() -> list[dict]:
    """Counts of actions per month, kind and reason, with their labels: no names, no texts."""
    rows = (
        ModerationAction.objects.annotate(month=TruncMonth("created_at"))
        .values("month", "kind", "reason")
        .annotate(n=Count("pk"))
        .order_by("-month", "kind", "reason")
    )
    kinds, reasons = dict(ModerationAction.Kind.choices), dict(Reason.choices)
    return [
        row
        | {"kind_label": kinds.get(row["kind"], ""), "reason_label": reasons.get(row["reason"], "")}
        for row in rows
    ]


def warnings_of(user) -> QuerySet[Warning]:
    return Warning.objects.filter(user=user)


def bans_in_force(search: str = "") -> QuerySet[Ban]:
    now = timezone.now()
    bans = (
        Ban.objects.filter(lifted_at__isnull=True)
        .filter(Q(until__isnull=True) | Q(until__gt=now))
        .select_related("user", "created_by")
    )
    if search:
        bans = bans.filter(
            Q(user__username__icontains=search)
            | Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
        )
    return bans


def translated_keys(language: str) -> set[tuple[int, int]]:
    """(content type, post id) of every shown translation into `language`: one query a page."""
    return set(
        PostTranslation.objects.filter(language=language, visibility=Visibility.VISIBLE)
        .values_list("content_type_id", "object_id")
        .iterator()
    )


def translation_of(post: Post, language: str) -> PostTranslation | None:
    return (
        PostTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(post),
            object_id=post.pk,
            language=language,
            visibility=Visibility.VISIBLE,
        )
        .select_related("author")
        .first()
    )


def reported_by(user, posts) -> set[int]:
    """The ids among `posts` (all of one kind) that `user` has reported: a list refreshed by
    polling shows "already reported" instead of the report form again."""
    posts = list(posts)
    if not getattr(user, "is_authenticated", False) or not posts:
        return set()
    return set(
        Report.objects.filter(
            reporter=user,
            content_type=ContentType.objects.get_for_model(posts[0]),
            object_id__in=[post.pk for post in posts],
        ).values_list("object_id", flat=True)
    )
