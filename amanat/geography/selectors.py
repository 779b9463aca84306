"""Reads for geography."""

from django.db.models import QuerySet

from .models import Country, PollingStation, Region


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


def stations_for_user(user) -> QuerySet[PollingStation]:
    """Stations a user may manage: all for admins, their regions' for region-scoped roles."""
    stations = PollingStation.objects.select_related("district__region", "settlement")
    if user.is_region_scoped:
        return stations.filter(district__region__in=user.regions.all())
    return stations


def stations_search(*, query: str = "", region_code: str = "") -> QuerySet[PollingStation]:
    """Public station finder: every word of the query must appear (number, address, place)."""
    stations = PollingStation.objects.select_related("district__region", "settlement")
    if region_code:
        stations = stations.filter(district__region__code=region_code)
    for word in query.casefold().split()[:8]:
        stations = stations.filter(search_text__contains=word)
    return stations.order_by("district__region__code", "number")
