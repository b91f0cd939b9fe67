"""Calls to action: the buttons a service or landing page prints under each of its sections.

A service page repeats its buttons after every section and every plan: ``Book
now``, ``Start for free``, ``Angebot anfordern``, ``Demander un devis``. A
button label fills its whole line (the ``call_to_action`` lexicon). Scrapers
also print a button twice in one line when its hover state is a second copy of
the label (``Get Protection NowGet Protection Now``): a short line that is one
phrase of at most :data:`MAX_BUTTON_WORDS` words written twice, with no space between the
copies, is a button too (``Bora Bora`` and ``New York New York`` are names).
A link that opens in another tab carries words for screen readers after its label
(the ``new_tab`` lexicon: ``About us Opens in a new tab``, ``Kontakt Öffnet in einem
neuen Tab``); a dump prints them after the label, and a short line ending so, the note
capitalised or in brackets, is a link (``The preview opens in a new tab.`` is a sentence).
"""

from __future__ import annotations

from functools import cache

import regex

from .. import lexicon
from ..patterns import lazy, phrase_set
from ..stage import TextFilter, register

#: A button printed twice holds at most this many words in each copy.
MAX_BUTTON_WORDS = 4

BUTTON = "call-to-action button"
TWICE = "button label printed twice"
NEW_TAB = "link that opens in a new tab"

_CTA = phrase_set("call_to_action")
_NEW_TAB = phrase_set("new_tab")
#: One label written twice, glued (``Get StartedGet Started``); spaced copies (``Bora Bora``) are names.
_DIGIT = lazy(regex.compile, r"\d")
_TWICE = lazy(regex.compile, r"(\p{Lu}[^\n]{0,40}?\S)\1")


def _is_twice(text: str) -> bool:
    """``Get Protection NowGet Protection Now``: one short label of words, twice, nothing else.

    A figure printed twice (``EUR 28.39EUR 28.39``, an old and a new price) is no button.
    """
    found = _TWICE.fullmatch(text)
    return (
        found is not None and len(found.group(1).split()) <= MAX_BUTTON_WORDS and _DIGIT.search(text) is None
    )


@cache
def _new_tab_notes() -> tuple[str, ...]:
    """The ``new_tab`` entries without their ``…``, case-folded."""
    return tuple(e.removeprefix("…").strip().casefold() for e in lexicon.load("new_tab"))


def _is_new_tab_note(text: str) -> bool:
    """The line ends with a screen reader's note set off from the label: capitalised or in brackets
    (``About us Opens in a new tab``, ``Report (opens in new window)``), not a sentence's own words
    (``The preview opens in a new tab.``)."""
    folded = text.casefold()
    for note in _new_tab_notes():
        if folded.endswith(note) and len(text) > len(note):
            first = text[-len(note)]
            return first.isupper() or first == "("
    return False


@register
class CallToAction(TextFilter):
    """Drop call-to-action buttons: ``Book now``, ``Start for free``, ``Angebot anfordern``.

    **Removes:** ``Start for free``, ``Jetzt buchen``, ``Demander un devis``, ``Solicita un presupuesto``,
    ``Get StartedGet Started`` (a label printed twice) and ``About us Opens in a new tab``.
    **Keeps:** ``Start for free with the basic plan, then upgrade when your team grows.``
    (a sentence that opens with a button's words), ``Book now, pay later`` as a heading, and
    ``Click the link and the form opens in a new tab, where you sign in with your usual account.`` (a
    sentence).
    """

    name = "cta"

    def verdict(self, text: str) -> str | None:
        text = text.strip()
        hit = _CTA.find(text)
        if hit is not None and hit.kind == "whole":
            return BUTTON
        if _is_twice(text):
            return TWICE
        return NEW_TAB if _NEW_TAB.find(text) is not None and _is_new_tab_note(text) else None
