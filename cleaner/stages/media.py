"""Media-player residue: time codes and the labels of audio and video players."""

from __future__ import annotations

import regex

from ..document import Block
from ..patterns import core, phrase_set
from ..protect import is_protected
from ..stage import LineFilter, register

#: Lines longer than this (characters) are never player residue.
MAX_LINE_CHARS = 200

# 0:00, 28:35, 1:02:03 (not 20:45:123, not 3:4).
_TIME = regex.compile(r"(?<![\d:])\d{1,2}(?::\d{2}){1,2}(?![\d:])")
# A loading or progress figure: 0%, 12.5 %.
_PERCENT = regex.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?\s?%")
# What may stand between time codes on a bare time-code line: "0:00 / 3:45".
_BETWEEN = regex.compile(r"[\s/|:\-–—()\[\]]*")
_CONCEPTS = ("player",)


@register
class Media(LineFilter):
    """Drop audio/video player residue: time codes (``0:00``, ``28:35``) and player labels.

    **Removes:** ``0:00 / 3:45``, ``Podcasts``, ``Video duration 02:14``, ``Listen to this article``
    **Keeps:** ``The match kicked off at 20:45 local time.``
    """

    name = "media"

    def reason(self, block: Block) -> str | None:
        text = block.text
        if len(text) > MAX_LINE_CHARS:
            return None
        why = self._why(core(text) if not text[:1].isdigit() else text)
        if why is None or is_protected(text, self.options):
            return None
        return why

    @staticmethod
    def _why(line: str) -> str | None:
        if not line:
            return None
        has_time = _TIME.search(line) is not None
        if has_time or "%" in line:
            rest = _PERCENT.sub(" ", _TIME.sub(" ", line))
            if _BETWEEN.fullmatch(rest):
                return "player time code" if has_time else None
            line = core(rest)
            if not line:
                return None
        hit = phrase_set(*_CONCEPTS).find(line, stripped=True)
        return "media-player label" if hit is not None else None
