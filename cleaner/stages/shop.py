"""Shop chrome: the buttons, stock, delivery, returns, payment and review prompts of a shop page.

A product page prints its description and specifications among the shop's
own lines: ``Add to basket``, ``In stock``, ``Only 3 left``, ``Free delivery
on orders over $50``, ``30-day returns``, ``Pay in 4 interest-free
installments``, ``Write a review``, ``4.6 out of 5 stars``, ``Sold by …``.
They are the same on every product of every shop and none is the product's
content. Once a page holds at least :data:`MIN_MARKS` such lines of at least
:data:`MIN_DISTINCT` kinds (counted among every line, also those other stages
removed), the page is a shop page and they all go; with fewer, nothing is
touched (an article may say ``In stock`` once). The phrases live in the
``shop_chrome`` lexicon, per language; a line goes only when it *is* such a
phrase, or a short line opening with one. A rating summary counts as a shop
line too, in whatever order the shop puts its words and numbers
(``4.6 stars on 82 reviews``, ``(21) 21 total reviews``, ``Number of reviews: 196``,
``128 Bewertungen``): a short line holding a number and a count word (the
``rating_words`` lexicon), and otherwise only joining words (``rating_filler``),
stopwords and numbers. It goes as the product's own rating; a page printing
:data:`MAX_RATINGS` or more (a category's grid, one in each card) keeps them.
"""

from __future__ import annotations

import regex

from .. import lexicon
from ..document import Document
from ..features import all_stopwords
from ..memo import LINE_MEMO_SIZE, Memo, remember
from ..patterns import lazy, line_key, phrase_set
from ..stage import Stage, drop_unprotected, register
from .listing import is_price

#: A page is a shop page when it holds at least this many shop lines ...
MIN_MARKS = 4
#: ... of at least this many different kinds (not one button printed under every product).
MIN_DISTINCT = 3
#: A page that quotes no price is a shop page (for :func:`looks_like_shop`) with this many shop lines.
MIN_SHOP_PAGE_LINES = 2
#: Shop lines are short: longer lines are never looked at.
MAX_CHROME_CHARS = 160

#: A page with this many rating summaries prints one in each card of a grid: they stay (the cards' own).
MAX_RATINGS = 3
#: A rating summary has at most this many characters (``(132) 132 reviews with an average rating of 4.6``).
MAX_RATING_CHARS = 90

REASON = "shop button, stock, delivery or payment line"

_SHOP = phrase_set("shop_chrome")
_DIGIT = lazy(regex.compile, r"\d")
_LETTERS = lazy(regex.compile, r"\p{L}+")

#: Short lines known to be (or not to be) shop lines and rating summaries: shop, specs and
#: other-products ask about the same lines, and every settle round asks again.
_SHOP_LINES: Memo[str, bool] = Memo(LINE_MEMO_SIZE)
_RATINGS: Memo[str, bool] = Memo(LINE_MEMO_SIZE)


def is_rating_summary(text: str) -> bool:
    """``4.6 stars on 82 reviews``, ``(21) 21 total reviews``, ``128 Bewertungen``: a shop's rating count."""
    if len(text) > MAX_RATING_CHARS:
        return False
    found = _RATINGS.get(text)
    return remember(_RATINGS, text, _counts_ratings) if found is None else found


def _counts_ratings(text: str) -> bool:
    """:func:`is_rating_summary` for a short line."""
    if _DIGIT.search(text) is None:
        return False
    counted = False
    stops = all_stopwords()
    counts, fillers = lexicon.folded_set("rating_words"), lexicon.folded_set("rating_filler")
    for word in _LETTERS.findall(text.casefold()):
        if word in counts:
            counted = True
        elif len(word) > 1 and word not in fillers and word not in stops:
            return False  # ``53.5K`` leaves a ``k``; any other word is not a summary's
    return counted


def is_shop_line(text: str) -> bool:
    """``Add to basket``, ``Auf Lager``, ``Livraison offerte dès 50 €``: a shop's own line."""
    if len(text) > MAX_CHROME_CHARS:
        return False
    found = _SHOP_LINES.get(text)
    return remember(_SHOP_LINES, text, _is_shop_chrome) if found is None else found


def _is_shop_chrome(text: str) -> bool:
    """:func:`is_shop_line` for a short line."""
    return _SHOP.find(text) is not None or is_rating_summary(text)


def looks_like_shop(texts: list[str]) -> bool:
    """The page quotes a price (``€39,90``) or holds :data:`MIN_SHOP_PAGE_LINES` shop lines."""
    shop = 0
    for text in texts:
        if is_price(text):
            return True
        if is_shop_line(text):
            shop += 1
            if shop >= MIN_SHOP_PAGE_LINES:
                return True
    return False


@register
class Shop(Stage):
    """Drop a shop page's buttons, stock and delivery notes, payment offers and review prompts.

    **Removes:** ``Add to basket`` / ``In stock`` / ``Free delivery on orders over $50`` /
    ``30-day returns`` / ``Write a review`` beside the product's description.
    **Keeps:** ``The shop had the lamp in stock again by May.`` (a sentence, not the
    label), and a lone ``In stock`` on a page with no other shop lines.
    """

    name = "shop"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        hits: list[int] = []
        kinds: set[str] = set()
        for i, block in enumerate(blocks):
            text = block.text.strip()
            lifted = block.removal is not None and block.removal.field is not None  # the page's metadata
            if text and not lifted and is_shop_line(text):
                hits.append(i)
                kinds.add(line_key(text)[1])
        if len(hits) < MIN_MARKS or len(kinds) < MIN_DISTINCT:
            return doc
        ratings = {i for i in hits if is_rating_summary(blocks[i].text.strip())}
        if len(ratings) >= MAX_RATINGS:  # one per card of a category's grid: part of each card
            hits = [i for i in hits if i not in ratings]
        out = list(blocks)
        return doc.with_blocks(out) if drop_unprotected(self, out, dict.fromkeys(hits, REASON)) else doc
