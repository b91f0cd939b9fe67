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

A dump that glues a card's parts together shows the same cards another way: the
title, the reviewer's name and the review run into one line, and the star rating
(a digit from 1 to 5) sticks to the review's last word (``Fits nicelyMasonThe shelf
fits nicely in the small space.5``). A star so glued after a sentence's end is the
card's mark, but a footnote's number is printed the same way (``battery life.1``):
only a run of at least :data:`MIN_CARDS` such lines, each at most
:data:`MAX_CARD_LINES` lines after the one before and at least :data:`MIN_GLUED_NAMES`
of them showing a name glued between two words (``colorDorothyI love``), is taken
for reviews; on a shop page its kept lines go.
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

#: A run of star-marked lines needs at least this many showing a reviewer's name glued in.
MIN_GLUED_NAMES = 2

REASON = "customer review signed with a name"
STARRED = "customer review with its star rating"

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
# A star rating glued after the review's last word: after a sentence's end (``in it.5``, also
# ``higher :/5``) or straight after a word (``storage5``) at the line's end, or after a
# sentence's end before the next card's capitalised title (``purchase.5Craft room``).
_STAR_END = lazy(regex.compile, r"(?:\p{L}[.!?…/]+[\"'”’)]*|\p{Ll})[1-5]$")
_STAR_GLUED = lazy(regex.compile, r"(?<![.!?…])[.!?…]++[\"'”’)]*[1-5]\p{Lu}\p{Ll}")
# A star's figure after a sentence's sign, for the quick test.
_STAR_DIGIT = lazy(regex.compile, r"[.!?…][\"'”’)]*[1-5]")
# A reviewer's name glued between the card's title and its text: ``colorDorothyI``,
# ``great!ElisabethHappy``, or at the line's end (``Fits nicelyMason``).
_GLUED_NAME = lazy(regex.compile, r"[\p{Ll}.!?][\"'”’)]*\p{Lu}\p{Ll}+(?:\p{Lu}|$)")
# Links and inline images (their addresses hold digits and capitals anywhere).
_ADDRESS = lazy(regex.compile, r"\]\(|://|data:")


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


def _starred(text: str) -> bool:
    """``Easy to assemble.5``: a review card's text with its star rating glued on."""
    if text[-1] in "12345":
        found = _STAR_END.search(text) is not None
    elif _STAR_DIGIT.search(text) is None:  # (cheap: most lines hold no such figure)
        return False
    else:  # ``purchase.5Craft``: the sign after a letter (``v1.2Beta`` is a version)
        found = any(m.start() and text[m.start() - 1].isalpha() for m in _STAR_GLUED.finditer(text))
    return found and _ADDRESS.search(text) is None


def _glued_name(text: str) -> bool:
    """``Kallax ShelfDaphneGreat delivery``: a reviewer's name glued between two words."""
    return _GLUED_NAME.search(text) is not None and _ADDRESS.search(text) is None


def starred_runs(texts: list[str]) -> list[tuple[int, int]]:
    """Runs of review cards glued into lines with their star ratings, as (first, last) positions.

    The run reaches back over the lines just above its first star that show a glued name (the
    first card's title and name) and the short heading above them (``Reviews``), and on over
    the lines after its last star that show a glued name.
    """
    runs: list[tuple[int, int]] = []
    chain: list[int] = []

    def close() -> None:
        if len(chain) < MIN_CARDS:
            return
        named = sum(_glued_name(texts[p]) or (p > 0 and _glued_name(texts[p - 1])) for p in chain)
        if named < MIN_GLUED_NAMES:
            return
        first, last = chain[0], chain[-1]
        while first and _glued_name(texts[first - 1]):
            first -= 1
        while last + 1 < len(texts) and _glued_name(texts[last + 1]):
            last += 1
        if first and _is_heading(texts[first - 1]):
            first -= 1
        runs.append((first, last))

    for p, text in enumerate(texts):
        if not _starred(text):
            continue
        if chain and p - chain[-1] > MAX_CARD_LINES:
            close()
            chain = []
        chain.append(p)
    close()
    return runs


@register
class Reviews(Stage):
    """Drop a shop page's customer reviews printed as cards signed with a name (``Laura B.``).

    **Removes:** ``So good!`` / ``These are the best tea towels I have ever owned.`` /
    ``Laura B.`` and the cards like it, three or more in a row, on a page quoting a price;
    ``So softLauraThe best towels I have owned.5`` and the cards glued like it.
    **Keeps:** ``Anna K.`` signing a single quote, the same cards on a page with no
    price and no shop lines, and sentences ending in footnote numbers
    (``Up to 18 hours of battery life.1``) with no name glued in.
    """

    name = "reviews"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live, texts = non_blank(blocks)
        runs = signed_runs(texts)
        starred = starred_runs(texts)
        if not (runs or starred) or not looks_like_shop(texts):
            return doc
        out: list[Block] = list(blocks)
        marked = {live[p]: STARRED for first, last in starred for p in range(first, last + 1)}
        marked.update({live[p]: REASON for first, last in runs for p in range(first, last + 1)})
        return doc.with_blocks(out) if drop_unprotected(self, out, marked) else doc
