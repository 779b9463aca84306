"""A few reads that every election-day request makes and that change rarely (the current
election, a form's current version) are remembered in each worker process for a short time.
Writes that change them call memo_clear(); tests clear it before each test."""

import functools
import time
from collections.abc import Callable

_registry: list[dict] = []


def ttl_memo(seconds: float) -> Callable:
    def decorate(function: Callable) -> Callable:
        store: dict = {}
        _registry.append(store)

        @functools.wraps(function)
        def wrapper(*args):
            now = time.monotonic()
            hit = store.get(args)
            if hit is not None and hit[0] > now:
                return hit[1]
            value = function(*args)
            store[args] = (now + seconds, value)
            return value

        return wrapper

    return decorate


def memo_clear() -> None:
    for store in _registry:
        store.clear()
