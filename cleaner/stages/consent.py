"""Consent banners behind a label: a cookie notice that opens after a short title or a close button goes.

A cookie banner prints its title or its buttons before its text, and a dump runs
them into one line: ``Privacy Overview This website uses cookies to improve …``,
``× We use cookies to give you the best experience …``, or, glued with no space
(BeautifulSoup's ``get_text()``), ``Privacy OverviewThis website uses cookies …``.
The ``footers`` stage drops a notice that *opens* with a cookie prompt (the
``cookie`` lexicon); this stage looks past at most :data:`MAX_LABEL_WORDS` words
of label (or a run of signs such as ``‹ › ×``) before the prompt. A sentence that
merely mentions cookies later on (``The court ruled that the site uses cookies
…``) does not open with a prompt and stays.
"""

from __future__ import annotations

import regex

from ..patterns import lazy, phrase_set
from ..stage import TextFilter, register

#: At most this many words of a title or buttons come before the notice's prompt.
MAX_LABEL_WORDS = 3
#: How many words after the label are matched against the prompts (as ``footers`` does).
HEAD_WORDS = 12

REASON = "cookie notice"

_COOKIE = phrase_set("cookie")
# A lower-case letter running into a capital (``OverviewThis``): where a glued label ends.
_GLUE = lazy(regex.compile, r"(?<=\p{Ll})(?=\p{Lu})")
# A word with a letter or digit (``‹``, ``×``, ``|`` are signs, not words of a label).
_WORDLIKE = lazy(regex.compile, r"[\p{L}\p{N}]")
# A label's word ends with no punctuation: ``said:``, ``year,`` end a sentence's words.
_PUNCTUATED = lazy(regex.compile, r"[,:;.!?]$")


@register
class Consent(TextFilter):
    """Drop a cookie notice that opens after a short label or close button.

    **Removes:** ``Privacy Overview This website uses cookies to improve your experience while you
    browse …``, ``× Diese Website verwendet Cookies, um …``, ``Vos choixNous utilisons des cookies …``
    **Keeps:** ``The court ruled last year that this website uses cookies unlawfully …`` (the prompt
    comes after more than a label's words) and ``He said: we use cookies only to count visits.``
    (a sentence's words, not a title, come before it).
    """

    name = "consent"

    def verdict(self, text: str) -> str | None:
        words = _GLUE.sub(" ", text[: 40 * (MAX_LABEL_WORDS + HEAD_WORDS)]).split()
        label = 0
        for start, word in enumerate(words):
            if label > MAX_LABEL_WORDS:
                return None
            if start > 0:
                hit = _COOKIE.find(" ".join(words[start : start + HEAD_WORDS]))
                if hit is not None and hit.kind == "prefix":
                    return REASON
            if _WORDLIKE.search(word) is not None:
                if _PUNCTUATED.search(word) is not None:
                    return None  # ``He said: we use cookies …`` is a sentence, not a label
                label += 1
        return None
