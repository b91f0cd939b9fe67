"""Listings: keep the entries of a page whose main region is a run of repeated cards.

A listing page (courses, events, job offers, shop categories, a blog's front
page) prints one card per entry: a title, a one-line description and the same
short field lines in every card (``Price`` / ``$279``, ``Date`` /
``12 March 2026``, ``Location``, ``4 comments``). Line by line each card looks
like chrome, so the content classifier drops most of it. This stage finds such
runs from the page's own repetition, with no word list: a short line whose
text (or, when it holds figures, whose shape: ``$279`` and ``$950`` are both
``$0``) recurs at least :data:`MIN_ENTRIES` times at a regular spacing, where
(nearly) every card between two occurrences holds a title line above a
description in prose (stopwords from the lexicon, any language). An
article's paragraphs between ``Advertisement`` labels have no titles. When a run holds
:data:`MAIN_SHARE` times the words kept outside it, and at least
:data:`KEPT_SHARE` of what the content stage kept (so that stage's main text
is in it), the run is the page's main region, and every line of its cards that
the content stage dropped (title, description, field labels and values) comes
back. Lines other stages removed stay removed.

A shop's grid (a category page) has no descriptions: each card is a product's
name and its price (``Trail runner, breathable mesh`` / ``€54,90``), between
buttons and labels. A run of at least :data:`MIN_ENTRIES` price lines, each
after a name line and at most :data:`MAX_PERIOD` lines after the one before,
is such a grid; when the words of its names and prices are at least
:data:`GRID_MAIN_SHARE` times the words kept outside it, it is the page's main
region, and its names and prices (not its buttons) come back. Under a
product's description, a grid of other products is outweighed and stays dropped.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from .. import lexicon
from ..document import Block, Document, make_block
from ..features import all_stopwords
from ..memo import LINE_MEMO_SIZE, Memo, remember
from ..patterns import lazy
from ..stage import Stage, non_blank, register

#: A field label or value line has at most this many words ...
MAX_LABEL_WORDS = 4
#: ... and at most this many characters.
MAX_LABEL_CHARS = 40
#: A run needs the same label in at least this many cards.
MIN_ENTRIES = 3
#: Two occurrences of a label in consecutive cards are at most this many lines apart ...
MAX_PERIOD = 16
#: ... and at least this many (a label on every other line is a menu, not cards).
MIN_PERIOD = 2
#: A gap longer than this multiple of the run's median gap ends the run.
MAX_STRETCH = 2.0
#: Every card holds a description of its own: a line of at least this many words.
DESCRIPTION_WORDS = 8
#: At least this share of a run's cards hold a title and a description (one may lack it).
CARD_SHARE = 0.8
#: A card's title (the line just above its description) has at most this many words.
TITLE_WORDS = 20
#: A run is the main region when its words are at least this multiple of the words kept outside it.
MAIN_SHARE = 2.0

#: ... holding at least this many stopwords (prose, not a product's name and options).
DESCRIPTION_STOPWORDS = 3

#: ... and holds at least this share of the words the content stage kept (its main text is there).
KEPT_SHARE = 0.5

#: Only lines the content classifier dropped come back (other stages' removals are certain).
RESTORES = frozenset({"content"})

#: A shop grid's price line has at most this many words (``$459.99``, ``Sale price £42 Regular price £48``).
PRICE_WORDS = 8
#: A shop grid's product name has at least this many words ...
NAME_MIN_WORDS = 2
#: ... and at most this many.
NAME_MAX_WORDS = 30
#: Price lines at most this many lines apart with no name between are one card's (old and new price).
PRICE_GROUP_GAP = 2
#: A grid is the main region when the words of its names and prices are at least this multiple
#: of the words kept outside it (a product's description above a grid of other products outweighs it).
GRID_MAIN_SHARE = 1.0



def _currency() -> str:
    """A currency sign, or a currency code as a word (the ``currency`` lexicon)."""
    entries = lexicon.load("currency")
    signs = "".join(regex.escape(e) for e in entries if len(e) == 1)
    codes = "|".join(regex.escape(e) for e in entries if len(e) > 1)
    return rf"(?:[{signs}]|\b(?:{codes})\b\.?)"


# A price: a currency sign or code next to a figure (``$459.99``, ``49,90 €``, ``1 299 ₽``, ``CHF 12``).
_CURRENCY = _currency()
_PRICE = lazy(
    regex.compile,
    rf"{_CURRENCY}\s?\d|(?<![\d.,])\d[\d.,]*+(?:[ \u00a0]\d{{3}}[\d.,]*+)*+\s?{_CURRENCY}"
)
_SENTENCE_END = lazy(regex.compile, r"[.!?:][\"'”’»)]*$")

_DIGITS = lazy(regex.compile, r"\d+")
_WORD = lazy(regex.compile, r"\p{L}+")
_GLUED = lazy(regex.compile, r"\p{Ll}\p{Lu}")

# A line's card facts (label key, price, name, prose), remembered: listing, specs, shop and
# other-products ask about the same lines, and every settle round asks again.
_KEYS: Memo[str, str] = Memo(LINE_MEMO_SIZE)
_PRICES: Memo[str, bool] = Memo(LINE_MEMO_SIZE)
_NAMES: Memo[str, bool] = Memo(LINE_MEMO_SIZE)
_PROSE: Memo[str, bool] = Memo(LINE_MEMO_SIZE)


def _key(text: str) -> str | None:
    """What recurs in each card: a short line's text, or its shape when it holds figures."""
    if len(text) > MAX_LABEL_CHARS:
        return None  # before splitting: most lines of a page are long
    key = _KEYS.get(text)
    if key is None:
        key = _KEYS.put(text, _label_key(text) or "")
    return key or None


def _label_key(text: str) -> str | None:
    """:func:`_key`, worked out (a non-blank line's key is never empty)."""
    words = text.split()
    if not words or len(words) > MAX_LABEL_WORDS:
        return None
    if _DIGITS.search(text) is None:
        return text.casefold()
    # ``March 5, 2026`` and ``February 23, 2026`` share a shape; so do ``$279`` and ``$950``.
    return "#" + _WORD.sub("a", _DIGITS.sub("0", text.casefold()))


def _describes(text: str, counts: dict[str, int]) -> bool:
    """A card's own description: a line of prose printed once, not glued-together links."""
    if counts[text] != 1:
        return False
    found = _PROSE.get(text)
    return remember(_PROSE, text, _is_prose) if found is None else found


def _is_prose(text: str) -> bool:
    """:func:`_describes` for a line printed once: enough words, stopwords among them, not glued links."""
    words = text.split()
    if len(words) < DESCRIPTION_WORDS or len(_GLUED.findall(text)) >= 2:
        return False
    stops = all_stopwords()
    return sum(w.casefold().strip(".,;:!?()\"'") in stops for w in words) >= DESCRIPTION_STOPWORDS


def _is_title(text: str, counts: dict[str, int]) -> bool:
    """A card's title: a short line printed once that is not a sentence."""
    return counts[text] == 1 and len(text.split()) <= TITLE_WORDS and not text.endswith(".")


def _titled(a: int, b: int, texts: list[str], counts: dict[str, int]) -> bool:
    """Between lines ``a`` and ``b`` is a title line followed by a description."""
    return any(_describes(texts[q], counts) and _is_title(texts[q - 1], counts) for q in range(a + 2, b))


def _chains(positions: list[int]) -> list[list[int]]:
    """Split one label's positions into runs of regular spacing (cards in a row)."""
    runs: list[list[int]] = []
    current = [positions[0]]
    for p in positions[1:]:
        gap = p - current[-1]
        if MIN_PERIOD <= gap <= MAX_PERIOD:
            current.append(p)
            continue
        runs.append(current)
        current = [p]
    runs.append(current)
    out: list[list[int]] = []
    for run in runs:
        if len(run) < MIN_ENTRIES:
            continue
        gaps = [b - a for a, b in pairwise(run)]
        median = _median(gaps)
        if max(gaps) <= MAX_STRETCH * median:
            out.append(run)
    return out


def _median(values: list[int]) -> float:
    """The median, as :func:`statistics.median` gives it (importing that module costs a small run ~5 ms)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _reach(run: list[int], shapes: list[str], step: int) -> int:
    """How far a run's first (``step`` -1) or last (+1) card reaches beyond its label.

    The line ``d`` before the first label belongs to the first card when the line
    ``d`` before the second label has the same shape (both a card's own text, or
    both the same field); likewise after the last label, mirrored on the one before,
    but there over field lines only (a sentence after the last card may be a footer).
    """
    edge, twin = (run[0], run[1]) if step < 0 else (run[-1], run[-2])
    period = abs(twin - edge)
    reach = edge
    for d in range(1, period):
        here, there = edge + step * d, twin + step * d
        if not 0 <= here < len(shapes) or shapes[here] != shapes[there]:
            break
        if step > 0 and not shapes[here]:
            break  # after the last card only its fields: text there may be the page's footer
        reach = here
    return reach


def _count(texts: list[str]) -> dict[str, int]:
    """How many times each line is printed."""
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    return counts


def _spans(texts: list[str], counts: dict[str, int]) -> list[tuple[int, int]]:
    """The card runs among the page's non-blank lines, as (first, last) positions, merged."""
    keys = [_key(t) for t in texts]
    where: dict[str, list[int]] = {}
    for p, key in enumerate(keys):
        if key is not None:
            where.setdefault(key, []).append(p)
    shapes = [k if k is not None and len(where[k]) >= MIN_ENTRIES else "" for k in keys]
    found: list[tuple[int, int]] = []
    for positions in where.values():
        if len(positions) < MIN_ENTRIES:
            continue
        for run in _chains(positions):
            # every card holds a title and a description of its own: a shop's grid of names and
            # prices has no description, an article's paragraphs between ad labels have no title
            titled = sum(_titled(a, b, texts, counts) for a, b in pairwise(run))
            if titled < CARD_SHARE * (len(run) - 1):
                continue
            found.append((_reach(run, shapes, -1), _reach(run, shapes, 1)))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def is_price(text: str) -> bool:
    """``$459.99``, ``Sale price £42 Regular price £48``, ``49,90 €``: a short line quoting a price."""
    found = _PRICES.get(text)
    return remember(_PRICES, text, _quotes_price) if found is None else found


def _quotes_price(text: str) -> bool:
    """:func:`is_price`, worked out (a split into at most PRICE_WORDS + 1 pieces counts enough words)."""
    return len(text.split(None, PRICE_WORDS)) <= PRICE_WORDS and _PRICE.search(text) is not None


def _is_name(text: str, counts: dict[str, int]) -> bool:
    """A product's name on a card: a line of a few words printed once, not a sentence, no price."""
    if counts[text] != 1:
        return False
    found = _NAMES.get(text)
    return remember(_NAMES, text, _name_shape) if found is None else found


def _name_shape(text: str) -> bool:
    """:func:`_is_name` for a line printed once."""
    words = len(text.split())
    return (
        NAME_MIN_WORDS <= words <= NAME_MAX_WORDS
        and _SENTENCE_END.search(text) is None
        and _PRICE.search(text) is None
        and _WORD.search(text) is not None
    )


def grid_spans(texts: list[str], counts: dict[str, int] | None = None) -> list[tuple[int, int]]:
    """Runs of shop cards (a name, then its price) as (first, last) positions among ``texts``.

    Price lines close to each other are one card's (an old and a new price). Consecutive
    cards' prices are at most MAX_PERIOD lines apart, with at least one name between
    them; a run needs MIN_ENTRIES cards and starts at the first card's name. ``counts``
    (how many times each line is printed) is worked out when not given.
    """
    if counts is None:
        counts = _count(texts)
    groups: list[int] = []  # the first price line of each card
    last = -PRICE_GROUP_GAP - 1
    for p, text in enumerate(texts):
        if is_price(text):
            if p - last > PRICE_GROUP_GAP or any(_is_name(texts[q], counts) for q in range(last + 1, p)):
                groups.append(p)
            last = p
    spans: list[tuple[int, int]] = []
    run: list[int] = []

    def close() -> None:
        if len(run) >= MIN_ENTRIES:
            names = [q for q in range(max(0, run[0] - MAX_PERIOD), run[0]) if _is_name(texts[q], counts)]
            start = names[-1] if names else run[0]
            end = run[-1]
            while end + 1 < len(texts) and end + 1 - run[-1] <= PRICE_GROUP_GAP and is_price(texts[end + 1]):
                end += 1
            spans.append((start, end))

    for g in groups:
        named = run and any(_is_name(texts[q], counts) for q in range(run[-1] + 1, g))
        if named and g - run[-1] <= MAX_PERIOD:
            run.append(g)
            continue
        close()
        run = [g]
    close()
    return spans


def _restorable(block: Block) -> bool:
    """Kept, or dropped by a stage whose removals this stage may undo."""
    return block.removal is None or block.removal.stage in RESTORES


@register
class Listing(Stage):
    """Bring back a listing's cards, or a shop grid's names and prices, that the content stage dropped.

    **Removes:** nothing; it restores. Brings back ``Sunset kayak tour`` /
    ``Paddle along the bay at dusk with a guide and a flask of tea.`` / ``Price`` /
    ``€35`` in a run of such cards that is the page's main region.
    **Keeps:** dropped the same kind of cards in a ``Related stories`` list under a
    long article (the content stage kept its main text outside the run). Brings back
    a shop grid's ``Trail runner, breathable mesh`` / ``€54,90`` but not its ``Add to basket``,
    and leaves a grid of other products under a product's description dropped.
    """

    name = "listing"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live, texts = non_blank(blocks)
        if len(live) < MIN_ENTRIES * MIN_PERIOD:
            return doc
        counts = _count(texts)
        spans = _spans(texts, counts)
        grids = grid_spans(texts, counts)
        if not spans and not grids:
            return doc
        words = [len(t.split()) for t in texts]
        total = sum(w for w, i in zip(words, live, strict=True) if blocks[i].removal is None)
        out: list[Block] = list(blocks)
        changed = False
        for a, b in spans:
            span = range(a, b + 1)
            kept_inside = sum(words[p] for p in span if blocks[live[p]].removal is None)
            run_words = sum(words[p] for p in span if _restorable(blocks[live[p]]))
            if run_words < MAIN_SHARE * (total - kept_inside):
                continue  # cards beside the main text (teasers, related links), not the main region
            if kept_inside < KEPT_SHARE * total:
                continue  # the content stage found the main text elsewhere (an article, a product)
            for p in span:
                changed |= restore(out, live[p])
        for a, b in grids:
            span = range(a, b + 1)
            kept_inside = sum(words[p] for p in span if blocks[live[p]].removal is None)
            cards = [p for p in span if _restorable(blocks[live[p]]) and _grid_line(texts[p], counts)]
            if sum(words[p] for p in cards) < GRID_MAIN_SHARE * (total - kept_inside):
                continue  # other products beside the page's own text (a product's "you may also like")
            for p in cards:
                changed |= restore(out, live[p])
        return doc.with_blocks(out) if changed else doc


def _grid_line(text: str, counts: dict[str, int]) -> bool:
    """A shop card's name or price (its other lines, ``Free shipping``, ``Compare``, stay as judged)."""
    return is_price(text) or _is_name(text, counts)


def restore(out: list[Block], index: int) -> bool:
    """Bring back ``out[index]`` (in place) when the content stage dropped it; whether it did."""
    block = out[index]
    removal = block.removal
    if removal is None or removal.stage not in RESTORES:
        return False
    out[index] = make_block(block.text, block.origin, None, block.path, block.hints)
    return True
