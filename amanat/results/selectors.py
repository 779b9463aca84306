"""Reads for results: observers' protocol copies as figures by line, and their reconciliation
with the official figures station by station."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import translation

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.checklists.models import Submission
from amanat.elections.models import Contest, option_key
from amanat.elections.selectors import election_current, official_figures
from amanat.geography.models import PollingStation, Region

from .lines import STANDARD, STANDARD_KEYS
from .models import ProtocolForm, ProtocolPhoto


def protocol_contest_current() -> Contest | None:
    """The current election's contest whose protocol observers send (the first, if several)."""
    election = election_current()
    if election is None:
        return None
    return (
        Contest.objects.filter(election=election, protocol_form__isnull=False)
        .select_related("election")
        .order_by("pk")
        .first()
    )


def line_labels(contest: Contest) -> dict[str, str]:
    """Protocol line → its wording in the current language, in protocol order."""
    column = {"kk": 2, "ru": 3, "en": 4}.get((translation.get_language() or "ru")[:2], 3)
    labels = {row[0]: row[column] for row in STANDARD}
    for option in contest.options.select_related("candidate", "party").order_by("position"):
        labels[option_key(option.position)] = str(option)
    return labels


def observer_protocols(
    contest: Contest, regions: Iterable[Region] | None = None
) -> dict[int, dict[str, int]]:
    """The newest protocol copy per station (any observer, any version), as {line: number}."""
    protocol_form = ProtocolForm.objects.filter(contest=contest).first()
    if protocol_form is None:
        return {}
    submissions = Submission.objects.filter(
        election_id=contest.election_id, version__form_id=protocol_form.form_id
    )
    if regions is not None:
        submissions = submissions.filter(station__district__region__in=regions)
    latest: dict[int, dict[str, int]] = {}
    for station_id, answers in submissions.order_by(
        "station_id", "-received_at", "-pk"
    ).values_list("station_id", "answers"):
        if station_id not in latest:
            latest[station_id] = {
                key: answers[code] for code, key in protocol_form.lines.items() if code in answers
            }
    return latest


def line_order(key: str) -> tuple[int, int]:
    """Standard lines in protocol order, then ballot options by position."""
    if key in STANDARD_KEYS:
        return (0, STANDARD_KEYS.index(key))
    return (1, int(key.split(":")[1]))


@dataclass
class StationDifference:
    station: PollingStation
    lines: list[tuple[str, int, int, int]]  # line, observer's copy, official, official − copy
    size: int


@dataclass
class Reconciliation:
    differing: list[StationDifference] = field(default_factory=list)
    moved: dict[str, int] = field(default_factory=dict)  # option line → official − copies
    matching: int = 0
    only_observed: int = 0
    only_official: int = 0


def reconciliation(contest: Contest, regions: Iterable[Region] | None = None) -> Reconciliation:
    """Stations where the observer's copy and the official figure differ, largest first; the
    size is the sum of absolute differences over the lines both sides give."""
    observed, official = observer_protocols(contest, regions), official_figures(contest, regions)
    result = Reconciliation(
        only_observed=len(observed.keys() - official.keys()),
        only_official=len(official.keys() - observed.keys()),
    )
    moved: Counter[str] = Counter()
    differing: list[tuple[int, list[tuple[str, int, int, int]], int]] = []
    for station_id in observed.keys() & official.keys():
        copy, published = observed[station_id], official[station_id]
        lines = sorted(
            (
                (key, copy[key], published[key], published[key] - copy[key])
                for key in copy.keys() & published.keys()
                if copy[key] != published[key]
            ),
            key=lambda line: line_order(line[0]),
        )
        if not lines:
            result.matching += 1
            continue
        for key, _copy, _published, difference in lines:
            if key.startswith("option:"):
                moved[key] += difference
        differing.append((station_id, lines, sum(abs(line[3]) for line in lines)))
    stations = PollingStation.objects.select_related("district__region").in_bulk(
        [station_id for station_id, *_ in differing]
    )
    result.differing = sorted(
        (StationDifference(stations[s], lines, size) for s, lines, size in differing),
        key=lambda d: (-d.size, d.station.number),
    )
    result.moved = dict(sorted(moved.items(), key=lambda item: line_order(item[0])))
    return result


def photos_visible_to(user: User) -> QuerySet[ProtocolPhoto]:
    """Headquarters and analysts: every photo; coordinators: their regions'."""
    photos = ProtocolPhoto.objects.select_related("station__district__region", "contest")
    if user.role in (Role.ADMIN, Role.ANALYST):
        return photos
    return photos.filter(station__district__region__in=user.regions.all())


def photos_awaiting_entry(user: User) -> QuerySet[ProtocolPhoto]:
    """Photos with fewer than two entries that this person has not typed yet, oldest first."""
    return (
        photos_visible_to(user)
        .annotate(entry_count=Count("entries"))
        .filter(entry_count__lt=2)
        .exclude(entries__entered_by=user)
        .order_by("uploaded_at")
    )


def photos_disputed(user: User) -> list[ProtocolPhoto]:
    """Photos whose two (or more) entries disagree somewhere."""
    photos = (
        photos_visible_to(user)
        .annotate(entry_count=Count("entries"))
        .filter(entry_count__gte=2)
        .prefetch_related("entries")
        .order_by("uploaded_at")
    )
    return [
        photo for photo in photos
        if len({tuple(sorted(e.figures.items())) for e in photo.entries.all()}) > 1
    ]  # fmt: skip
