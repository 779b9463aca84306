"""Reads of mandates: who is confirmed, supporters, similar mandates, the pressing ones."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from amanat.accounts.models import User
from amanat.audit.models import AuditEntry
from amanat.core.statistics import wilson_interval
from amanat.elections.models import Contest, Election
from amanat.geography.models import Region

from .models import Confirmation, Mandate
from .similarity import Candidate, Match, best_matches

SIMILAR_POOL = 2000  # the newest open mandates compared with a query (pure Python)


def person_confirmed(user: User | AnonymousUser) -> bool:
    """A phone number or e-mail address of this person was confirmed: a Confirmation row, or
    an account made by the signup form (its e-mail confirmed by the link; audit row)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if Confirmation.objects.filter(user=user).exists():
        return True
    return AuditEntry.objects.filter(
        action="accounts.account_created",
        object_type="accounts.user",
        object_id=str(user.pk),
        data__confirmed__in=["email", "phone"],
    ).exists()


def elections_not_over() -> QuerySet[Election]:
    """Elections whose day is today or later: the ones a mandate is addressed to."""
    return Election.objects.filter(election_day__gte=timezone.localdate()).order_by("election_day")


def election_default() -> Election | None:
    """The election a mandate is addressed to when none is named: the next one to come, or
    the latest when none is scheduled (as elections.selectors.election_current, but read
    afresh: a write is never addressed from a 30-second-old memo)."""
    return elections_not_over().first() or Election.objects.order_by("-election_day").first()


def district_contests() -> QuerySet[Contest]:
    """The contests a mandate may be narrowed to: one district's (a nationwide contest has
    the same candidates as the whole election)."""
    return Contest.objects.filter(kind=Contest.Kind.SINGLE_MEMBER).select_related("election")


def mandates_listed(*, region: Region | None = None, search: str = "") -> QuerySet[Mandate]:
    """Open mandates with `supporters` (distinct people), newest first."""
    rows = Mandate.objects.open().select_related("region", "district")
    if region is not None:
        rows = rows.filter(region=region)
    if search:
        rows = rows.filter(Q(title__icontains=search) | Q(text__icontains=search))
    rows = rows.annotate(supporters=Count("supports__user", distinct=True))
    return rows.order_by("-created_at", "-pk")


def mandate_supporters(mandate: Mandate) -> int:
    return mandate.supports.values("user").distinct().count()


def mandates_similar(text: str, *, limit: int = 5, exclude: int | None = None) -> list[Match]:
    rows = Mandate.objects.open().order_by("-pk")
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    values = rows.values_list("pk", "title", "text")[:SIMILAR_POOL]
    pool = [Candidate(pk, title, body) for pk, title, body in values]
    return best_matches(text, pool, limit=limit)


def region_most_mandates() -> Region | None:
    """The region with the most open mandates: the pressing page opens on it, not on an
    alphabetically first region that may have none."""
    rows = Region.objects.annotate(
        open_mandates=Count("mandates", filter=Q(mandates__merged_into__isnull=True))
    )
    return rows.filter(open_mandates__gt=0).order_by("-open_mandates", "pk").first()


def regions_of(matches: list[Match]) -> list[tuple[Match, Region]]:
    """Each similar mandate with its region: the same title in four regions is four
    different demands, and the person must see which one is theirs."""
    where = Mandate.objects.filter(pk__in=[m.id for m in matches]).select_related("region")
    regions = {mandate.pk: mandate.region for mandate in where}
    return [(match, regions[match.id]) for match in matches if match.id in regions]


@dataclass(frozen=True)
class Pressing:
    mandate: Mandate
    supporters: int
    seen_by: int
    lower_bound: float


def pressing_in_region(region: Region, *, limit: int = 10) -> list[Pressing]:
    """The most pressing problems of a region: open mandates ranked by the lower end of the
    95 % Wilson interval of the share of people who supported it among the confirmed people
    who saw it (opened it or supported it: Sighting rows).

    Why not raw counts: an old mandate seen by 500 people and supported by 40 has more
    supporters than a new one seen by 30 and supported by 25, but far less agreement; and a
    mandate with 2 of 2 is a share of 100 % on almost no evidence. The Wilson lower bound
    answers "at least how large is the share of agreement, at 95 %": 25 of 30 → 0.65,
    40 of 500 → 0.06, 2 of 2 → 0.34. Ties (and mandates nobody saw) fall back on supporters.
    """
    rows = (
        Mandate.objects.open()
        .filter(region=region)
        .annotate(
            supporters=Count("supports__user", distinct=True),
            seen_by=Count("sightings__user", distinct=True),
        )
        .filter(supporters__gt=0)
    )
    ranked = []
    for mandate in rows:
        trials = max(mandate.seen_by, mandate.supporters)
        bound = wilson_interval(mandate.supporters, trials).low
        ranked.append(Pressing(mandate, mandate.supporters, trials, bound))
    ranked.sort(key=lambda p: (-p.lower_bound, -p.supporters, -p.mandate.pk))
    return ranked[:limit]
