"""Signed reviews: a shop page's customer reviews printed as cards, each signed with a name.

Many shops print their customers' reviews (or hand-picked testimonials) with
no ``Customer reviews`` heading the comments stage could see, as a run of
cards: a title, perhaps a star rating, the review, and the reviewer's name on
a line of its own, first name and initial or first name and country
(``Laura B.``, ``HEATHER H.``, ``Dorothy, United States``, ``Jörg M., Köln``).
The name alone says nothing, but the same card repeated is unmistakable: at
least :data:`MIN_CARDS` signatures, each right under a line of prose (the
review) and at most :data:`MAX_CARD_LINES` lines after the one before. On a
shop page (one quoting a price or holding shop lines) every kept line of such
a run goes: the first card reaches as far above its signature as the second,
and the short line just above it (``Happy customers``) goes with it as its heading.
"""

from __future__ import annotations

import regex

from ..document import Block, Document
from ..features import all_stopwords
from ..patterns import lazy
from ..stage import Stage, drop_unprotected, non_blank, register
from .shop import looks_like_shop

#: A run needs at least this many signed cards.
MIN_CARDS = 3
#: Two signatures in consecutive cards are at most this many lines apart (and at least 2).
MAX_CARD_LINES = 8
#: Every card holds the review: a line of at least this many words.
REVIEW_WORDS = 6
#: ... holding at least this many stopwords (prose, not an offer or a product's name).
REVIEW_STOPWORDS = 2
#: The line just above the run is its heading (``Happy customers``) when it has at most this many words.
HEADING_WORDS = 6

REASON = "customer review signed with a name"

# A reviewer's signature: one or two capitalised names (any script), then an initial
# (``Laura B.``, ``Marsha J``, also in capitals: ``HEATHER H.``) or a comma and a place
# (``Dorothy, United States``; a line in capitals there is a place: ``CANCUN, MEXICO``).
_NAME = r"\p{Lu}[\p{Ll}'’-]+"
_CAPS = r"\p{Lu}{2,}"
_PLACE = r"\p{Lu}[\p{L}'’.-]*(?:[ -]\p{L}[\p{L}'’.-]*){0,3}"
_INITIAL = r" \p{Lu}\.?"
_NAMED = rf"{_NAME}(?: {_NAME})?(?:{_INITIAL}(?:,\s*{_PLACE})?|,\s*{_PLACE})"
_SIGNATURE = lazy(regex.compile, rf"^[-–—~]?\s*(?:{_NAMED}|{_CAPS}(?: {_CAPS})?{_INITIAL})$")
_SENTENCE_END = lazy(regex.compile, r"[.!?;:,][\"'”’»)]*$")


def is_signature(text: str) -> bool:
    """``Laura B.``, ``Dorothy, United States``: a line that is only a reviewer's name."""
    return len(text) <= 60 and _SIGNATURE.match(text) is not None


def _is_review(text: str) -> bool:
    """The review itself: a line of prose (several words, some of them stopwords, any language)."""
    words = text.split()
    if len(words) < REVIEW_WORDS:
        return False
    stops = all_stopwords()
    return sum(w.casefold().strip(".,;:!?()\"'") in stops for w in words) >= REVIEW_STOPWORDS


def _is_heading(text: str) -> bool:
    """``Happy customers``, ``Ils en parlent mieux que nous``: a few words, not a sentence."""
    short = len(text.split()) <= HEADING_WORDS
    return short and _SENTENCE_END.search(text) is None and not is_signature(text)


def signed_runs(texts: list[str]) -> list[tuple[int, int]]:
    """Runs of signed review cards among ``texts``, as (first, last) positions."""
    signatures = [p for p, t in enumerate(texts) if is_signature(t)]
    runs: list[tuple[int, int]] = []
    chain: list[int] = []

    def close() -> None:
        if len(chain) >= MIN_CARDS:
            reach = chain[1] - chain[0]
            first = max(0, chain[0] - reach + 1)
            if first and _is_heading(texts[first - 1]):
                first -= 1
            runs.append((first, chain[-1]))

    for p in signatures:
        if not p or not _is_review(texts[p - 1]):
            close()
            chain = []
            continue  # a name under anything but a review (a place under a hotel's name)
        if chain and 2 <= p - chain[-1] <= MAX_CARD_LINES:
            chain.append(p)
            continue
        close()
        chain = [p]
    close()
    return runs


@register
class Reviews(Stage):
    """Drop a shop page's customer reviews printed as cards signed with a name (``Laura B.``).

    **Removes:** ``So good!`` / ``These are the best tea towels I have ever owned.`` /
    ``Laura B.`` and the cards like it, three or more in a row, on a page quoting a price.
    **Keeps:** ``Anna K.`` signing a single quote, and the same cards on a page with no
    price and no shop lines.
    """

    name = "reviews"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live, texts = non_blank(blocks)
        runs = signed_runs(texts)
        if not runs or not looks_like_shop(texts):
            return doc
        out: list[Block] = list(blocks)
        marked = {live[p]: REASON for first, last in runs for p in range(first, last + 1)}
        return doc.with_blocks(out) if drop_unprotected(self, out, marked) else doc
