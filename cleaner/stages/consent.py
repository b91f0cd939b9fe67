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

import re
from functools import cache

import regex

from ..lexicon import load
from ..patterns import lazy, phrase_set
from ..stage import TextFilter, register

#: At most this many words of a title or buttons come before the notice's prompt.
MAX_LABEL_WORDS = 3
#: How many words after the label are matched against the prompts (as ``footers`` does).
HEAD_WORDS = 12
#: The label and the prompt's head lie within this many characters of the line's start.
HEAD_CHARS = 300

REASON = "cookie notice"

_COOKIE = phrase_set("cookie")
# A lower-case letter running into a capital (``OverviewThis``): where a glued label ends.
_GLUE = lazy(regex.compile, r"(?<=\p{Ll})(?=\p{Lu})")
# Its ASCII twin (``\p{Ll}`` is ``[a-z]`` and ``\p{Lu}`` is ``[A-Z]`` there): the standard library's
# engine is quicker at plain classes.
_GLUE_ASCII = lazy(re.compile, r"(?<=[a-z])(?=[A-Z])")
# A word with a letter or digit (``‹``, ``×``, ``|`` are signs, not words of a label); a
# label opens with a capital (``Privacy Overview``, ``Vos choix``).
_WORDLIKE = lazy(regex.compile, r"[\p{L}\p{N}]")
# A label's word ends with no punctuation: ``said:``, ``year,`` end a sentence's words.
_PUNCTUATED = lazy(regex.compile, r"[,:;.!?]$")


@cache
def _openers() -> frozenset[str]:
    """The first words of the cookie prompts (``we``, ``this``, ``diese``): a cheap test before a lookup."""
    return frozenset(e.split()[0].casefold() for e in load("cookie") if e.endswith("…") and e[0] != "…")


def _unglue(text: str) -> str:
    """A space where a lower-case letter runs into a capital (``OverviewThis``)."""
    if text[1:].islower():
        return text  # no capital after the first character (most sentences): nothing glued
    return (_GLUE_ASCII if text.isascii() else _GLUE).sub(" ", text)


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
        parts = text[:HEAD_CHARS].split(maxsplit=MAX_LABEL_WORDS + 1)
        if not parts or (parts[0][:1].islower()):
            return None  # a label opens with a capital or a sign
        # the label's words may be glued to the prompt (``OverviewThis``): split them there
        label_words = _unglue(" ".join(parts[: MAX_LABEL_WORDS + 1])).split()
        openers = _openers()
        if not any(w.casefold() in openers for w in label_words[1 : MAX_LABEL_WORDS + 2]):
            return None  # no prompt's first word where a prompt could begin
        words = label_words + parts[MAX_LABEL_WORDS + 1 :]
        label = 0
        for start, word in enumerate(words):
            if label > MAX_LABEL_WORDS:
                return None
            # a banner's text opens with a capital (``This website …``, ``We use …``)
            if start > 0 and word[:1].isupper() and word.casefold() in openers:
                hit = _COOKIE.find(" ".join(" ".join(words[start:]).split()[:HEAD_WORDS]))
                if hit is not None and hit.kind == "prefix":
                    return REASON
            if _WORDLIKE.search(word) is not None:
                if _PUNCTUATED.search(word) is not None or (label == 0 and word[:1].islower()):
                    return None  # ``He said: we use cookies …`` is a sentence, not a title
                label += 1
        return None
