"""Related-story lists: the headlines listed under a ``Related articles`` heading go.

Below (or inside) an article, a heading such as ``Related articles``,
``Weitere Beiträge zum Thema``, ``À lire aussi`` or ``Читайте также`` introduces
a list of other stories' headlines. Earlier stages drop the heading itself (a
page label); the headlines after it are short lines that read like titles, and
the content classifier, seeing them between body lines, may keep them. This
stage drops the run of title-like lines that directly follows such a heading,
once the article has begun above it, and stops at the first line that reads like
body text (a long line, or one ending like a sentence).
"""

from __future__ import annotations

import regex

from ..document import Document
from ..memo import LINE_MEMO_SIZE, Memo, remember
from ..patterns import lazy, phrase_set
from ..protect import is_protected
from ..stage import Stage, register

#: The article above the heading must have at least this many kept words ...
MIN_ARTICLE_WORDS = 40
#: ... and a paragraph of at least this many words (a product or listing page's short
#: lines above a "More ..." heading are the page itself).
MIN_PARAGRAPH_WORDS = 25
#: A heading has at least this many words (a lone ``More`` is a button).
MIN_HEADING_WORDS = 2
#: A listed headline has at most this many words.
MAX_TITLE_WORDS = 14
#: A heading line is at most this long (characters).
MAX_HEADING_CHARS = 80
#: At least this many headlines make a list (fewer: only when they end the page).
MIN_RUN = 2

REASON = "related-story list"

_HEADING = phrase_set("related")
# ``Show more``, ``See more``: buttons that unfold more of the same list, not a heading.
_BUTTON = phrase_set("navigation")
# A line ending like a sentence or a lead-in: body text, not a listed headline.
_SENTENCE_END = lazy(regex.compile, r"[.:;,…][\"'”’»)\]]*$")


#: Short lines known to be (or not to be) such a label: every line is asked about in each settle round.
_HEADINGS: Memo[str, bool] = Memo(LINE_MEMO_SIZE)


def is_heading(text: str) -> bool:
    """``Related articles``, ``Weitere Beiträge zum Thema``: a related-stories label on its own."""
    if not text or len(text) > MAX_HEADING_CHARS:
        return False
    found = _HEADINGS.get(text)
    return remember(_HEADINGS, text, _labels_related) if found is None else found


def _labels_related(text: str) -> bool:
    """:func:`is_heading` for a short line."""
    if len(text.split()) < MIN_HEADING_WORDS:
        return False
    hit = _HEADING.find(text)
    if hit is None or hit.kind != "whole":
        return False
    button = _BUTTON.find(text)
    return button is None or button.kind != "whole"


def _title_like(text: str) -> bool:
    return len(text.split()) <= MAX_TITLE_WORDS and not _SENTENCE_END.search(text)


@register
class Related(Stage):
    """Drop the list of headlines under a ``Related articles`` heading below the article's start.

    **Removes:** ``Library extends weekend opening hours`` (and the headlines after it) under a
    ``Related articles`` heading, once the article has begun above.
    **Keeps:** ``The library will open on Sundays from May.`` after the same heading — a
    sentence, so the body goes on there.
    """

    name = "related"

    def run(self, doc: Document) -> Document:
        blocks = list(doc.blocks)
        words = 0
        paragraph = False
        drop: list[int] = []
        i = 0
        n = len(blocks)
        while i < n:
            block = blocks[i]
            text = block.text
            if block.removal is None and not (paragraph and words >= MIN_ARTICLE_WORDS):
                # (once the article has begun, counting its words further changes nothing)
                count = len(text.split())
                words += count
                paragraph = paragraph or count >= MIN_PARAGRAPH_WORDS
            heading = words >= MIN_ARTICLE_WORDS and paragraph and is_heading(text)
            if not heading:
                i += 1
                continue
            run: list[int] = []
            j = i + 1
            while j < n:
                nxt = blocks[j]
                if nxt.removal is not None or not nxt.text:
                    j += 1
                    continue
                if not _title_like(nxt.text):
                    break
                run.append(j)
                j += 1
            ends_page = j >= n
            if len(run) >= MIN_RUN or (run and ends_page):
                drop.extend(run)
            i = j if run else i + 1
        if not drop:
            return doc
        for k in drop:
            if not (self.options.protect_phrases and is_protected(blocks[k].text, self.options)):
                blocks[k] = blocks[k].drop(self.name, REASON)
        return doc.with_blocks(blocks)
