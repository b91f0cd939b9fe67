"""Teaser runs: a kept line that glues several truncated story teasers together goes.

A page's "read next" box prints each story as its headline and the first words
of its text cut off with an ellipsis (``… the new range goes on sale in Ma...``).
A scraper that glues elements (BeautifulSoup's ``get_text()``) runs the teasers
into one long line, which reads like prose and so may survive the content
classifier: ``… offers up to 12 hours of list... Big discount on the Echo Show
In September the company announced a slew of devi...by Anna``. A line holding
at least :data:`MIN_TRUNCATIONS` truncations, each closing a run of at least
:data:`MIN_TEASER_WORDS` words and followed by the line's end or by the next
element or the teaser's byline (``...by Anna``; not by another lower-case word,
as a sentence trailing off goes on), whose teaser runs make up most of the line, is such a run. An
article's ellipses are few, and trail off shorter runs (``I don't know... Maybe
tomorrow.``). The truncation mark is language-neutral, and the by-words come
from the ``date_words`` lexicon, so the rule is multilingual.

Printed one a line, the same box is a list: at least :data:`MIN_TEASER_LINES`
lines each cut off at its end (``… the government told Parliament on
Wednesday. It...``), with at most the stories' headlines between them. Such a
list goes when an article stands beside it (the other kept lines hold at least
:data:`MIN_ARTICLE_WORDS` words, and more than the list): on a listing page the
list is the page.
"""

from __future__ import annotations

from functools import cache

import regex

from ..compiled import regex_compile
from ..dates import date_words
from ..document import Block, Document
from ..patterns import lazy, phrase_set
from ..stage import Stage, drop_unprotected, register

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

#: A list of teasers, one a line: at least this many lines cut off at their end, with at
#: most headlines (short lines that do not end like a sentence) between them.
MIN_TEASER_LINES = 3

REASON = "run of truncated teasers"
LIST_REASON = "list of truncated teasers"
#: A list of teasers goes only beside an article: the kept lines outside the lists hold at
#: least this many words, and more than the lists (on a listing page, the list is the page).
MIN_ARTICLE_WORDS = 150

# An ellipsis (three dots or the sign) that ends a teaser: after a word (a space between
# is allowed: ``for which ...``), and followed by the line's end, by the next element glued
# on (``...Microsoft``), by a space and a word that does not begin in lower case
# (``... Deal Alert``), or by the teaser's byline (a by-word of the ``date_words`` lexicon
# and a capitalised name: ``...by Anna``, ``...von Jan``). ``... and then`` or ``fatal...but``
# (lower case) trails off, and ``…, …)`` or ``… |`` (a sign after it) is an elision in a list
# or a table.
_TRUNCATION_SOURCE = (
    r"(?:(?<=[\p{L}\p{N}]) ?|(?<=[\p{L}\p{N}\"”’)][,;]))(?:\.{3}|…)"
    r"(?=$|[\p{Lu}\p{Lt}\p{N}]|\s+[\p{Lu}\p{Lt}\p{N}\"“‘'«]|\s?(?:BY)\s+[\p{Lu}\p{Lt}])"
)


@cache
def _truncation() -> regex.Pattern[str]:
    """:data:`_TRUNCATION_SOURCE` with the by-words of every language in place of ``BY``."""
    words = sorted(date_words("by"), key=len, reverse=True)
    return regex_compile(_TRUNCATION_SOURCE.replace("BY", "|".join(regex.escape(w) for w in words)))


# A word with a letter (``1-50 51-100 ...`` counts no words: page numbers, not a teaser).
_WORD = lazy(regex.compile, r"(?<![\p{L}\p{N}])\p{N}*+\p{L}[\p{L}\p{N}]*+")
# Where a run of words starts again: a sentence's end (``.``, ``!``, ``?``) followed by a space.
_SENTENCE_END = lazy(regex.compile, r"[.!?][\"'”’»)]*\s")
# A line's tail ending like a sentence (or a lead-in): body text goes on, no headline.
_END = lazy(regex.compile, r"[.!?:;,…][\"'”’»)\]]*\s*$")
_BUTTON = phrase_set("navigation", "related", "call_to_action")
_ANY = lazy(regex.compile, r"\.\.\.|…")
# A headline cut off by the list's width: an ellipsis glued to its last word (``Opens...``).
_CUT_TITLE = lazy(regex.compile, r"(?<=\p{L})(?:\.{3}|…)$")


def is_teaser_run(text: str) -> bool:
    """True when ``text`` is mostly truncated teasers glued together (see the module docstring)."""
    if _ANY.search(text) is None:
        return False
    teasers = 0
    teaser_words = 0
    start = 0
    for mark in _truncation().finditer(text):
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


def is_teaser_line(text: str) -> bool:
    """``text`` is one teaser cut off at its end: a short run of words closed by an ellipsis."""
    if not text.rstrip().endswith(("...", "…")):
        return False
    marks = list(_truncation().finditer(text))
    if not marks or marks[-1].end() != len(text.rstrip()):
        return False
    return MIN_TEASER_WORDS <= len(_WORD.findall(text)) <= MAX_TEASER_WORDS


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
    """Drop a kept line that glues several truncated story teasers together, and lists of teasers.

    **Removes:** ``Big discount on the new tablet before launch The shop cut the price of its newest
    model by a third just days befo... Save on headphones Wireless sport headphones with secure ear
    hooks are now on sale for less than a hund...``; and below an article, the list
    ``Schools reopen after the storm`` / ``All schools in the region open again on Monday, the
    ministry said on Wednesday. It...`` / … of three or more teasers cut off at their ends.
    **Keeps:** ``We waited for hours... Then the gates opened... and the crowd rushed in.``
    (an article's ellipses trail off short runs, or go on in lower case), and a list of teasers
    on a page with no article beside it (a listing page).
    """

    name = "teasers"

    def run(self, doc: Document) -> Document:
        if doc.kind != "text":
            return doc
        blocks = doc.blocks
        drops: dict[int, str] = {}
        for i, block in enumerate(blocks):
            if block.removal is None and is_teaser_run(block.text):
                drops[i] = REASON
        for i in _teaser_lists(blocks):
            drops.setdefault(i, LIST_REASON)
        out = list(blocks)
        return doc.with_blocks(out) if drop_unprotected(self, out, drops) else doc


def _teaser_lists(blocks: tuple[Block, ...]) -> list[int]:
    """The kept lines of lists of teasers, one a line, with the headlines between them."""
    found: list[int] = []
    group: list[int] = []  # the current list's lines, up to its last teaser
    pending: list[int] = []  # headlines since the last teaser (kept if no teaser follows)
    teasers = 0
    for i, block in enumerate(blocks):
        if block.removal is not None or not block.text.strip():
            continue
        text = block.text.strip()
        if is_teaser_line(text):
            group.extend(pending[-1:] if not group else pending)
            group.append(i)
            pending = []
            teasers += 1
            continue
        if _title(text):
            pending.append(i)
            continue
        if teasers >= MIN_TEASER_LINES:
            found.extend(group)
        group, pending, teasers = [], [], 0
    if teasers >= MIN_TEASER_LINES:
        found.extend(group)
    if not found:
        return found
    listed = set(found)
    inside = sum(len(_WORD.findall(blocks[i].text)) for i in listed)
    outside = sum(
        len(_WORD.findall(b.text)) for i, b in enumerate(blocks) if b.removal is None and i not in listed
    )
    return found if outside >= MIN_ARTICLE_WORDS and outside > inside else []


def _title(text: str) -> bool:
    """A short line that does not end like a sentence: a teaser's headline, perhaps cut off too
    (``Hospital opens new maternity w...``)."""
    if len(text.split()) > 2 * MAX_HEADLINE_WORDS:  # (cheap: most lines are longer)
        return False
    if len(_WORD.findall(text)) > MAX_HEADLINE_WORDS:
        return False
    return _END.search(text) is None or _CUT_TITLE.search(text) is not None
