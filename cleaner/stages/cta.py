"""Calls to action: the buttons a service or landing page prints under each of its sections.

A service page repeats its buttons after every section and every plan: ``Book
now``, ``Start for free``, ``Angebot anfordern``, ``Demander un devis``. A
button label fills its whole line (the ``call_to_action`` lexicon). Scrapers
also print a button twice in one line when its hover state is a second copy of
the label (``Get Protection NowGet Protection Now``): a short line that is one
phrase of at most :data:`MAX_BUTTON_WORDS` words written twice, with no space between the
copies, is a button too (``Bora Bora`` and ``New York New York`` are names).
"""

from __future__ import annotations

import regex

from ..patterns import lazy, phrase_set
from ..stage import TextFilter, register

#: A button printed twice holds at most this many words in each copy.
MAX_BUTTON_WORDS = 4

BUTTON = "call-to-action button"
TWICE = "button label printed twice"

_CTA = phrase_set("call_to_action")
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


@register
class CallToAction(TextFilter):
    """Drop call-to-action buttons: ``Book now``, ``Start for free``, ``Angebot anfordern``.

    **Removes:** ``Start for free``, ``Jetzt buchen``, ``Demander un devis``, ``Solicita un presupuesto``,
    and ``Get StartedGet Started`` (a label printed twice).
    **Keeps:** ``Start for free with the basic plan, then upgrade when your team grows.``
    (a sentence that opens with a button's words) and ``Book now, pay later`` as a heading.
    """

    name = "cta"

    def verdict(self, text: str) -> str | None:
        text = text.strip()
        hit = _CTA.find(text)
        if hit is not None and hit.kind == "whole":
            return BUTTON
        return TWICE if _is_twice(text) else None
