"""Specification tables: bring back a shop page's spec sheet that the content stage dropped.

A product page prints its specifications as a table under a heading
(``Specifications``, ``Technische Daten``, ``Caractéristiques``,
``Ficha técnica``, ``Характеристики``): one short row per line, a label and
its value (``Material Stainless steel``, ``Gewicht: 2,4 kg``,
``Nombre de convives 4 à 8``). Line by line each row looks like a menu item,
so the content classifier drops most of them, yet they are the product's own
content. On a shop page (one quoting a price, or holding shop lines), this
stage finds such a heading (the ``spec_heading`` lexicon) and the run of
short lines right after it, and brings back the rows the content stage
dropped once the run holds at least :data:`MIN_ROWS` of them. The run ends
at the first long line, price, shop button, heading of what follows a table
(reviews, related products, a newsletter prompt), or line another stage
removed (a menu or footer after the table); rows dropped as repeats are skipped.
"""

from __future__ import annotations

from ..document import Block, Document
from ..memo import LINE_MEMO_SIZE, Memo, remember
from ..patterns import entries, fold, line_key, phrase_set
from ..stage import Stage, non_blank, register
from .listing import RESTORES, is_price, restore
from .shop import is_shop_line, looks_like_shop

#: A table row has at most this many words ...
MAX_ROW_WORDS = 12
#: ... and at most this many characters.
MAX_ROW_CHARS = 100
#: A table needs at least this many rows.
MIN_ROWS = 3
#: A table has at most this many rows (a longer run of short lines is a menu).
MAX_ROWS = 60
#: A heading has at most this many words (``Caractéristiques Barbecue inox 1600``).
MAX_HEADING_WORDS = 8

#: Only lines the content classifier dropped come back (other stages' removals are certain).
#: Rows dropped as repeats stay dropped but do not end the table.
SKIPS = frozenset({"dedupe"})

_HEADING = phrase_set("spec_heading")
#: Lines that open what follows a table: reviews, related products, a newsletter prompt, a menu item.
_AFTER = phrase_set("review_heading", "comment_heading", "related", "newsletter", "navigation")


#: The first words of the headings: a cheap set test before the lexicon lookup (most lines fail it).
_FIRST_WORDS = frozenset(fold(e).split(" ", 1)[0] for e in entries("spec_heading").phrases())


#: Lines known to be (or not to be) a spec table's heading: every line is asked about in each settle round.
_HEADINGS: Memo[str, bool] = Memo(LINE_MEMO_SIZE)


def is_spec_heading(text: str) -> bool:
    """``Specifications``, ``Technische Daten``, ``Fiche technique``: a spec table's heading."""
    found = _HEADINGS.get(text)
    return remember(_HEADINGS, text, _names_spec_table) if found is None else found


def _names_spec_table(text: str) -> bool:
    """:func:`is_spec_heading`, worked out (at most MAX_HEADING_WORDS + 1 pieces count its words)."""
    if len(text.split(None, MAX_HEADING_WORDS)) > MAX_HEADING_WORDS:
        return False
    key = line_key(text)[1]
    return key.split(" ", 1)[0] in _FIRST_WORDS and _HEADING.find_key(key) is not None


def _is_row(text: str) -> bool:
    """A table row: a short line, not a price, a shop button, or the heading of reviews or related items."""
    return (
        len(text) <= MAX_ROW_CHARS
        and len(text.split()) <= MAX_ROW_WORDS
        and not is_price(text)
        and not is_shop_line(text)
        and _AFTER.find(text) is None
    )


def _table(blocks: tuple[Block, ...] | list[Block], live: list[int], start: int) -> list[int]:
    """Positions (in ``live``) of the rows after the heading at ``start``."""
    rows: list[int] = []
    for pos in range(start + 1, min(len(live), start + 1 + MAX_ROWS)):
        block = blocks[live[pos]]
        removal = block.removal
        if removal is not None and removal.stage in SKIPS:
            continue
        if removal is not None and removal.stage not in RESTORES:
            break
        if not _is_row(block.text.strip()):
            break
        rows.append(pos)
    return rows


@register
class Specs(Stage):
    """Bring back the rows of a shop page's specification table that the content stage dropped.

    **Removes:** nothing; it restores. Brings back ``Material Stainless steel`` /
    ``Capacity 1.5 l`` / ``Weight 1.2 kg`` under ``Technical details`` on a page
    quoting ``€39,90``.
    **Keeps:** dropped the same rows under ``Specifications`` on a page with no
    price and no shop lines (an article's menu), and ``Add to cart`` after the table.
    """

    name = "specs"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live, texts = non_blank(blocks)
        headings = [p for p, t in enumerate(texts) if is_spec_heading(t)]
        if not headings or not looks_like_shop(texts):
            return doc
        out: list[Block] = list(blocks)
        changed = False
        for start in headings:
            heading = blocks[live[start]].removal
            if heading is not None and heading.stage not in RESTORES | SKIPS:
                continue  # a menu item or footer link named like a heading
            rows = _table(blocks, live, start)
            if len(rows) < MIN_ROWS:
                continue
            for pos in [start, *rows]:
                changed |= restore(out, live[pos])
        return doc.with_blocks(out) if changed else doc

