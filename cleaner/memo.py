"""Bounded memo tables for per-line results: a dict that empties itself when full.

Dumps repeat lines (menus, settle rounds re-reading kept text), so stages and features
remember what they computed for a line. Emptying the table when it reaches its limit
bounds memory on a run of millions of lines at the cost of recomputing a few entries.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A dict of remembered results holding at most ``limit`` entries.

    Read it as a dict (``memo.get(key)`` stays a C call on the hot path); store with
    :meth:`put`, which empties the table first when it is full.
    """

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
