"""Reads for geography."""

from typing import Protocol

from django.db.models import Q, QuerySet
from django.db.models.functions import Length

from amanat.core.textsearch import stem

from .models import Country, PollingStation, Region


class _Regions(Protocol):
    def all(self) -> QuerySet[Region]: ...


class RegionScopedUser(Protocol):
    """What geography needs of a user (accounts.User), without importing accounts."""

    @property
    def is_region_scoped(self) -> bool: ...

    @property
    def regions(self) -> _Regions: ...


PUNCTUATION = '.,;:!?«»"()'


def country_default() -> Country:
    return Country.objects.get(code="KZ")


def region_lookup(country: Country) -> dict[str, int]:
    """Every way a region may be written on import (codes, names, aliases), case-folded."""
    lookup: dict[str, int] = {}
    for region in Region.objects.filter(country=country):
        keys = [region.code, region.kato, region.name_kk, region.name_ru, region.name_en]
        keys += list(region.aliases)
        for key in keys:
            if key:
                lookup[key.strip().casefold()] = region.pk
    return lookup


def region_list() -> QuerySet[Region]:
    return Region.objects.order_by("code")


def stations_for_user(user: RegionScopedUser) -> QuerySet[PollingStation]:
    """Stations a user may manage: all for admins, their regions' for region-scoped roles."""
    stations = PollingStation.objects.select_related("district__region", "settlement")
    if user.is_region_scoped:
        return stations.filter(district__region__in=user.regions.all())
    return stations


def stations_search(*, query: str = "", region_code: str = "") -> QuerySet[PollingStation]:
    """Public station finder: every word of the query must appear, in some form (its stem),
    in the number, premises, address, settlement, district or region, in any language.
    Numbers sort as numbers: 2 before 10."""
    stations = PollingStation.objects.select_related("district__region", "settlement")
    if region_code:
        stations = stations.filter(district__region__code=region_code)
    words = [stem(word.strip(PUNCTUATION)) for word in query.casefold().split()[:8]]
    regions = _region_names() if words else {}
    for word in words:
        # Region names are not in the station's search text: a region renamed would leave
        # every station's stale. There are twenty regions: match them here.
        found = [pk for pk, names in regions.items() if word in names]
        stations = stations.filter(Q(search_text__contains=word) | Q(district__region__in=found))
    # Numbers are text ("12А" may come): shorter first sorts whole numbers as numbers.
    return stations.order_by("district__region__code", Length("number"), "number")


def _region_names() -> dict[int, str]:
    """Each region's names in every language and its aliases, case-folded, in one string."""
    rows = Region.objects.values_list("pk", "name_kk", "name_ru", "name_en", "aliases")
    return {
        pk: " ".join(filter(None, [kk, ru, en, *aliases])).casefold()
        for pk, kk, ru, en, aliases in rows
    }
