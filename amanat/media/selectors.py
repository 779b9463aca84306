"""Reads of media monitoring: a monitor's queue, and the reliability of double coding."""

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from amanat.accounts.models import User
from amanat.elections.models import Election

from .models import Appearance, Coding, Item, MonitoringPeriod
from .reliability import Alpha, Level, alpha, verdict

# The variables whose reliability is measured, with their level of measurement.
VARIABLES: list[tuple[str, object, Level]] = [
    ("subject", _("Monitored subject"), "nominal"),
    ("genre", _("Genre"), "nominal"),
    ("tone", _("Tone"), "ordinal"),
    ("time", _("Time, seconds"), "ratio"),
    ("space", _("Space, cm² or characters"), "ratio"),
]


def periods_of(election: Election | None) -> QuerySet[MonitoringPeriod]:
    return MonitoringPeriod.objects.filter(election=election).order_by("starts_on")


def items_of(user: User) -> QuerySet[Item]:
    """The items the monitor codes, first or second."""
    return Item.objects.filter(Q(coder=user) | Q(second_coder=user))


def _coded_by(user: User) -> Exists:
    return Exists(
        Coding.objects.filter(item=OuterRef("pk"), coder=user, completed_at__isnull=False)
    )


def queue_for(user: User) -> QuerySet[Item]:
    """Items the monitor has still to code, first or second, oldest first."""
    return items_of(user).exclude(_coded_by(user)).select_related("outlet").order_by("date", "pk")


def queue_search(user: User, query: str) -> QuerySet[Item] | list[Item]:
    """The queue, or its items whose title or outlet holds the words searched. A monitor's
    queue is short, and SQLite's LIKE folds the case of Latin letters only: read in Python."""
    items = queue_for(user)
    if not query:
        return items
    wanted = query.casefold()
    return [i for i in items if wanted in f"{i.title} {i.outlet.name}".casefold()]


def done_for(user: User) -> QuerySet[Item]:
    return items_of(user).filter(_coded_by(user)).select_related("outlet").order_by("-date", "-pk")


@dataclass(frozen=True)
class VariableAlpha:
    code: str
    label: object
    level: Level
    result: Alpha

    @property
    def verdict(self) -> str:
        return verdict(self.result.alpha)


@dataclass(frozen=True)
class PairAlpha:
    first: User
    second: User
    items: int
    variables: list[VariableAlpha]


Codings = dict[str, list[tuple[Hashable, Hashable, Hashable]]]


def _codings(items: QuerySet[Item]) -> Codings:
    """Each variable's (unit, coder, value) triples from the completed codings of double-coded
    items: the item is the unit of genre, the n-th appearance in the item that of the rest."""
    data: Codings = defaultdict(list)
    codings = Coding.objects.filter(item__in=items, completed_at__isnull=False)
    for coding in codings.select_related("item__outlet"):
        data["genre"].append((coding.item_id, coding.coder_id, coding.genre))
    appearances = Appearance.objects.filter(coding__in=codings).select_related(
        "coding__item__outlet"
    )
    for appearance in appearances:
        coding = appearance.coding
        unit = (coding.item_id, appearance.position)
        data["subject"].append((unit, coding.coder_id, appearance.subject_key))
        data["tone"].append((unit, coding.coder_id, appearance.tone))
        measure = "time" if coding.item.outlet.is_broadcast else "space"
        data[measure].append((unit, coding.coder_id, appearance.amount))
    return data


def _alphas(data: Codings) -> list[VariableAlpha]:
    return [
        VariableAlpha(code=code, label=label, level=level, result=alpha(data[code], level=level))
        for code, label, level in VARIABLES
    ]


def double_coded(period: MonitoringPeriod | None, election: Election | None) -> QuerySet[Item]:
    items = Item.objects.filter(second_coder__isnull=False, period__election=election)
    return items.filter(period=period) if period is not None else items


def reliability(
    *, election: Election | None, period: MonitoringPeriod | None = None
) -> tuple[list[VariableAlpha], list[PairAlpha]]:
    """Alpha per variable over every double-coded item, and per pair of monitors."""
    items = double_coded(period, election)
    overall = _alphas(_codings(items))
    pairs: dict[tuple[int, int], list[int]] = defaultdict(list)
    for pk, first, second in items.values_list("pk", "coder_id", "second_coder_id"):
        pairs[(min(first, second), max(first, second))].append(pk)
    people = User.objects.in_bulk({pk for pair in pairs for pk in pair})
    per_pair = [
        PairAlpha(first=people[a], second=people[b], items=len(pks),
                  variables=_alphas(_codings(Item.objects.filter(pk__in=pks))))
        for (a, b), pks in sorted(pairs.items())
    ]  # fmt: skip
    return overall, per_pair
