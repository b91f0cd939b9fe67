"""Share and follow bars: the buttons that invite readers to pass the page on."""

from __future__ import annotations

import regex

from ..patterns import item_set, lazy, line_key, phrase_set
from ..stage import TextFilter, register

#: Lines longer than this (characters) are never a share bar.
MAX_LINE_CHARS = 300
_CONCEPTS = ("share",)
_PHRASES = phrase_set(*_CONCEPTS)
_ITEMS = item_set(*_CONCEPTS)
#: A bar after a lead ("Share this review") needs at least this many share targets ...
MIN_BAR_TARGETS = 2
#: ... after a lead of at most this many words, in a line of at most MAX_BAR_WORDS.
MAX_LEAD_WORDS = 3
MAX_BAR_WORDS = 14
# A bar of buttons has no sentence end; "« Partagez, partagez, partagez. »" is a quote.
_SENTENCE_END = lazy(regex.compile, r"[.!?…](?:\s|$|[»\"”’'])")


@register
class Share(TextFilter):
    """Drop share/follow bars and buttons (``Share this article``, ``Facebook Twitter Email``).

    **Removes:** ``Share on Facebook``, ``Facebook Twitter WhatsApp Email``, ``Follow us on Instagram``
    **Keeps:** ``He shared the video on Facebook on Monday.``
    """

    name = "share"

    def verdict(self, text: str) -> str | None:
        return _verdict(text)


def _verdict(text: str) -> str | None:
    """Why the line is a share bar, whatever the user protects (it depends on the text alone)."""
    if len(text) > MAX_LINE_CHARS:
        return None
    _, key, glued = line_key(text)
    if not key:
        return None
    found = _PHRASES.find_key(key) is not None
    if not found and (
        not (_is_bar(key) or (glued and _is_bar(glued, glued=True))) or _SENTENCE_END.search(text)
    ):
        return None
    return "share/follow buttons"


def _is_bar(key: str, *, glued: bool = False) -> bool:
    """A row of share targets, maybe after a short lead: ``Share this review Facebook X Email``."""
    items = _ITEMS
    if items.count_key(key, glued=glued) >= 1:
        return True
    first = key.split(" ", 1)[0]
    if first not in items.first_words or _PHRASES.find_key(first) is None:
        return False
    words = key.split()
    if len(words) > MAX_BAR_WORDS:
        return False
    leads = range(1, MAX_LEAD_WORDS + 1)
    return any(items.count_key(" ".join(words[n:]), glued=glued) >= MIN_BAR_TARGETS for n in leads)
