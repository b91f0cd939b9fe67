"""Script notices: what a page's software prints to the reader, not about the page's subject.

Forum software and web apps print notices for readers whose browser runs no
scripts or is old: ``JavaScript is disabled. For a better experience, please
enable JavaScript in your browser before proceeding.``, ``You are using an out of
date browser. It may not display this or other websites correctly.``, ``Du
verwendest einen veralteten Browser`` (the ``browser_notice`` lexicon). Site
builders print a form's status messages beside it, hidden until the form is
sent: ``Thank you! Your submission has been received!``, ``Oops! Something went
wrong while submitting the form.`` (the ``form_status`` lexicon). A text dump
keeps them all, worded the same on every page of every site running that
software. A line goes when it is such a notice, or a short line opening with one.
"""

from __future__ import annotations

from ..patterns import phrase_set
from ..stage import TextFilter, register

BROWSER = "notice about the reader's browser"
FORM = "form status message"

_BROWSER = phrase_set("browser_notice")
_FORM = phrase_set("form_status")


@register
class Notices(TextFilter):
    """Drop the page software's notices: ``JavaScript is disabled …``, ``Your submission has been received``.

    **Removes:** ``JavaScript is disabled. For a better experience, please enable JavaScript in your browser
    before proceeding.``, ``Sie verwenden einen veralteten Browser.`` and ``Oops! Something went wrong while
    submitting the form.``
    **Keeps:** ``When JavaScript is disabled, the form still posts, because the server renders every page.``
    (a sentence about scripts, not a notice to the reader).
    """

    name = "notices"

    def verdict(self, text: str) -> str | None:
        text = text.strip()
        if _BROWSER.find(text) is not None:
            return BROWSER
        return FORM if _FORM.find(text) is not None else None
