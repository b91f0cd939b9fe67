"""Documentation pages: the buttons, code-block labels and tables of contents printed around the text.

A documentation page prints its own chrome between and around the paragraphs:
a ``Copy`` or ``Copy code`` button on every code block, the block's language
above it (``js``, ``bash``), links to edit or report the page (``Edit this
page``, ``View this page on GitHub``), the in-page menu (``On this page``,
``In diesem Artikel``), the previous and next topics (``Next topic`` / ``6. Modules``,
the title going with its label), and a numbered table of
contents (``1.1 Installing packages`` / ``1.2 Removing packages`` …) whose
entries repeat the headings below. None of it is the page's text.

Button and link labels come from the ``docs_chrome`` lexicon and must fill the
whole line (or open a short one, as ``This page was last modified on …``).
A language label is a lowercase ``code_label`` entry alone on its line, and
only goes when the page has at least :data:`MIN_LABELS` of them. A table of
contents is a run of at least :data:`MIN_TOC_LINES` short numbered lines in a
row, numbered in outline order, that either nests (``2`` then ``2.1``) or names
headings printed further down the page, on a page whose other text is at least
:data:`TOC_BODY_SHARE` times longer (a chapter's index page is its list of sections).
"""

from __future__ import annotations

from functools import cache

import regex

from .. import lexicon
from ..document import Document
from ..memo import Memo, remember
from ..patterns import lazy, phrase_set
from ..stage import Stage, drop_unprotected, register

#: Language labels go only when the page prints at least this many (a docs page's code blocks).
MIN_LABELS = 2
#: A table of contents is at least this many numbered lines in a row ...
MIN_TOC_LINES = 3
#: ... each of at most this many words ...
MAX_TOC_WORDS = 12
#: ... each numbered at most this far on from the one before (``2.1`` -> ``2.3``: one entry missing) ...
MAX_SECTION_STEP = 3
#: ... and, unless its numbers nest (``2`` then ``2.1``), at least this share of them name a later line.
TOC_NAMED_SHARE = 0.5
#: The page's other kept lines must hold at least this multiple of the contents' words: a chapter's
#: index page, whose list of sections is all it has to say, keeps it.
TOC_BODY_SHARE = 3.0

BUTTON = "documentation button or link"
LABEL = "code block's language label"
TOC = "table of contents"
PAGER = "link to the previous or next topic"

_CHROME = phrase_set("docs_chrome")
_PAGER = phrase_set("docs_pager")
#: A numbered entry: an optional bullet or bold mark, a number (``3``, ``3.``, ``3.1``, ``3.1.2.``), a title.
_NUMBERED = lazy(
    regex.compile,
    r"(?:[*+\-•]\s+)?(?:\*\*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\*\*)?\s+(\S.*)",
)
_SENTENCE_END = lazy(regex.compile, r"[.!?:;]\s*$")
#: A pager label and its topic's title on one line: ``Next article: Error handling``, ``Older post →``.
_PAGER_LINE = lazy(regex.compile, r"([^:→«»‹›]{3,40}?)(?:\s*[:→«»‹›])+\s*(\w.*)")
#: An entry's title holds a word of at least three letters (``1.5 mm`` is a size, not a section).
_TITLE_WORD = lazy(regex.compile, r"\p{L}{3}")


@cache
def _labels() -> frozenset[str]:
    """The code-block language labels (lowercase, matched exactly)."""
    return frozenset(lexicon.load("code_label"))


#: What may open a contents entry (a bullet or bold mark; else a digit): a cheap test before the pattern.
_ENTRY_MARKS = frozenset("*+-•")


def _entry(text: str) -> tuple[tuple[int, ...], str] | None:
    """``(number, title)`` of a contents entry (``1.2 Removing packages`` -> ``((1, 2), …)``), or None."""
    first = text[:1]
    if not first.isdecimal() and first not in _ENTRY_MARKS:  # (``\d`` is a decimal digit)
        return None
    found = _NUMBERED.fullmatch(text)
    if found is None:
        return None
    title = found.group(2).strip()
    if len(title.split()) > MAX_TOC_WORDS or _SENTENCE_END.search(title) or _TITLE_WORD.search(title) is None:
        return None
    return tuple(int(part) for part in found.group(1).split(".")), title


def _is_title(text: str) -> bool:
    """``6. Modules``, ``Error handling``: a topic's title (short, no sentence), not a paragraph."""
    return len(text.split()) <= MAX_TOC_WORDS and _SENTENCE_END.search(text) is None


#: Distinct lines whose kind (:func:`_kind`) is remembered: every line is asked about in each settle round.
KIND_MEMO_SIZE = 8192
_KINDS: Memo[str, str] = Memo(KIND_MEMO_SIZE)
#: The kind of a pager label on its own line (the title it links to may follow on the next).
NEXT_TOPIC = "pager label"


def _kind(text: str) -> str:
    """BUTTON, NEXT_TOPIC, PAGER (a pager label with its title) or ``""``: what a kept line is."""
    kind = _KINDS.get(text)
    return remember(_KINDS, text, _judge) if kind is None else kind


def _judge(text: str) -> str:
    """:func:`_kind`, worked out."""
    if _CHROME.find(text) is not None:
        return BUTTON
    pager = _PAGER.find(text)
    if pager is not None and pager.kind == "whole":
        return NEXT_TOPIC
    return PAGER if _is_labelled_title(text) else ""


def _is_labelled_title(text: str) -> bool:
    """``Next article: Error handling``: a pager label then, on the same line, the title it links to."""
    match = _PAGER_LINE.fullmatch(text)
    if match is None or not _is_title(match[2]):
        return False
    pager = _PAGER.find(match[1])
    return pager is not None and pager.kind == "whole"


def _follows(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether section ``b`` can come next after ``a`` in an outline (a few entries may be missing).

    Deeper: ``2`` -> ``2.1``; the same level or back up: ``2.1`` -> ``2.2``, ``2.3.1`` -> ``3``;
    each step at most :data:`MAX_SECTION_STEP`. ``6`` -> ``6.5`` (shoe sizes) or
    ``1.0`` -> ``1.5`` (sizes in mm) is no outline.
    """
    if len(b) > len(a):
        return b[: len(a)] == a and all(0 < x <= MAX_SECTION_STEP for x in b[len(a) :])
    level = len(b) - 1
    return b[:level] == a[:level] and 0 < b[level] - a[level] <= MAX_SECTION_STEP


def _is_contents(entries: list[tuple[tuple[int, ...], str]], named: int) -> bool:
    """Whether a run of numbered lines is a table of contents: nested section numbers, or headings named."""
    if len(entries) < MIN_TOC_LINES:
        return False
    nested = len({len(number) for number, _ in entries}) > 1  # ``2`` then ``2.1``: an outline
    return nested or named >= TOC_NAMED_SHARE * len(entries)


def _toc_lines(texts: list[str]) -> set[int]:
    """Positions (in ``texts``) of the runs of numbered lines that are a table of contents.

    A run's numbers go on line by line in outline order (``1``, ``1.1``, ``1.2``, ``2``, see
    :func:`_follows`): ``5.0 Shipping`` / ``5.0 Item quality`` (ratings) are no outline.
    """
    found: set[int] = set()
    last_line: dict[str, int] | None = None  # made when a run of numbered lines first needs it
    p = 0
    n = len(texts)
    while p < n:
        q = p
        entries: list[tuple[tuple[int, ...], str]] = []
        while q < n:
            e = _entry(texts[q])
            if e is None or (entries and not _follows(entries[-1][0], e[0])):
                break
            entries.append(e)
            q += 1
        named = 0
        if entries:
            if last_line is None:
                last_line = {t.casefold(): k for k, t in enumerate(texts)}
            named = sum(1 for _, title in entries if last_line.get(title.casefold(), -1) >= q)
        if _is_contents(entries, named):
            found.update(range(p, q))
        p = max(q, p + 1)
    return found


@register
class Docs(Stage):
    """Drop a documentation page's buttons, code-block language labels and table of contents.

    **Removes:** ``Copy code``, ``Edit this page``, ``Auf dieser Seite``, a ``bash`` label
    above a code block, ``Next topic`` / ``6. Modules``, ``Previous post: Winter hiking``,
    and ``1.1 Installing`` / ``1.2 Upgrading`` / ``1.3 Removing``.
    **Keeps:** ``Copy the file into the config folder.``, ``Bash`` as a heading, a lone
    ``bash`` on a page with no other label, ``Next post: I will explain caching.`` (a
    sentence), and ``1. Preheat the oven.`` / ``2. Mix the flour.`` (numbered steps that
    are sentences).
    """

    name = "docs"

    def run(self, doc: Document) -> Document:
        blocks = list(doc.blocks)
        labels = _labels()
        stripped = [b.text.strip() for b in blocks]
        live = [i for i, b in enumerate(blocks) if b.removal is None and stripped[i]]
        texts = [stripped[i] for i in live]
        label_count = sum(1 for t in stripped if t in labels)
        drop: dict[int, str] = {}
        for p, text in enumerate(texts):
            if text in labels:
                if label_count >= MIN_LABELS:
                    drop[p] = LABEL
                continue
            kind = _kind(text)
            if kind == NEXT_TOPIC:
                drop[p] = PAGER
                if p + 1 < len(texts) and _is_title(texts[p + 1]):
                    drop[p + 1] = PAGER
            elif kind:
                drop[p] = kind
        toc = _toc_lines(texts)
        if toc:  # (the words are counted only then: most pages have no table of contents)
            toc_words = sum(len(texts[p].split()) for p in toc)
            other_words = sum(len(t.split()) for p, t in enumerate(texts) if p not in toc and p not in drop)
            if other_words >= TOC_BODY_SHARE * toc_words:
                for p in toc:
                    drop.setdefault(p, TOC)
        changed = drop_unprotected(self, blocks, {live[p]: reason for p, reason in drop.items()})
        return doc.with_blocks(blocks) if changed else doc
