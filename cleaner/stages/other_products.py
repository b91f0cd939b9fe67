"""Other products: the grid of other products a shop prints under a product, with its heading.

Under a product's description a shop shows more of its goods: a heading
(``You may also like``, ``Das könnte Ihnen auch gefallen``, ``Produits
similaires``, ``Похожие товары``: the ``related_products`` lexicon), then a
grid of cards, each a product's name and its price (``Glass lantern, smoke
grey`` / ``€19,90``). Each card looks like the product's own name and price,
so the content stage may keep them, yet they are other products. On a shop
page (one quoting a price or holding shop lines), a grid of cards (as the
listing stage finds them) starting at most :data:`MAX_HEADING_GAP` lines under
such a heading, or running past it, goes from the heading on, as long as the page's own text kept outside it
outweighs it (on a category page the grid is the page).
"""

from __future__ import annotations

from ..document import Document
from ..memo import LINE_MEMO_SIZE, Memo, remember
from ..patterns import phrase_set
from ..stage import Stage, drop_unprotected, non_blank, register
from .listing import grid_spans
from .shop import looks_like_shop

#: The grid's first card starts at most this many lines under the heading.
MAX_HEADING_GAP = 3
#: The heading is a short line: at most this many words.
MAX_HEADING_WORDS = 10
#: The words kept outside the grid must be at least this multiple of the grid's kept words.
OWN_TEXT_SHARE = 1.0

REASON = "other products of the shop"

_HEADING = phrase_set("related_products")


#: Lines known to be (or not to be) such a heading: every line is asked about in each settle round.
_HEADINGS: Memo[str, bool] = Memo(LINE_MEMO_SIZE)


def is_heading(text: str) -> bool:
    """``You may also like``, ``Kunden kauften auch``: the heading of a grid of other products."""
    found = _HEADINGS.get(text)
    return remember(_HEADINGS, text, _names_grid) if found is None else found


def _names_grid(text: str) -> bool:
    """:func:`is_heading`, worked out (at most MAX_HEADING_WORDS + 1 pieces count its words)."""
    return len(text.split(None, MAX_HEADING_WORDS)) <= MAX_HEADING_WORDS and _HEADING.find(text) is not None


@register
class OtherProducts(Stage):
    """Drop the grid of other products under a product, with its ``You may also like`` heading.

    **Removes:** ``Das könnte Ihnen auch gefallen`` / ``Windlicht aus Glas`` / ``19,90 €`` /
    ``Kerzenständer aus Eisen`` / ``24,50 €`` / ... under a lantern's description.
    **Keeps:** the same heading and cards on a category page, where the grid outweighs
    every other kept line (the grid is the page), and a grid with no such heading above it.
    """

    name = "other-products"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live, texts = non_blank(blocks)
        headings = [p for p, t in enumerate(texts) if is_heading(t)]
        if not headings or not looks_like_shop(texts):
            return doc
        kept = [len(t.split()) if blocks[i].removal is None else 0 for i, t in zip(live, texts, strict=True)]
        total = sum(kept)
        reasons: dict[int, str] = {}
        for a, b in grid_spans(texts):
            # the heading is just above the grid, or inside it: a grid's cards run on from the
            # product's own name and price when few lines part them
            heading = next((h for h in headings if a - MAX_HEADING_GAP <= h < b - 1), None)
            if heading is None:
                continue
            inside = sum(kept[heading : b + 1])
            if inside == 0 or total - inside < OWN_TEXT_SHARE * inside:
                continue  # nothing kept there, or the grid is the page (a category)
            for p in range(heading, b + 1):
                reasons[live[p]] = REASON
        out = list(blocks)
        return doc.with_blocks(out) if drop_unprotected(self, out, reasons) else doc
