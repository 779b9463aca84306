"""Predicates shared by every app's rules.py: role and region scope."""

from typing import Any

import rules

from .roles import Role


def has_role(*roles: Role) -> rules.Predicate:
    wanted = frozenset(roles)

    @rules.predicate(name=f"has_role({','.join(sorted(wanted))})")
    def predicate(user: Any) -> bool:
        return bool(getattr(user, "is_authenticated", False)) and user.role in wanted

    return predicate


def regions_of(obj: Any) -> set[int]:
    """The region ids an object belongs to (a region, anything with .region, or a user).
    Regions are known by their model's name: accounts does not import geography."""
    if getattr(getattr(obj, "_meta", None), "label_lower", "") == "geography.region":
        return {obj.pk}
    if hasattr(obj, "region_id"):
        return {obj.region_id} if obj.region_id else set()
    if hasattr(obj, "regions"):
        return set(obj.regions.values_list("pk", flat=True))
    return set()


def _user_region_ids(user: Any) -> set[int]:
    cache = getattr(user, "_amanat_region_ids", None)
    if cache is None:
        cache = set(user.regions.values_list("pk", flat=True))
        user._amanat_region_ids = cache
    return cache


@rules.predicate
def in_own_region(user: Any, obj: Any) -> bool:
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(_user_region_ids(user) & regions_of(obj))


@rules.predicate
def is_self(user: Any, obj: Any) -> bool:
    return obj is not None and getattr(obj, "pk", None) == user.pk and user.is_authenticated


is_admin = has_role(Role.ADMIN)
is_coordinator = has_role(Role.COORDINATOR)
is_lawyer = has_role(Role.LAWYER)
is_analyst = has_role(Role.ANALYST)
is_moderator = has_role(Role.MODERATOR)
is_observer = has_role(Role.OBSERVER)
