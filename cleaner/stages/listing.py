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
description in prose (stopwords from the lexicon, any language). A shop's grid
of names and prices has no description and is left alone; an article's
paragraphs between ``Advertisement`` labels have no titles. When a run holds
:data:`MAIN_SHARE` times the words kept outside it, and at least
:data:`KEPT_SHARE` of what the content stage kept (so that stage's main text
is in it), the run is the page's main region, and every line of its cards that
the content stage dropped (title, description, field labels and values) comes
back. Lines other stages removed stay removed.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from ..document import Block, Document, make_block
from ..features import all_stopwords
from ..patterns import lazy
from ..stage import Stage, register

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

_DIGITS = lazy(regex.compile, r"\d+")
_WORD = lazy(regex.compile, r"\p{L}+")
_GLUED = lazy(regex.compile, r"\p{Ll}\p{Lu}")


def _key(text: str) -> str | None:
    """What recurs in each card: a short line's text, or its shape when it holds figures."""
    if len(text) > MAX_LABEL_CHARS:
        return None  # before splitting: most lines of a page are long
    words = text.split()
    if not words or len(words) > MAX_LABEL_WORDS:
        return None
    if _DIGITS.search(text) is None:
        return text.casefold()
    # ``March 5, 2026`` and ``February 23, 2026`` share a shape; so do ``$279`` and ``$950``.
    return "#" + _WORD.sub("a", _DIGITS.sub("0", text.casefold()))


def _describes(text: str, counts: dict[str, int]) -> bool:
    """A card's own description: a line of prose printed once, not glued-together links."""
    words = text.split()
    if counts[text] != 1 or len(words) < DESCRIPTION_WORDS or len(_GLUED.findall(text)) >= 2:
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


def _spans(texts: list[str]) -> list[tuple[int, int]]:
    """The card runs among the page's non-blank lines, as (first, last) positions, merged."""
    keys = [_key(t) for t in texts]
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
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


def _restorable(block: Block) -> bool:
    """Kept, or dropped by a stage whose removals this stage may undo."""
    return block.removal is None or block.removal.stage in RESTORES


@register
class Listing(Stage):
    """Bring back the cards of a listing page (title, description, fields) that the content stage dropped.

    **Removes:** nothing; it restores. Brings back ``Sunset kayak tour`` /
    ``Paddle along the bay at dusk with a guide and a flask of tea.`` / ``Price`` /
    ``€35`` in a run of such cards that is the page's main region.
    **Keeps:** dropped the same kind of cards in a ``Related stories`` list under a
    long article (the content stage kept its main text outside the run), and a
    shop's grid of names and prices (no card has a description).
    """

    name = "listing"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live = [i for i, b in enumerate(blocks) if b.text.strip()]
        if len(live) < MIN_ENTRIES * MIN_PERIOD:
            return doc
        texts = [blocks[i].text.strip() for i in live]
        counts: dict[str, int] = {}
        for t in texts:
            counts[t] = counts.get(t, 0) + 1
        spans = _spans(texts)
        if not spans:
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
                block = blocks[live[p]]
                removal = block.removal
                if removal is None or removal.stage not in RESTORES:
                    continue
                out[live[p]] = make_block(block.text, block.origin, None, block.path, block.hints)
                changed = True
        return doc.with_blocks(out) if changed else doc
