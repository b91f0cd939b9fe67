"""Reference lists: the cited sources and notes printed at the foot of a wiki page or a paper.

An encyclopedia page ends with its notes and references, one per line: a back
link to the place that cites it (a caret, ``^ a b``, or an arrow, ``↑``), then the
source, its title in quotes, and the date the source was read or archived
(``^ "The Prize Amounts". Nobel Foundation. Archived from the original on
2018-06-15. Retrieved 2018-06-23.``, ``↑ Müller, A. (2019). Abgerufen am 3. Mai
2020.``). They document the page; they are not its text. A line is a reference
when it opens with such a back link, or when a stamp of the ``citation_stamp``
lexicon (``Retrieved``, ``Abgerufen am``, ``Consulté le``, ``Consultado el``,
``Проверено``) follows a sentence's end and comes before a date. Only a list of
at least :data:`MIN_REFERENCES` goes: one line of the kind may be the text's own.
"""

from __future__ import annotations

from functools import cache

import regex

from .. import lexicon
from ..compiled import regex_compile
from ..document import Block, Document
from ..patterns import alternation, lazy
from ..stage import Stage, drop_unprotected, register

#: A page's reference list has at least this many lines.
MIN_REFERENCES = 3

REASON = "reference or note of a reference list"

# The back link that opens a wiki reference or note (``^``, ``^ a b c``, ``↑``), also
# numbered and in bold in a markdown dump (``1. **^**``).
_BACK_LINK = lazy(regex.compile, r"^(?:\d+\.\s+)?(?:\*\*)?[\^↑](?:\*\*)?\s")
# A figure (a reference's date).
_DIGIT = lazy(regex.compile, r"\d")


@cache
def _stamp() -> regex.Pattern[str]:
    """A citation stamp after a sentence's end, before a date: ``. Retrieved 12 May 2020``."""
    stamps = alternation(list(lexicon.load("citation_stamp")))
    return regex_compile(r"[.,;]\s+" + stamps + r"[:\s]+(?:\p{L}+\s+){0,2}\d", regex.IGNORECASE)


@cache
def _stamp_words() -> tuple[str, ...]:
    """The first word of each stamp (``retrieved``, ``abgerufen``), case folded: a quick test."""
    return tuple({e.casefold().split()[0] for e in lexicon.load("citation_stamp")})


def is_reference(text: str) -> bool:
    """``^ "Title". Publisher. Retrieved 2008-11-27.``: a line of a reference list."""
    if "^" in text or "↑" in text:
        if _BACK_LINK.match(text.lstrip()) is not None:
            return True
    elif _DIGIT.search(text) is None:  # (cheap: most lines hold no figure, and a stamp's date does)
        return False
    folded = text.casefold()
    return any(word in folded for word in _stamp_words()) and _stamp().search(text) is not None


@register
class References(Stage):
    """Drop a page's reference list: cited sources with their ``Retrieved …`` stamps, and wiki notes.

    **Removes:** ``^ "The Prize Amounts". Nobel Foundation. Archived from the original on
    2018-06-15. Retrieved 2018-06-23.`` and the references like it, three or more on a page.
    **Keeps:** ``The divers retrieved the ship's bell on 12 May 2020.`` (no sentence's end before
    the word), and a single line with a stamp (one cited source in the text).
    """

    name = "references"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        # Kept lines only: the next settle round sees no other (and most lines are gone by now).
        hits = [i for i, b in enumerate(blocks) if b.removal is None and b.text and is_reference(b.text)]
        if len(hits) < MIN_REFERENCES:
            return doc
        out: list[Block] = list(blocks)
        return doc.with_blocks(out) if drop_unprotected(self, out, dict.fromkeys(hits, REASON)) else doc
