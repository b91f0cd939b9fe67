"""Glued elements: a dump line that runs many page elements together is cut where each one ends.

A scraper that takes a page's text with no separator (BeautifulSoup's
``get_text()``) glues adjacent elements: a menu becomes
``HomeNewsSportWeatherContact us``, a subheading runs into its paragraph
(``Payload ResultsFigure 3. The mean …``), and two paragraphs meet at
``…under load.Even when …``. Judged as one line, the article's part and the
menu's part share one fate, and the glued words (``ResultsFigure``) match no
word of the article. A line with at least :data:`MIN_JOINS` such joins (a
lower-case word running into a capitalised one, or a sentence end running into
the next capitalised word) is cut at each of them, so that the later stages
judge each element on its own. A line with fewer joins is left whole: one or
two inner capitals are a name (``YouTube``, ``MacBook``), not glue. Code-like
lines (identifiers in ``camelCase`` start lower-case and are never cut) and
markdown dumps are left alone.
"""

from __future__ import annotations

import regex

from ..document import Block, Document, cut_blocks
from ..patterns import lazy
from ..stage import Stage, register

#: A line is cut only when it holds at least this many joins (fewer: names like ``GitHub``).
MIN_JOINS = 5

# A join: two lower-case letters running into a capitalised word (``moreSolutions``), or a
# sentence end after a word running into the next capitalised word (``load.Even``). The word
# before must start a word itself (at the line's start, after a space, or after another join's
# capital): ``getElementById`` (an identifier, lower-case first) is never a join.
_JOIN = lazy(regex.compile, r"(?<=\p{Ll}\p{Ll})(?=\p{Lu}\p{Ll})|(?<=\p{Ll}\p{Ll}[.!?])(?=\p{Lu}\p{Ll})")
# Cheap pre-test: a line without a lower-case letter directly followed by a capital has no join.
_ANY = lazy(regex.compile, r"\p{Ll}[.!?]?\p{Lu}")
# A word that is code (``el.addEventListener(``, ``max_retryCount``): a call, an underscore,
# or a dot directly before a lower-case letter. Its inner capitals are an identifier's.
_CODE_WORD = lazy(regex.compile, r"[(_]|\.\p{Ll}")
_WORDS = lazy(regex.compile, r"\S+")
#: A line with at least this many code characters (``;{}=``) is code, never cut.
CODE_CHARS = 3
_CODE = lazy(regex.compile, r"[;{}=]")


def joins(text: str) -> list[int]:
    """The positions where one glued element ends and the next begins (outside code words)."""
    if _ANY.search(text) is None or len(_CODE.findall(text)) >= CODE_CHARS:
        return []
    found: list[int] = []
    for word in _WORDS.finditer(text):
        token = word.group()
        if _ANY.search(token) is None or _CODE_WORD.search(token) is not None:
            continue
        found.extend(word.start() + m.start() for m in _JOIN.finditer(token))
    return found


def split_glued_elements(text: str) -> list[str]:
    """``text`` cut at its joins when it has at least MIN_JOINS of them, else ``[text]``."""
    cuts = joins(text)
    if len(cuts) < MIN_JOINS:
        return [text]
    parts: list[str] = []
    previous = 0
    for cut in cuts:
        parts.append(text[previous:cut].strip())
        previous = cut
    parts.append(text[previous:].strip())
    return [p for p in parts if p]


@register
class Unglue(Stage):
    """Cut a text dump's line that glues many elements together into one line per element.

    **Removes:** nothing; it cuts. ``Learn moreSolutionsResearchSecurityAuditsBlogContact us``
    becomes ``Learn more`` / ``Solutions`` / ``Research`` / … so that the menu goes and
    a glued subheading and paragraph can stay.
    **Keeps:** ``Watch it on YouTube or fork it on GitHub.`` whole (two inner capitals
    are names, not glue), and ``getElementById`` (an identifier).
    """

    name = "unglue"

    def run(self, doc: Document) -> Document:
        if doc.kind != "text" or doc.style == "markdown":
            return doc
        out = cut_blocks(doc.blocks, _elements)
        return doc if out is None else doc.with_blocks(out)


def _elements(block: Block) -> list[str]:
    """A kept line's glued elements (a line of code in ``<pre>`` is never cut)."""
    if block.removal is not None or block.hints.get("tag") == "pre":
        return [block.text]
    return split_glued_elements(block.text)
