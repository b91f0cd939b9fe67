"""Icon-sprite labels: the names of icon images that a text dump prints as words."""

from __future__ import annotations

import regex

from .. import lexicon
from ..patterns import alternation, lazy
from ..stage import TextFilter, register

#: A line goes when at least this many of its words are icon labels ...
MIN_ICON_WORDS = 2
#: ... and they are at least this share of its words.
MIN_ICON_SHARE = 0.5

# A sprite class name: a known prefix, a dash or underscore, a name (fa-twitter,
# glyphicon-user, svg-icon-close, icon_search).
_CLASS_NAME = lazy(
    regex.compile, rf"(?:{alternation(lexicon.load('icon_prefix'))})[-_][\w-]+", regex.IGNORECASE | regex.V0
)
# A label run together with "icon" (bookmarkicon, v-playicon, chevron downicon).
_ICON_SUFFIX = lazy(regex.compile, r"[\w-]*icons?", regex.IGNORECASE | regex.V0)
# Cheap test that a line may hold an icon label at all: "ico", or a prefix with its dash.
_MAYBE = tuple(
    p.casefold() + sep for p in lexicon.load("icon_prefix") if "ico" not in p.casefold() for sep in "-_"
)
_NOT_ICON = frozenset(w.casefold() for w in lexicon.load("not_icon"))
_PUNCT = "\"'“”‘’()[]{},.;:!?|•·"


def _icon_word(word: str) -> bool:
    if _CLASS_NAME.fullmatch(word):
        return True
    return bool(_ICON_SUFFIX.fullmatch(word)) and word.casefold().rstrip("s") not in _NOT_ICON


def _class_name(word: str) -> bool:
    return bool(_CLASS_NAME.fullmatch(word))


@register
class Icons(TextFilter):
    """Drop runs of icon-sprite labels (``bookmarkicon cameraicon``, ``fa-twitter fa-facebook``).

    **Removes:** ``icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon``
    **Keeps:** ``The app icon changed colour in the update.`` (one mention among words)
    """

    name = "icons"

    def verdict(self, text: str) -> str | None:
        return _verdict(text)


def _verdict(text: str) -> str | None:
    """Why the line is icon-sprite labels, whatever the user protects (it depends on the text alone)."""
    # no length cap: a line of 100,000 sprite labels is still labels (one linear pass over its words)
    lowered = text.lower()
    if "ico" not in lowered and (
        ("-" not in text and "_" not in text) or not any(m in lowered for m in _MAYBE)
    ):
        return None
    words = [w.strip(_PUNCT) for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return None
    icons = sum(1 for w in words if _icon_word(w))
    if len(words) == 1:
        # A lone word: only a sprite class name or a label glued to "icon"
        # ("closeicon"), not the plain word "Icon".
        word = words[0]
        lone = _class_name(word) or (icons == 1 and word.casefold() not in ("icon", "icons"))
        if not lone:
            return None
    elif icons < MIN_ICON_WORDS or icons < MIN_ICON_SHARE * len(words):
        return None
    return "icon-sprite labels"
