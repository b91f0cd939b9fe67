"""Normalisation: one spelling of whitespace before any filter looks at a line."""

from __future__ import annotations

import re

from ..document import Document, make_block, removal
from ..stage import Stage, register

# stdlib re: these plain character classes compile and scan faster than with `regex`.
# No-break and other Unicode spaces become a plain space.
_SPACES_CHARS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v"
_SPACES = re.compile(f"[{_SPACES_CHARS}]")
# Zero-width characters and the soft hyphen vanish.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Both at once, for the whole text of a document (one scan instead of two).
_SPACES_OR_INVISIBLE = re.compile(f"[{_SPACES_CHARS}{_INVISIBLE_CHARS}]")
# Runs of spaces; the literal two-space start lets the scanner skip ahead fast.
_RUNS = re.compile("  +")


def _unify(match: re.Match[str]) -> str:
    return "" if match.group() in _INVISIBLE_CHARS else " "


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
    joined = _SPACES_OR_INVISIBLE.sub(_unify, joined)
    if "  " in joined:
        joined = _RUNS.sub(" ", joined)
    return [t.strip() for t in joined.split("\n")] if texts else []


@register
class Normalize(Stage):
    """Unify whitespace (no-break, zero-width, trailing spaces) and drop blank lines.

    Lines of an HTML page's ``<pre>`` keep their indentation.

    **Removes:** a line holding only ``\\u00a0\\u200b`` (blank once normalised).
    **Keeps:** ``Peskov\\u00a0said`` — rewritten as ``Peskov said``, words untouched.
    """

    name = "normalize"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live = [i for i, b in enumerate(blocks) if b.removal is None]
        out = list(blocks)
        blank = removal(self.name, "blank line")
        for i, text in zip(live, normalize_lines([blocks[i].text for i in live]), strict=True):
            block = blocks[i]
            if text and block.hints.get("tag") == "pre":  # a line of code keeps its indentation
                text = normalize_code_line(block.text)
            if not text:
                out[i] = make_block(text, block.origin, blank, block.path, block.hints)
            elif text != block.text:
                out[i] = make_block(text, block.origin, None, block.path, block.hints)
        return doc.with_blocks(out)
