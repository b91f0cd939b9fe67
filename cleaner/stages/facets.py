"""Filter lists: a shop's facets, each a label and its count, glued into one line of a text dump.

A category page lists its filters as labels with the number of items each one
leaves (``Brand``: ``Asolo (24)``, ``KEEN (32)``; ``Size``: ``7 (196)``, ``7.5
(207)``). A scraper that takes the page's text without separators prints a whole
filter panel on one line (``Men's (158) Women's (164) Unisex (3) Filter by
Size1 (9) 2 (9)``): no stage that judges one facet per line sees it, and the
content model, judging the line as a whole, may keep it. Such a line is at least
:data:`MIN_FACETS` labels each followed by a count in brackets, with little else.
A sentence that gives counts in brackets is no filter list: its items are joined
by commas and words, and it ends like a sentence.
"""

from __future__ import annotations

import regex

from ..document import Document
from ..patterns import lazy
from ..stage import TextFilter, register

#: A filter list holds at least this many labels with a count.
MIN_FACETS = 4
#: A facet's label has at most this many characters (``Climate Label Certified``).
MAX_LABEL_CHARS = 40
#: At least this share of the labels before a count are facet labels (the first may carry
#: the panel's heading or the end of the element before it).
MIN_LABEL_SHARE = 0.8
#: Text that is no facet (before the first label, after the last count) is at most this
#: share of the line.
MAX_OTHER_SHARE = 0.4

FILTERS = "filter list with item counts"

# A count in brackets after a label: ``(24)``, ``(1,203)``; not a year (``(2019)``) nor a
# tuple or a list number (``(1,)``).
_COUNT = lazy(regex.compile, r"\s?\(\d{1,3}(?:,\d{3})*\)")


def is_filter_list(text: str) -> bool:
    """``text`` is labels with counts in brackets and little else (``Asolo (24) KEEN (32) …``)."""
    if "(" not in text or text.rstrip().endswith((".", "!", "?")):
        return False
    parts = _COUNT.split(text)
    counts = len(parts) - 1
    if counts < MIN_FACETS:
        return False
    labels = [
        p
        for p in parts[:-1]
        if p.strip() and len(p) <= MAX_LABEL_CHARS and not p.lstrip().startswith((",", ";"))
    ]
    if len(labels) < MIN_FACETS or len(labels) < MIN_LABEL_SHARE * counts:
        return False
    other = len(parts[-1]) + sum(len(p) for p in parts[:-1] if len(p) > MAX_LABEL_CHARS)
    return other <= MAX_OTHER_SHARE * len(text)


@register
class Facets(TextFilter):
    """Drop a shop's filter panel printed on one line: labels with their item counts.

    **Removes:** ``Men's (158) Women's (164) Unisex (3) Kids' (13) Filter by Size1 (9) 2 (9)``.
    **Keeps:** ``The survey covered Paris (12), Lyon (8), Nice (5) and Lille (3) in total.``
    (counts in a sentence) and ``Smith (2019) Jones (2020) Brown (2021) Lee (2022)`` (years).
    """

    name = "facets"

    def run(self, doc: Document) -> Document:
        if doc.kind != "text" or doc.style == "markdown":
            return doc
        return super().run(doc)

    def verdict(self, text: str) -> str | None:
        return FILTERS if is_filter_list(text) else None
