"""Teaser runs: a kept line that glues several truncated story teasers together goes.

A page's "read next" box prints each story as its headline and the first words
of its text cut off with an ellipsis (``… the new range goes on sale in Ma...``).
A scraper that glues elements (BeautifulSoup's ``get_text()``) runs the teasers
into one long line, which reads like prose and so may survive the content
classifier: ``… offers up to 12 hours of list... Big discount on the Echo Show
In September the company announced a slew of devi...by Anna``. A line holding
at least :data:`MIN_TRUNCATIONS` truncations, each closing a run of at least
:data:`MIN_TEASER_WORDS` words and followed by the line's end or by the next
element (not by a lower-case word after a space, as a sentence trailing off
goes on), whose teaser runs make up most of the line, is such a run. An
article's ellipses are few, and trail off shorter runs (``I don't know... Maybe
tomorrow.``). The truncation mark is language-neutral, so the rule is too.
"""

from __future__ import annotations

import regex

from ..document import Document
from ..patterns import lazy, phrase_set
from ..protect import is_protected
from ..stage import Stage, register

#: A line is a teaser run when it holds at least this many truncated teasers ...
MIN_TRUNCATIONS = 2
#: ... each a run of at least this many words before its ellipsis ...
MIN_TEASER_WORDS = 8
#: ... and at most this many (a teaser is a headline and a few lines of text; a longer run
#: cut by an ellipsis is an elision in a quotation) ...
MAX_TEASER_WORDS = 60
#: ... which together make up at least this share of the line's words.
MIN_TEASER_SHARE = 0.6
#: One truncated teaser is enough when the line goes on with the next story's headline: a
#: title of at least this many words ...
MIN_HEADLINE_WORDS = 2
#: ... and at most this many, not ending like a sentence.
MAX_HEADLINE_WORDS = 14

REASON = "run of truncated teasers"

# An ellipsis (three dots or the sign) that ends a teaser: after a word (a space between
# is allowed: ``for which ...``), and followed by the line's end, by the next element glued
# on (``...by Anna``, ``...Microsoft``) or by a space and a word that does not begin in
# lower case (``... Deal Alert``). ``... and then`` or ``fatal...but`` (lower case) trails off,
# and ``…, …)`` or ``… |`` (a sign after it) is an elision in a list or a table.
_TRUNCATION = lazy(
    regex.compile,
    r"(?:(?<=[\p{L}\p{N}]) ?|(?<=[\p{L}\p{N}\"”’)][,;]))(?:\.{3}|…)"
    r"(?=$|[\p{Lu}\p{Lt}\p{N}]|\s+[\p{Lu}\p{Lt}\p{N}\"“‘'«])",
)
# A word with a letter (``1-50 51-100 ...`` counts no words: page numbers, not a teaser).
_WORD = lazy(regex.compile, r"(?<![\p{L}\p{N}])\p{N}*+\p{L}[\p{L}\p{N}]*+")
# Where a run of words starts again: a sentence's end (``.``, ``!``, ``?``) followed by a space.
_SENTENCE_END = lazy(regex.compile, r"[.!?][\"'”’»)]*\s")
# A line's tail ending like a sentence (or a lead-in): body text goes on, no headline.
_END = lazy(regex.compile, r"[.!?:;,…][\"'”’»)\]]*\s*$")
_BUTTON = phrase_set("navigation", "related", "call_to_action")
_ANY = lazy(regex.compile, r"\.\.\.|…")


def is_teaser_run(text: str) -> bool:
    """True when ``text`` is mostly truncated teasers glued together (see the module docstring)."""
    if _ANY.search(text) is None:
        return False
    teasers = 0
    teaser_words = 0
    start = 0
    for mark in _TRUNCATION.finditer(text):
        segment = text[start : mark.start()]
        start = mark.end()
        # the teaser's words: from the last sentence end in the segment (a teaser's
        # headline and text may hold whole sentences before the cut one)
        words = len(_WORD.findall(segment))
        last = _last_sentence(segment)
        if len(_WORD.findall(last)) >= MIN_TEASER_WORDS and words <= MAX_TEASER_WORDS:
            teasers += 1
            teaser_words += words
    if teasers == 0 or (teasers < MIN_TRUNCATIONS and not _headline(text[start:])):
        return False
    return teaser_words >= MIN_TEASER_SHARE * len(_WORD.findall(text))


def _headline(tail: str) -> bool:
    """``tail`` (what follows a line's last truncation) reads as the next story's headline.

    A button (``See more``, ``Read more``) is no headline: it unfolds the rest of the text.
    """
    count = len(_WORD.findall(tail))
    if not MIN_HEADLINE_WORDS <= count <= MAX_HEADLINE_WORDS or _END.search(tail) is not None:
        return False
    button = _BUTTON.find(tail.strip(" []()|"))
    return button is None or button.kind != "whole"


def _last_sentence(segment: str) -> str:
    """The part of ``segment`` after its last sentence end (all of it when it has none)."""
    last = 0
    for end in _SENTENCE_END.finditer(segment):
        last = end.end()
    return segment[last:]


@register
class Teasers(Stage):
    """Drop a kept line that glues several truncated story teasers together.

    **Removes:** ``Big discount on the new tablet before launch The shop cut the price of its newest
    model by a third just days befo... Save on headphones Wireless sport headphones with secure ear
    hooks are now on sale for less than a hund...``
    **Keeps:** ``We waited for hours... Then the gates opened... and the crowd rushed in.``
    (an article's ellipses trail off short runs, or go on in lower case).
    """

    name = "teasers"

    def run(self, doc: Document) -> Document:
        if doc.kind != "text":
            return doc
        blocks = doc.blocks
        out = None
        for i, block in enumerate(blocks):
            if block.removal is not None or not is_teaser_run(block.text):
                continue
            if is_protected(block.text, self.options):
                continue
            if out is None:
                out = list(blocks)
            out[i] = block.drop(self.name, REASON)
        return doc if out is None else doc.with_blocks(out)
