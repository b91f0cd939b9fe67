"""Bounded memo tables for per-line results: a dict that empties itself when full.

Dumps repeat lines (menus, settle rounds re-reading kept text), so stages and features
remember what they computed for a line. Emptying the table when it reaches its limit
bounds memory on a run of millions of lines at the cost of recomputing a few entries.
"""

from __future__ import annotations

from collections.abc import Callable
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


#: A per-line memo's size for the facts several stages ask of the same lines (listing, specs,
#: shop, related, other-products), each settle round again.
LINE_MEMO_SIZE = 8192

#: Lines longer than this are judged afresh each time (a memo would keep huge lines alive).
VERDICT_MAX_CHARS = 10_000


def remember(memo: Memo[str, V], text: str, judge: Callable[[str], V]) -> V:
    """``judge(text)``, kept in ``memo`` for the next time (huge lines are judged afresh, not kept alive).

    Callers look the text up first (``memo.get(text)``, a C call) and only call this on a miss.
    """
    found = judge(text)
    if len(text) <= VERDICT_MAX_CHARS:
        memo.put(text, found)
    return found


class Verdicts(Memo[str, str]):
    """Why a filter drops a line (``""``: it keeps it), remembered by the line's text.

    For filters whose verdict depends on the text alone: lines repeat across the pages
    of a site, and the settle rounds ask about every kept line again.
    """

    __slots__ = ()

    def of(self, text: str, judge: Callable[[str], str | None]) -> str | None:
        """``judge(text)``, asked once per text."""
        why = self.get(text)
        if why is None:
            why = judge(text) or ""
            if len(text) <= VERDICT_MAX_CHARS:
                self.put(text, why)
        return why or None
