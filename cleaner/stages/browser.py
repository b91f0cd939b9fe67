"""Browser notices: what a page prints about the reader's browser, not about its subject.

Forum software and web apps print notices for readers whose browser runs no
scripts or is old: ``JavaScript is disabled. For a better experience, please
enable JavaScript in your browser before proceeding.``, ``You are using an out of
date browser. It may not display this or other websites correctly.``, ``Du
verwendest einen veralteten Browser``. A text dump keeps them at the top of the
page, worded the same on every page of every site running that software. A line
goes when it is such a notice (the ``browser_notice`` lexicon, per language), or a
short line opening with one.
"""

from __future__ import annotations

from ..patterns import phrase_set
from ..stage import TextFilter, register

REASON = "notice about the reader's browser"

_NOTICE = phrase_set("browser_notice")


@register
class BrowserNotice(TextFilter):
    """Drop notices about the reader's browser: ``JavaScript is disabled …``, ``Your browser is outdated …``.

    **Removes:** ``JavaScript is disabled. For a better experience, please enable JavaScript in your browser
    before proceeding.`` and ``Sie verwenden einen veralteten Browser.``
    **Keeps:** ``When JavaScript is disabled, the form still posts, because the server renders every page.``
    (a sentence about scripts, not a notice to the reader).
    """

    name = "browser"

    def verdict(self, text: str) -> str | None:
        return REASON if _NOTICE.find(text.strip()) is not None else None
