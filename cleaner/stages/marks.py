"""Stray marks: a line that is one capital letter or a small bare number, left over from a widget.

Shop grids, forums and index pages print marks on lines of their own that a
text dump keeps apart from their labels: the count of votes or reviews beside a
post or a product (``12``), a member's avatar letter (``J``), a slide or card
counter, the letter heading of an A–Z index (``B``). Read as text, such a line
says nothing and glues a stray word onto the sentence around it. A line goes when
it is a single capital letter, or a number of one or two digits standing alone.

Some bare numbers are content and stay: a run of them (``9``, ``7``, ``5``, the
output of a loop in a tutorial), numbers that count on through the page (the
``1``, ``2``, ``3`` of numbered steps, each above its step) and a line right after
a line of code (``>>> len(names)`` then ``3``, its printed result).
"""

from __future__ import annotations

import regex

from ..document import Block, Document
from ..patterns import lazy
from ..stage import Stage, drop_unprotected, register

LETTER = "lone letter (an index heading or a member's picture)"
NUMBER = "lone number (a count beside a post or a product)"

#: The longest line looked at: one letter, or a number of at most two digits.
MAX_MARK_CHARS = 2

_NUMBER = lazy(regex.compile, r"\d{1,2}")
_LETTER = lazy(regex.compile, r"\p{Lu}")
#: A line of code or a prompt, whose printed result may follow as a bare number:
#: ``>>> x``, ``... x``, ``$ cmd``, ``stack.pop()``, ``tel['jack']``, ``total``, ``n = 3``.
_CODE = lazy(regex.compile, r"^(?:>>>|\.\.\.|\$ )|^[\w.]*\w[(\[]|^[a-z_]\w*$|=")


def _mark(text: str) -> str | None:
    """``"letter"``, ``"number"`` or None for a kept line's stripped text."""
    if len(text) > MAX_MARK_CHARS:
        return None
    if _NUMBER.fullmatch(text) is not None:
        return "number"
    return "letter" if _LETTER.fullmatch(text) is not None else None


def _counting(numbers: list[tuple[int, int]]) -> set[int]:
    """The positions of the numbers that count on from the one before or to the one after."""
    counting: set[int] = set()
    for (i, value), (j, following) in zip(numbers, numbers[1:], strict=False):
        if following == value + 1:
            counting.update((i, j))
    return counting


@register
class Marks(Stage):
    """Drop a lone capital letter or a bare one- or two-digit number on a line of its own.

    **Removes:** ``12`` (a post's vote count) between ``Thanks, that fixed it.`` and ``anna 1 year ago``,
    and the avatar letter ``J`` above ``JaneDoe``.
    **Keeps:** the ``1`` and ``2`` above two numbered steps, and ``3`` printed after ``>>> len(names)``.
    """

    name = "marks"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live = [i for i, b in enumerate(blocks) if b.removal is None and b.text.strip()]
        texts = [blocks[i].text.strip() for i in live]
        marks = [_mark(t) for t in texts]
        if not any(marks):
            return doc
        numbers = [(k, int(t)) for k, (t, m) in enumerate(zip(texts, marks, strict=True)) if m == "number"]
        counting = _counting(numbers)
        reasons: dict[int, str] = {}
        for k, mark in enumerate(marks):
            if mark is None or (k and _CODE.search(texts[k - 1]) is not None):
                continue
            if mark == "letter":
                reasons[live[k]] = LETTER
            elif k not in counting and not _beside_number(marks, k):
                reasons[live[k]] = NUMBER
        out: list[Block] = list(blocks)
        return doc.with_blocks(out) if drop_unprotected(self, out, reasons) else doc


def _beside_number(marks: list[str | None], k: int) -> bool:
    """The line before or after is a bare number too (a run of them: a loop's output, a table column)."""
    return (k > 0 and marks[k - 1] == "number") or (k + 1 < len(marks) and marks[k + 1] == "number")
