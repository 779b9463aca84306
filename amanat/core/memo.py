"""A few reads that every election-day request makes and that change rarely (the current
election, the forms' current versions) are remembered in each worker process for a short time.
Writes that change them call memo_clear(); tests clear it before each test.

Each memo holds at most `maxsize` answers: when full, the least recently used goes (expired
ones first). A memo keyed by anything a client sends would otherwise grow with every new key
until the worker runs out of memory; better still, key none by client input (see
checklists.services.form_version_current)."""

import functools
import time
from collections import OrderedDict
from collections.abc import Callable

_registry: list["_Store"] = []


class _Store(OrderedDict):
    """Answers by arguments, least recently used first, each with the time it expires."""

    def __init__(self, maxsize: int):
        super().__init__()
        self.maxsize = maxsize

    def kept(self, key, value, expires: float) -> None:
        if key not in self and len(self) >= self.maxsize:
            self._make_room(time.monotonic())
        self[key] = (expires, value)
        self.move_to_end(key)

    def _make_room(self, now: float) -> None:
        for key in [key for key, (expires, _value) in self.items() if expires <= now]:
            self.pop(key, None)
        while len(self) >= self.maxsize:
            try:
                self.popitem(last=False)
            except KeyError:  # emptied meanwhile by another thread
                break


def ttl_memo(seconds: float, maxsize: int = 32) -> Callable:
    def decorate(function: Callable) -> Callable:
        store = _Store(maxsize)
        _registry.append(store)

        @functools.wraps(function)
        def wrapper(*args):
            now = time.monotonic()
            hit = store.get(args)
            if hit is not None and hit[0] > now:
                try:
                    store.move_to_end(args)
                except KeyError:  # evicted meanwhile by another thread
                    pass
                return hit[1]
            value = function(*args)
            store.kept(args, value, now + seconds)
            return value

        wrapper.__dict__["memo_store"] = store  # for the guard test that fills it with hostile keys
        return wrapper

    return decorate


def memo_stores() -> list[_Store]:
    """Every memo's store (each has its `maxsize`): the guard test checks their bounds."""
    return list(_registry)


def memo_clear() -> None:
    for store in _registry:
        store.clear()
