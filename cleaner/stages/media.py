"""Media-player residue: time codes and the labels of audio and video players."""

from __future__ import annotations

import regex

from ..document import Document
from ..patterns import core, lazy, line_key, phrase_set
from ..protect import is_protected
from ..stage import TextFilter, register

#: Lines longer than this (characters) are never player residue.
MAX_LINE_CHARS = 200

# 0:00, 28:35, 1:02:03 (not 20:45:123, not 3:4).
_TIME = lazy(regex.compile, r"(?<![\d:])\d{1,2}(?::\d{2}){1,2}(?![\d:])")
# A loading or progress figure (0%, 12.5 %) or a playback speed (1x, 1.5x, ×2).
_PERCENT = lazy(
    regex.compile, r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?\s?%|(?<![\w.,])\d(?:[.,]\d{1,2})?[x×](?!\w)|×\d\b"
)
# What may stand between time codes on a bare time-code line: "0:00 / 3:45".
_BETWEEN = lazy(regex.compile, r"[\s/|:\-–—()\[\]]*")
_CONCEPTS = ("player",)
_PHRASES = phrase_set(*_CONCEPTS)
#: A bare separator line between time codes ("/") is at most this long.
MAX_SEPARATOR = 3


_SPEED = lazy(regex.compile, r"\s*(?:\d(?:[.,]\d{1,2})?[x×]|×\d)\s*")


def _speed_only(line: str) -> str | None:
    return "player speed" if _SPEED.fullmatch(line) else None


@register
class Media(TextFilter):
    """Drop audio/video player residue: time codes (``0:00``, ``28:35``) and player labels.

    **Removes:** ``0:00 / 3:45``, ``Podcasts``, ``Video duration 02:14``, ``Listen to this article``
    **Keeps:** ``The match kicked off at 20:45 local time.``
    """

    name = "media"

    def verdict(self, text: str) -> str | None:
        return _verdict(text)

    def run(self, doc: Document) -> Document:
        """Line by line; then a bare separator ("/") standing next to a removed time code."""
        doc = super().run(doc)
        ours = [i for i, b in enumerate(doc.blocks) if b.removal is not None and b.removal.stage == self.name]
        if not ours:
            return doc
        blocks = list(doc.blocks)
        changed = False
        for i in ours:
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(blocks) and not blocks[j].text:
                    j += step  # skip blank lines
                if not 0 <= j < len(blocks) or blocks[j].removal is not None:
                    continue
                text = blocks[j].text
                bare = len(text) <= MAX_SEPARATOR and _BETWEEN.fullmatch(text) is not None
                if bare and not is_protected(text, self.options):
                    blocks[j] = blocks[j].drop(self.name, "player time code")
                    changed = True
        return doc.with_blocks(blocks) if changed else doc


def _verdict(text: str) -> str | None:
    """Why the line is player residue, whatever the user protects (it depends on the text alone)."""
    if len(text) > MAX_LINE_CHARS:
        return None
    line, key, _ = line_key(text)
    if "{n}" in key or (text[:1].isdigit() and not line):
        return _why(core(text) if not text[:1].isdigit() else text)
    return "media-player label" if key and _PHRASES.find_key(key) else None


def _why(line: str) -> str | None:
    if not line:
        return None
    has_time = _TIME.search(line) is not None
    if has_time or _PERCENT.search(line) is not None:
        rest = _PERCENT.sub(" ", _TIME.sub(" ", line))
        if _BETWEEN.fullmatch(rest):
            return "player time code" if has_time else _speed_only(line)
        line = core(rest)
        if not line:
            return None
    hit = _PHRASES.find(line, stripped=True)
    return "media-player label" if hit is not None else None
