"""Normalisation: one spelling of whitespace before any filter looks at a line.

A text dump's long line that the scraper glued together from many elements (the
menu, teasers and every paragraph of the page run into one line) is cut into its
segments first, so that the later stages can judge each part on its own.
"""

from __future__ import annotations

import re

import regex

from ..document import Block, Document, cut_blocks, make_block, removal
from ..mojibake import INVISIBLE_CHARS as _INVISIBLE_CHARS
from ..patterns import lazy
from ..stage import Stage, register

# stdlib re: these plain character classes compile and scan faster than with `regex`.
# No-break and other Unicode spaces become a plain space.
_SPACE_LIST = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\t\f\v"
_SPACES = lazy(re.compile, f"[{re.escape(_SPACE_LIST)}]")
# Zero-width characters and the soft hyphen vanish.
_INVISIBLE = lazy(re.compile, f"[{_INVISIBLE_CHARS}]")
# For the whole text of a document, :func:`_unify` replaces these characters one by one: a
# search for one character (memchr) and a replace where it occurs are quicker than a scan for
# the class. ASCII text can only hold the ASCII spaces (no invisible character is ASCII).
_ASCII_SPACE_LIST = "".join(c for c in _SPACE_LIST if c.isascii())
# Runs of spaces; the literal two-space start lets the scanner skip ahead fast.
_RUNS = lazy(re.compile, "  +")


#: A text-dump line at least this long is checked for glued segments (a page whose
#: menus, teasers and paragraphs were run together into one line by the scraper). A
#: paragraph seldom runs this long; a shorter line is better judged as a whole (a teaser
#: block cut into sentences reads like prose). Per line, so cutting is idempotent.
GLUED_MIN_CHARS = 2000

#: A long line with this many ``{`` is a script's data (JSON), not glued elements.
CODE_MIN_BRACES = 5

# Where a glued line breaks: a run of two or more spaces (the scraper's gap between
# elements), or a sentence end glued to the next capitalised word (``together).Advert``,
# ``in 2019.The``, ``said.\u201cWe``): two paragraphs whose tags were dropped without a
# space. A straight quote after the full stop is taken as the next sentence's opening one.
_GLUE = lazy(
    regex.compile,
    r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}"
    r"|(?<=[\p{Ll}\d][.!?\u2026][\u201d\u2019\u00bb)\]]?)(?=[\"'\u201c\u2018\u00ab\u201e(]?\p{Lu}\p{Ll})",
)


def split_glued(text: str) -> list[str]:
    """A long line cut into its glued segments (``[text]`` when short or not glued)."""
    if len(text) < GLUED_MIN_CHARS or "](" in text or text.count("{") >= CODE_MIN_BRACES:
        return [text]  # short, a markdown link card, or a script's data: one element each
    parts = _GLUE.split(text)
    if len(parts) == 1:
        return [text]
    for k in range(1, len(parts)):
        # A straight quote cut off the start of a part closes the part before it when that
        # one has a quote open (``he said: "Go."`` + ``The``, not ``"The``).
        if parts[k].startswith('"') and parts[k - 1].count('"') % 2 == 1:
            parts[k - 1] += '"'
            parts[k] = parts[k][1:]
    return parts


def _unify(text: str) -> str:
    """``_INVISIBLE.sub("", _SPACES.sub(" ", text))``, one character at a time."""
    if text.isascii():
        for char in _ASCII_SPACE_LIST:
            if char in text:
                text = text.replace(char, " ")
        return text
    for char in _SPACE_LIST:
        if char in text:
            text = text.replace(char, " ")
    for char in _INVISIBLE_CHARS:
        if char in text:
            text = text.replace(char, "")
    return text


def normalize_line(text: str) -> str:
    """One line with spaces unified, invisibles removed, runs collapsed, ends trimmed."""
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    if "  " in text:
        text = _RUNS.sub(" ", text)
    return text.strip()


def normalize_code_line(text: str) -> str:
    """A line of preformatted code: as :func:`normalize_line`, but its indentation and inner
    runs of spaces stay (tabs become four spaces)."""
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text.expandtabs(4)))
    return text.rstrip() if text.strip() else ""


def normalize_lines(texts: list[str]) -> list[str]:
    """``[normalize_line(t) for t in texts]``, done on the joined text with one scan per rule."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text holds a newline itself (HTML blocks)
        return [normalize_line(t) for t in texts]
    joined = _unify(joined)
    if "  " in joined:
        joined = _RUNS.sub(" ", joined)
    return [t.strip() for t in joined.split("\n")] if texts else []


@register
class Normalize(Stage):
    """Unify whitespace (no-break, zero-width, trailing spaces), cut glued lines, drop blank lines.

    A long line of a text dump is cut where the scraper glued two elements
    together: at a run of spaces, or where a sentence end runs into the next
    capitalised word (``…go back together).Advert I was…``).

    Lines of an HTML page's ``<pre>`` keep their indentation.

    **Removes:** a line holding only ``\\u00a0\\u200b`` (blank once normalised).
    **Keeps:** ``Peskov\\u00a0said`` — rewritten as ``Peskov said``, words untouched;
    ``Node.js and U.S. rules`` — no capital glued to a sentence end, so never cut.
    """

    name = "normalize"

    def run(self, doc: Document) -> Document:
        if doc.kind == "text" and any(len(b.text) >= GLUED_MIN_CHARS for b in doc.blocks):
            cut = cut_blocks(doc.blocks, _segments)
            if cut is not None:
                doc = doc.with_blocks(cut)
        blocks = doc.blocks
        live = [i for i, b in enumerate(blocks) if b.removal is None]
        out = list(blocks)
        blank = removal(self.name, "blank line")
        texts = [blocks[i].text for i in live]
        for i, old, text in zip(live, texts, normalize_lines(texts), strict=True):
            if text == old and text:
                continue  # most lines (a line of code too: no space to unify, none at its ends)
            block = blocks[i]
            if text and block.hints.get("tag") == "pre":  # a line of code keeps its indentation
                text = normalize_code_line(block.text)
            if not text:
                out[i] = make_block(text, block.origin, blank, block.path, block.hints)
            elif text != old:
                out[i] = make_block(text, block.origin, None, block.path, block.hints)
        return doc.with_blocks(out)


def _segments(block: Block) -> list[str]:
    """A kept glued line's segments (see :func:`split_glued`)."""
    return split_glued(block.text) if block.removal is None else [block.text]
