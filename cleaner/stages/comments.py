"""Comment threads: the readers' comments below an article go, from the thread's heading on.

A comment thread opens with a heading (``12 comments``, ``3 thoughts on “…”``,
``Kommentare``, ``Commentaires``, ``Комментарии``) and then repeats a comment
header: a name with a date and time or a relative time (``2 days ago``,
``vor 3 Stunden``, ``il y a 2 jours``), ``… said:``, and action labels
(``Reply``, ``Like``, ``Report``, ``Rating: 12 votes``). When such a heading
follows the article's text and at least :data:`MIN_EVIDENCE` comment headers
follow the heading, every kept line from the heading to the end of the page
goes: the comments, and the teasers and footers printed after them.

A product page's customer reviews are such a thread too: a heading
(``Customer reviews``, ``Kundenbewertungen``, ``Avis clients``, ``Отзывы``)
followed by review labels (``Verified purchase``, ``Was this review helpful?``,
``4 out of 5 stars``); they go the same way.

Forum threads and Q&A pages are left alone: there the posts *are* the page, and
their headers already appear above the heading (:data:`MAX_EVIDENCE_ABOVE`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import regex

from ..dates import find_date
from ..document import Block, Document
from ..patterns import NUMBER, entries, lazy, phrase_set
from ..protect import is_protected
from ..stage import Stage, register

#: The article above the heading must have at least this many kept words.
MIN_ARTICLE_WORDS = 40
#: A heading opens a thread when at least this many comment headers follow it ...
MIN_EVIDENCE = 2
#: ... within this many non-blank lines after it.
WINDOW_LINES = 60
#: With more comment headers than this above the heading, the page is a thread of posts (a forum).
MAX_EVIDENCE_ABOVE = 2
#: A comment header (name, date, labels) has at most this many words.
MAX_HEADER_WORDS = 14
#: A heading line has at most this many words (``3 thoughts on “A title of the article”``).
MAX_HEADING_WORDS = 25

REASON = "comment thread below the article"
REVIEWS = "customer reviews below the product"

_HEADING = phrase_set("comment_heading", "review_heading")
#: A heading holds the longest word of one of its lexicon entries (``comments``, ``kommentare``):
#: a cheap set test on the line's words before the lexicon lookup.
_WORD = lazy(re.compile, r"\w+")
_ANCHORS = frozenset(
    max(_WORD.findall(e.replace(NUMBER, " ")), key=len)
    for concept in ("comment_heading", "review_heading")
    for e in entries(concept).phrases()
)
#: Lines longer than this (characters) are never a heading.
MAX_HEADING_CHARS = 200
#: Distinct short lines whose heading test is remembered (lines repeat in the settle rounds).
MEMO_SIZE = 8192
_HEADER = phrase_set("relative_time", "comment_action", "review_mark")
_VERB = phrase_set("comment_verb")
_WRAPS = {"[": "]", "(": ")"}


def _unwrap(text: str) -> str:
    """``[ 167 comments ]`` -> ``167 comments``: a line wrapped in brackets as a whole."""
    text = text.strip()
    if text[:1] in _WRAPS and text.endswith(_WRAPS[text[:1]]):
        return text[1:-1].strip()
    return text
_TIME = lazy(regex.compile, r"\d{1,2}[:.h]\d\d")
#: code punctuation: a line of code with a timestamp in it (``WHERE t < '2024-06-15 10:30'``) is no header
_CODE = lazy(regex.compile, r"[=<>{};]|\w\(")


def _words(text: str) -> int:
    return len(text.split())


def is_heading(text: str) -> bool:
    """``12 comments``, ``3 thoughts on “…”``, ``Kommentare (4)``: a line that opens a comment thread."""
    return len(text) <= MAX_HEADING_CHARS and _is_heading(text)


@lru_cache(maxsize=MEMO_SIZE)
def _is_heading(text: str) -> bool:
    """:func:`is_heading` of a short line, remembered (every line below the article's start is asked)."""
    if _ANCHORS.isdisjoint(_WORD.findall(text.casefold())):
        return False
    if _words(text) > MAX_HEADING_WORDS:
        return False
    return _HEADING.find(_unwrap(text)) is not None


def is_comment_header(text: str) -> bool:
    """A line that heads or labels one user comment.

    A relative time (``2 days ago``), a label (``Reply``, ``12 likes``), a date
    with a time (``May 2, 2024 at 3:10 pm``) or a line ending ``… said:``.
    """
    return _is_comment_header(text) if len(text) <= MAX_HEADING_CHARS else _judge_header(text)


def _judge_header(text: str) -> bool:
    """:func:`is_comment_header`, worked out."""
    if _words(text) > MAX_HEADER_WORDS or _CODE.search(text) is not None:
        return False
    if _HEADER.find(_unwrap(text)) is not None:
        return True
    if text.rstrip().endswith(":") and _VERB.find(text) is not None:
        return True
    return _TIME.search(text) is not None and find_date(text) is not None


#: :func:`is_comment_header` of a short line, remembered (the settle rounds ask about the same lines).
_is_comment_header = lru_cache(maxsize=MEMO_SIZE)(_judge_header)


def _texts(blocks: Sequence[Block]) -> list[tuple[int, str]]:
    """(index, text) of every non-blank block, kept or removed (a removed heading still marks the thread).

    Lines lifted into the metadata (the article's own date and byline) are left out.
    """
    return [
        (i, text)
        for i, b in enumerate(blocks)
        if (text := b.text.strip()) and (b.removal is None or b.removal.field is None)
    ]


def thread_start(blocks: Sequence[Block]) -> int | None:
    """Index of the block that opens the comment thread below the article, or None."""
    lines = _texts(blocks)
    flags: list[bool | None] = [None] * len(lines)  # is_comment_header, asked once per line

    def evidence(start: int, stop: int) -> int:
        found = 0
        for j in range(max(start, 0), min(stop, len(lines))):
            flag = flags[j]
            if flag is None:
                flag = flags[j] = is_comment_header(lines[j][1])
            found += flag
        return found

    kept_words = 0
    article_from: int | None = None  # position (in lines) of the first kept line
    for pos, (i, text) in enumerate(lines):
        if (
            kept_words >= MIN_ARTICLE_WORDS
            and is_heading(text)
            and evidence(pos + 1, pos + 1 + WINDOW_LINES) >= MIN_EVIDENCE
        ):
            if evidence(article_from or 0, pos) <= MAX_EVIDENCE_ABOVE:
                return i
            return None  # headers above the heading too: a thread of posts, not comments
        if blocks[i].removal is None:
            if article_from is None:
                article_from = pos
            kept_words += text.count(" ") + 1
    return None


@register
class Comments(Stage):
    """Drop a comment thread below the article: from its heading (``12 comments``) to the end.

    **Removes:** ``8 comments`` / ``Anna K. · 2 days ago`` / ``Great piece, thanks!`` / ``Reply``
    after the article's last paragraph; ``Customer reviews`` / ``Verified purchase`` /
    ``Was this review helpful?`` under a product's description.
    **Keeps:** ``Comments`` in a share bar above the article's text, and the posts of a
    forum thread (whose headers start above any heading).
    """

    name = "comments"

    def run(self, doc: Document) -> Document:
        start = thread_start(doc.blocks)
        if start is None:
            return doc
        blocks = list(doc.blocks)
        hit = _HEADING.find(_unwrap(blocks[start].text.strip()))
        reason = REVIEWS if hit is not None and hit.concept == "review_heading" else REASON
        changed = False
        for i in range(start, len(blocks)):
            block = blocks[i]
            if block.removal is None and block.text.strip() and not is_protected(block.text, self.options):
                blocks[i] = block.drop(self.name, reason)
                changed = True
        return doc.with_blocks(blocks) if changed else doc
