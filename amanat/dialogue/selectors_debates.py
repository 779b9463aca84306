"""Reads of debates: the ranked list with its totals, a debate's two sides, its comment
threads. The public sees visible posts only; moderators see the others too, marked."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from amanat.elections.models import Election
from amanat.geography.models import Region

from .models_debates import Argument, Comment, Debate, Endorsement, Side, Stance
from .posts import Visibility

SHOWN = Q(visibility=Visibility.VISIBLE)


@dataclass(frozen=True)
class DebateFilters:
    election: Election | None = None
    region: Region | None = None
    topic: str = ""
    status: str = ""  # "open", "closed" or "" for both
    search: str = ""
    order: str = "activity"  # or "support"


def _count(model, *conditions: Q) -> Coalesce:
    """How many rows of `model` belong to the outer debate (a subquery: no join fan-out)."""
    rows = (
        model._default_manager.filter(*conditions, debate=OuterRef("pk"))
        .order_by()
        .values("debate")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def debates_with_totals() -> QuerySet[Debate]:
    """Debates with the totals the list shows: endorsements, arguments on each side, top-level
    comments by stance and replies. Posts hidden by moderation do not count."""
    comment = SHOWN & Q(parent__isnull=True)
    return Debate.objects.select_related("election", "region", "author").annotate(
        endorsement_count=_count(Endorsement, Q(argument__isnull=True)),
        arguments_for=_count(Argument, SHOWN, Q(side=Side.FOR)),
        arguments_against=_count(Argument, SHOWN, Q(side=Side.AGAINST)),
        comments_for=_count(Comment, comment, Q(stance=Stance.FOR)),
        comments_neutral=_count(Comment, comment, Q(stance=Stance.NEUTRAL)),
        comments_against=_count(Comment, comment, Q(stance=Stance.AGAINST)),
        reply_count=_count(Comment, SHOWN, Q(parent__isnull=False)),
    )


def debates_ranked(filters: DebateFilters) -> QuerySet[Debate]:
    """Visible debates, filtered, by recent activity or by support (endorsements, then the
    number of arguments, then activity)."""
    rows = debates_with_totals().filter(SHOWN)
    if filters.election is not None:
        rows = rows.filter(election=filters.election)
    if filters.region is not None:
        rows = rows.filter(region=filters.region)
    if filters.topic:
        rows = rows.filter(topic=filters.topic)
    if filters.status == "open":
        rows = rows.filter(closed_at__isnull=True)
    elif filters.status == "closed":
        rows = rows.filter(closed_at__isnull=False)
    for word in filters.search.split()[:5]:
        rows = rows.filter(Q(title__icontains=word) | Q(text__icontains=word))
    if filters.order == "support":
        # ties: the livelier first
        return rows.order_by("-endorsement_count", "-last_activity_at", "-pk")  # type: ignore[misc]
    return rows.order_by("-last_activity_at", "-pk")


def debate_for(pk: int, *, see_hidden: bool) -> Debate:
    """The debate with its totals; a debate hidden by moderation is found by moderators only."""
    rows = debates_with_totals()
    if not see_hidden:
        rows = rows.filter(SHOWN)
    debate = rows.filter(pk=pk).first()
    if debate is None:
        raise Http404
    return debate


def endorsed(debate: Debate, user) -> bool:
    if not user.is_authenticated:
        return False
    return Endorsement.objects.filter(debate=debate, argument=None, user=user).exists()


def sides(debate: Debate, user, *, see_hidden: bool) -> dict[str, list[Argument]]:
    """Arguments for and against, the most endorsed first, each with `endorsement_count` and
    `endorsed` (by this user)."""
    rows = Argument.objects.filter(debate=debate).select_related("author")
    if not see_hidden:
        rows = rows.filter(SHOWN)
    mine = Endorsement.objects.filter(
        argument=OuterRef("pk"), user=user if user.is_authenticated else None
    )
    rows = rows.annotate(
        endorsement_count=Count("endorsements", distinct=True),
        endorsed=Exists(mine),
    ).order_by("-endorsement_count", "created_at", "pk")
    found: dict[str, list[Argument]] = {Side.FOR: [], Side.AGAINST: []}
    for argument in rows:
        found[argument.side].append(argument)
    return found


def top_level_comments(debate: Debate, *, see_hidden: bool) -> QuerySet[Comment]:
    rows = Comment.objects.filter(debate=debate, parent__isnull=True).select_related("author")
    return rows if see_hidden else rows.filter(SHOWN)


def threads(roots: list[Comment], *, see_hidden: bool) -> list[Comment]:
    """`roots` with their replies as `children` (oldest first), down to Comment.MAX_DEPTH.
    A reply under a hidden comment is not shown either: it would answer nothing visible."""
    ids = [root.pk for root in roots]
    rows = Comment.objects.filter(
        Q(parent_id__in=ids) | Q(parent__parent_id__in=ids)
    ).select_related("author")
    if not see_hidden:
        rows = rows.filter(SHOWN)
    children: dict[int, list[Comment]] = defaultdict(list)
    for reply in rows.order_by("created_at", "pk"):
        children[reply.parent_id or 0].append(reply)

    def attach(comment: Comment) -> Comment:
        comment.children = [attach(child) for child in children[comment.pk]]  # type: ignore[attr-defined]
        return comment

    return [attach(root) for root in roots]
