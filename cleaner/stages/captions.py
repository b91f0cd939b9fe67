"""Photo captions: a line that ends with its picture's credit is the caption, not the article.

A dump keeps the captions of the article's pictures, often right inside the
body: ``Fishermen mend their nets at dawn (Photo: Jane Doe/Reuters)``. The
credit at the line's end gives it away: a label that opens a credit
(``photo_credit`` lexicon entries such as ``Photo: …``, ``Foto von …``,
``Crédit photo : …``, ``Фото: …``), in brackets or after the caption's last
sentence, followed by a name or an agency. Short credit lines on their own are
the ``footers`` stage's; this stage takes the caption with its credit, and a
caption that opens with the label a page prints before it (``caption_label``
lexicon: ``Image caption …``, ``Bildunterschrift: …``, ``Légende : …``). It runs
after ``content``, so the classifier judges the page with its captions in
place, as it was trained.
"""

from __future__ import annotations

from functools import cache

import regex

from ..compiled import regex_compile
from ..patterns import alternation, entries, lazy, phrase_set
from ..stage import TextFilter, register

#: A caption's credit (``(Photo: Jane Doe/Reuters)``) has at most this many words ...
MAX_CREDIT_WORDS = 12
#: ... after a caption of at least this many words and at most this many.
MIN_CAPTION_WORDS = 2
MAX_CAPTION_WORDS = 60
#: Only the line's last this many characters are searched for the credit.
CREDIT_WINDOW = 200

REASON = "photo caption (ends with its credit)"
REASON_LABELLED = "photo caption (after its label)"

# ``Image caption …``: the label before a caption (longer lines than a prompt are looked at).
_LABELS = phrase_set("caption_label", max_words=MAX_CAPTION_WORDS + MAX_CREDIT_WORDS)


@cache
def credit_label_source() -> str:
    """A credit's label as a pattern: the ``photo_credit`` entries that open a credit
    (``Photo:``, ``Foto von``, ``Image``), as whole words (case is the caller's flag)."""
    return alternation(list(entries("photo_credit").prefix)) + r"(?:(?<=\w)(?!\w)|(?<!\w))"


def _credit_source() -> str:
    # A credit's label, in brackets at the line's end or after the caption's last sentence.
    label = credit_label_source()
    bracketed = r"[(\[]\s*" + label + r"[^()\[\]]{1,120}[)\]]"
    after_sentence = r"(?<=[.!?…\"”’»)]\s{1,3})" + label + r"[^.!?()\[\]]{1,120}"
    return r"(?:" + bracketed + "|" + after_sentence + r")\s*$"


@cache
def _credit_tail() -> regex.Pattern[str]:
    """The credit pattern, compiled on first need (a large case-blind alternation)."""
    return regex_compile(_credit_source(), regex.IGNORECASE)


# A word, for the quick test below.
_TOKEN = lazy(regex.compile, r"\w+")


@cache
def _credit_words() -> frozenset[str]:
    """The first word of each credit label (``photo``, ``foto``, ``crédit``), case folded."""
    labels = entries("photo_credit").prefix
    return frozenset(found.group() for label in labels if (found := _TOKEN.search(label.casefold())))


def caption(text: str) -> bool:
    """``The new bridge at dusk (Photo: Jane Doe)``: a caption that ends with its picture's credit."""
    start = max(0, len(text) - CREDIT_WINDOW)
    # A credit's label begins with one of these words inside the window: a line without one
    # needs no search (nor the pattern, whose compiling a short run would pay for nothing).
    if _credit_words().isdisjoint(_TOKEN.findall(text[start:].casefold())):
        return False
    found = _credit_tail().search(text, start)
    if found is None or len(found.group().split()) > MAX_CREDIT_WORDS:
        return False
    return MIN_CAPTION_WORDS <= len(text[: found.start()].split()) <= MAX_CAPTION_WORDS


@register
class Captions(TextFilter):
    """Drop photo captions that end with their picture's credit.

    **Removes:** ``Fishermen mend their nets at dawn (Photo: Jane Doe/Reuters)``,
    ``Das Rathaus am Abend. Foto: Max Muster``, ``Image caption The mayor opens the bridge``
    **Keeps:** ``Fishermen mend their nets at dawn, the photographer said.`` and a
    sentence about a credit (``The photo credit rules were unclear, she said.``)
    """

    name = "captions"

    def verdict(self, text: str) -> str | None:
        if caption(text):
            return REASON
        hit = _LABELS.find(text)
        if hit is not None and hit.kind == "prefix" and len(text.split()) > MIN_CAPTION_WORDS + 1:
            return REASON_LABELLED
        return None
