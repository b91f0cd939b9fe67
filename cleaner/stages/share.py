"""Share and follow bars: the buttons that invite readers to pass the page on."""

from __future__ import annotations

from ..document import Block
from ..patterns import item_set, line_key, phrase_set
from ..protect import is_protected
from ..stage import LineFilter, register

#: Lines longer than this (characters) are never a share bar.
MAX_LINE_CHARS = 300
_CONCEPTS = ("share",)


@register
class Share(LineFilter):
    """Drop share/follow bars and buttons (``Share this article``, ``Facebook Twitter Email``).

    **Removes:** ``Share on Facebook``, ``Facebook Twitter WhatsApp Email``, ``Follow us on Instagram``
    **Keeps:** ``He shared the video on Facebook on Monday.``
    """

    name = "share"

    def reason(self, block: Block) -> str | None:
        text = block.text
        if len(text) > MAX_LINE_CHARS:
            return None
        key = line_key(text)[1]
        if not key:
            return None
        if phrase_set(*_CONCEPTS).find_key(key) is None and item_set(*_CONCEPTS).count_key(key) < 1:
            return None
        if is_protected(text, self.options):
            return None
        return "share/follow buttons"
