"""Normalisation: one spelling of whitespace before any filter looks at a line."""

from __future__ import annotations

import regex

from ..document import Document
from ..stage import Stage, register

# No-break and other Unicode spaces become a plain space.
_SPACES = regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Zero-width characters and the soft hyphen vanish.
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RUNS = regex.compile(r" {2,}")


def normalize_line(text: str) -> str:
    """One line with spaces unified, invisibles removed, runs collapsed, ends trimmed."""
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    if "  " in text:
        text = _RUNS.sub(" ", text)
    return text.strip()


@register
class Normalize(Stage):
    """Unify whitespace (no-break, zero-width, trailing spaces) and drop blank lines.

    **Removes:** a line holding only ``\\u00a0\\u200b`` (blank once normalised).
    **Keeps:** ``Peskov\\u00a0said`` — rewritten as ``Peskov said``, words untouched.
    """

    name = "normalize"

    def run(self, doc: Document) -> Document:
        out = []
        for block in doc.blocks:
            if block.removal is None:
                text = normalize_line(block.text)
                if text != block.text:
                    block = block.with_text(text)
                if not text:
                    block = block.drop(self.name, "blank line")
            out.append(block)
        return doc.with_blocks(out)
