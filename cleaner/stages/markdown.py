"""Markdown dumps: keep the words of the markup, lose link targets, images and syntax."""

from __future__ import annotations

import re

from ..document import Block, Document, make_block
from ..patterns import lazy
from ..protect import is_protected
from ..stage import Stage, register

_F = 0

# What a line must contain for the stage to look at it at all: a markup character anywhere,
# or a start that only means something at the start (split in two, the engine can scan for the
# characters instead of trying every branch at every place).
_MARKUP_CHAR = lazy(re.compile, r"[\[\]<*_#|\\>!~`]", _F)
_MARKUP_START = lazy(re.compile, r"[-+=]|\d{1,3}[.)]\s|https?://|www\.", _F)

# Backslash escapes are parked in the private-use area while the rest is rewritten.
_ESCAPE = lazy(re.compile, r"\\([\\`*_{}\[\]()#+\-.!|>~<])", _F)
_PARK_BASE = 0xF0000
# Inline code keeps its underscores and asterisks: `__init__`, `a*b` are not emphasis.
_CODE_SPAN = lazy(re.compile, r"`[^`\n]{1,1000}`", _F)
_CODE_PARK = {ord(c): chr(_PARK_BASE + ord(c) % 256) for c in "*_"}
_PARKED = lazy(re.compile, r"[\U000F0000-\U000F00FF]", _F)

_REFERENCE_DEFINITION = lazy(
    re.compile, r"\[[^\]\n]{1,200}\]:\s*\S+(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?", _F
)
# Rules: ---, ***, * * *, ===. (A run of underscores is text: the scorer counts it as a word.)
_HORIZONTAL_RULE = lazy(re.compile, r"(?:[-*=]\s*){3,}", _F)
# Emphasis around nothing, as converters print an empty <em> or <strong>: "__", "____", "** **".
# (Three underscores are text: "___" is a word to the scorer and a separator in articles.)
_EMPTY_EMPHASIS = lazy(re.compile, r"__|____|(?:__|\*\*|_|\*)\s+(?:__|\*\*|_|\*)", _F)
# An icon font's empty <i> printed as "__" beside a label: "__ Back", "__Home", "Website __"
# (a "__" token with no closing pair in it; "__init__" and "a__b" are text).
_ICON_EMPHASIS = lazy(re.compile, r"(?<!\S)__(?=\s|$|[^\W_][^\s_]*(?!\S))", _F)
_TABLE_RULE = lazy(re.compile, r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?", _F)
_BLOCK_MARKER = lazy(re.compile, r"(?:#{1,6}\s+|>\s?|[*+\-]\s+|\d{1,3}[.)]\s+)", _F)
_CLOSING_HASHES = lazy(re.compile, r"(?<!\s)\s+#+$", _F)
# The first characters those whole-line patterns can start with.
_RULE_FIRST = frozenset("-*=")
_EMPHASIS_FIRST = frozenset("_*")
_MARKER_FIRST = frozenset("#>*+-")

# ![alt](src "title") and [text](href "title"); the target may hold one level of parentheses.
_TARGET = r"\(\s*<?[^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
_IMAGE = lazy(re.compile, rf"!\[[^\[\]\n]{{0,500}}\]{_TARGET}", _F)
_IMAGE_REFERENCE = lazy(re.compile, r"!\[[^\[\]\n]{0,500}\]\[[^\[\]\n]{0,100}\]", _F)
# The link text may hold one level of brackets: ``[[source]](https://…)``, ``[[2]](#note-2)``.
_LINK = lazy(re.compile, rf"\[((?:[^\[\]\n]|\[[^\[\]\n]{{0,200}}\]){{0,1000}})\]{_TARGET}", _F)
# The end of a link whose text began on an earlier line (a converter splits a multi-line
# link): ``Save up to $200 per booking. ](https://…)`` keeps its words, loses its target.
_DANGLING_TARGET = lazy(re.compile, rf"([^\[\]\n]{{0,1000}})\]{_TARGET}", _F)
_LINK_REFERENCE = lazy(re.compile, r"\[([^\[\]\n]{1,1000})\]\[[^\[\]\n]{0,100}\]", _F)
# <https://…>: on a line of its own it goes; inside a sentence the address is text the
# reader saw, so only the brackets go.
_AUTOLINK = lazy(re.compile, r"<((?:https?|ftp|mailto):[^<>\s]{1,2000})>", _F)
_BARE_URL_LINE = lazy(re.compile, r"(?:https?://|www\.)\S+", _F)

# Emphasis: the delimiters must not sit inside a word, so snake_case_names and
# 2*3*4 survive; spans are bounded so a huge line cannot make a search quadratic.
# (The opening delimiter is matched first and the character before it looked at after: the
# same matches as a lookbehind in front, but the engine can scan for the delimiter.)
_STRONG = lazy(re.compile, r"(\*\*|__)(?<![\w*]..)(?=\S)([^\n]{1,500}?)(?<=\S)\1(?![\w*])", _F)
_EMPHASIS = lazy(re.compile, r"([*_])(?<![\w*].)(?=[^\s*_])([^\n*_]{1,500}?)(?<=[^\s*_])\1(?![\w*])", _F)
_STRIKE = lazy(re.compile, r"~~(?=\S)([^\n~]{1,500}?)(?<=\S)~~", _F)

_TABLE_ROW = lazy(re.compile, r"\|(.*)\|", _F)
_CELL_SPLIT = lazy(re.compile, r"(?<!\s)\s*\|\s*|\|\s*", _F)
_LEFTOVER = lazy(re.compile, r"\W*", _F)

#: Hint set on every rewritten block: the share (0..1) of its text that was link text,
#: so later stages can still tell a menu of links from prose.
LINK_SHARE = "link_share"

#: Hint set on headings: their level, 1 to 6.
LEVEL = "level"

#: Hint set on list items, quotes and table rows: the markers taken off, outermost first
#: (``"quote"``, ``"list"``, ``"ordered"``, ``"table"``), so ``--format markdown`` can put them back.
MARKS = "marks"

#: The most nested links/images unwrapped in one line ("[![alt](img)](href)" is two).
MAX_NESTING = 3


def _park(match: re.Match[str]) -> str:
    return chr(_PARK_BASE + ord(match.group(1)) % 256)


def _park_code(match: re.Match[str]) -> str:
    return match.group().translate(_CODE_PARK)


def _unpark(match: re.Match[str]) -> str:
    code = ord(match.group()) - _PARK_BASE
    for char in "\\`*_{}[]()#+-.!|>~<":
        if ord(char) % 256 == code:
            return char
    return ""


def rewrite(line: str) -> tuple[str, str]:
    """One markdown line as plain words, and what went if nothing is left.

    Returns ``(text, reason)``: ``reason`` names what the line held (``"image"``,
    ``"link target"``, ...) and matters only when ``text`` is empty.
    """
    text, reason, _ = rewrite_counting(line)
    return text, reason


def heading_level(line: str) -> int:
    """The level of an ATX heading (``## Title`` is 2), 0 for any other line."""
    if line[:1] != "#":
        return 0
    marks = len(line) - len(line.lstrip("#"))
    return marks if marks <= 6 and line[marks : marks + 1] in (" ", "\t") else 0


def block_marks(line: str) -> tuple[str, ...]:
    """The block markers a line starts with: ``"> 1. item"`` -> ``("quote", "ordered")``."""
    if line[:1] == "|" and _TABLE_ROW.fullmatch(line):
        return ("table",)
    marks: list[str] = []
    while line[:1] in _MARKER_FIRST or line[:1].isdigit():
        marker = _BLOCK_MARKER.match(line)
        if marker is None or line[:1] == "#":
            break
        first = line[:1]
        marks.append("quote" if first == ">" else "ordered" if first.isdigit() else "list")
        line = line[marker.end() :]
    return tuple(marks)


def rewrite_counting(line: str) -> tuple[str, str, int]:
    """Like :func:`rewrite`, plus how many characters of the result were link text."""
    link_chars = 0

    def unwrap(match: re.Match[str]) -> str:
        nonlocal link_chars
        link_chars += len(match.group(1).strip())
        return match.group(1)

    # Each whole-line pattern is tried only when the line starts as it must.
    first = line[:1]
    if first == "[" and _REFERENCE_DEFINITION.fullmatch(line):
        return "", "link definition", 0
    if first in _RULE_FIRST and _HORIZONTAL_RULE.fullmatch(line):
        return "", "horizontal rule", 0
    if first in _EMPHASIS_FIRST and _EMPTY_EMPHASIS.fullmatch(line):
        return "", "empty emphasis", 0
    if "|" in line and _TABLE_RULE.fullmatch(line):
        return "", "table rule", 0
    text = _ESCAPE.sub(_park, line) if "\\" in line else line
    if "`" in text:
        text = _CODE_SPAN.sub(_park_code, text)
    reason = "markdown markup"
    table = _TABLE_ROW.fullmatch(text) if text[:1] == "|" else None
    if table is not None:
        text = " ".join(c for c in _CELL_SPLIT.split(table.group(1)) if c)
    while text[:1] in _MARKER_FIRST or text[:1].isdigit():
        marker = _BLOCK_MARKER.match(text)
        if marker is None:
            break
        text = text[marker.end() :]
    if text.endswith("#"):
        text = _CLOSING_HASHES.sub("", text)
    if "![" in text:
        text, images = _IMAGE.subn("", text)
        text, more = _IMAGE_REFERENCE.subn("", text)
        if images or more:
            reason = "image"
    if "](" in text or "][" in text:
        for _ in range(MAX_NESTING):
            text, links = _LINK.subn(unwrap, text)
            text, more = _LINK_REFERENCE.subn(unwrap, text) if "][" in text else (text, 0)
            if not (links or more):
                break
            if reason != "image":
                reason = "link target"
            if "](" not in text and "][" not in text:
                break  # nothing left that either pattern could match
        if "](" in text:
            dangling = _DANGLING_TARGET.match(text)
            if dangling is not None:
                link_chars += len(dangling.group(1).strip())
                text = dangling.group(1) + text[dangling.end() :]
                if reason != "image":
                    reason = "link target"
    if "<" in text:
        bare = _AUTOLINK.fullmatch(text.strip())
        text = "" if bare else _AUTOLINK.sub(r"\1", text)
        if bare and reason == "markdown markup":
            reason = "link target"
    if "*" in text or "_" in text:
        if "**" in text or "__" in text:
            text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\2", text)
        if "__" in text:
            text = _ICON_EMPHASIS.sub("", text)
    if "~~" in text:
        text = _STRIKE.sub(r"\1", text)
    text = text.strip()
    if text[:1] in "hw" and _BARE_URL_LINE.fullmatch(text):
        return "", "link target", 0
    if not (text[:1].isalnum() or text[:1] == "_") and _LEFTOVER.fullmatch(text):
        return "", reason, 0
    if "|" in text and table is None and text.startswith("|"):
        text = text.strip("| ")
    if text and not text.isascii() and ord(max(text)) >= _PARK_BASE:
        text = _PARKED.sub(_unpark, text)
    return " ".join(text.split()), reason, link_chars


@register
class Markdown(Stage):
    """Rewrite markdown syntax to its words: links keep their text, targets and images go.

    Runs only on markdown dumps. Headings, list bullets, quote markers, emphasis,
    table pipes and escapes are taken off; lines left empty are removed.

    **Removes:** ``![Portrait of the minister](https://example.org/img/minister.jpg)``
    **Keeps:** ``[The minister](https://example.org/bio) said on **Monday**`` as
    ``The minister said on Monday``, and ``snake_case_names`` or ``2*3*4`` untouched.

    Rewritten blocks carry the hint ``link_share``: how much of their text was link text,
    and headings the hint ``level`` (1 for ``# Title``), as the HTML reader gives it.
    """

    name = "markdown"

    def run(self, doc: Document) -> Document:
        if doc.style != "markdown":
            return doc
        blocks = doc.blocks
        out: list[Block] | None = None  # copied on the first change only
        search = _MARKUP_CHAR.search
        start = _MARKUP_START.match
        for i, block in enumerate(blocks):
            if block.removal is None and block.text and (search(block.text) or start(block.text)):
                text, reason, link_chars = rewrite_counting(block.text)
                if text != block.text:
                    if out is None:
                        out = list(blocks)
                    if not text:
                        if not is_protected(block.text, self.options):
                            out[i] = block.drop(self.name, reason)
                    else:
                        hints = {**block.hints, LINK_SHARE: min(1.0, link_chars / len(text))}
                        level = heading_level(block.text)
                        if level:
                            hints[LEVEL] = level
                        marks = block_marks(block.text)
                        if marks:
                            hints[MARKS] = marks
                        out[i] = make_block(text, block.origin, block.removal, block.path, hints)
        return doc if out is None else doc.with_blocks(out)
