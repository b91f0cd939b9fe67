"""Author bios: the box under an article that says who wrote it, not what it says.

News sites and blogs print a short bio of the author below the article:
``Jane Roe is a freelance writer based in Leeds. Her work has appeared in …``,
``Matt Lee, CFA, is a contributing analyst …``, ``I'm Sam, a strength coach who
writes about training.``, ``Anna Weber ist freie Journalistin in Köln.``. It is
the same on every article by that author. A line is such a bio when it opens with
a name (two to four capitalised words, credentials and a handle allowed), then a
joining verb (the ``author_verb`` lexicon: ``is``, ``ist``, ``est``, ``es``, ``—``)
and, a few words on, what the author is (the ``author_role`` lexicon:
``writer``, ``Redakteurin``, ``journaliste``, ``periodista``, ``журналист``); or
when it opens in the first person (the ``author_self`` lexicon: ``I'm``, ``Ich
bin``, ``Je suis``) with a name and a role after it. Only lines in the second half
of the kept text are looked at: a bio follows the article, while a sentence near
the top introducing someone is the story. A bio of one sentence stays (it may
close the story), and so does a bio under a review's heading on why its author can
be trusted (the ``trust_heading`` lexicon: ``Why trust our testers``): there the
author's experience is part of the review.
"""

from __future__ import annotations

from functools import cache

import regex

from .. import lexicon
from ..document import Block, Document
from ..features import all_stopwords
from ..patterns import lazy
from ..stage import Stage, drop_unprotected, register

REASON = "the author's bio"

#: A bio is a sentence or two: lines shorter or longer are not looked at.
MIN_BIO_CHARS = 40
MAX_BIO_CHARS = 700
#: The name (and its credentials or handle) ends at most this many words in.
MAX_NAME_WORDS = 5
#: The role comes at most this many words after the joining verb (``is a contributing stock market analyst``).
MAX_ROLE_GAP = 7
#: Only lines after this share of the kept lines are looked at (a bio follows the article).
TAIL_START = 0.5

#: A second sentence starts: a bio box says who the author is, then what else they do.
_SENTENCE_BREAK = lazy(regex.compile, r"[.!?][\"”’)]? +\p{Lu}")

_STRIP = ".,;:!?()\"'“”‘’«»"


@cache
def _openers() -> tuple[str, ...]:
    """The first-person openers (``i'm``, ``ich bin``), each with its trailing space, longest first."""
    return tuple(sorted((w + " " for w in lexicon.folded("author_self")), key=len, reverse=True))


def _has_role(words: list[str]) -> bool:
    roles = lexicon.folded_set("author_role")
    return any(w.strip(_STRIP).casefold() in roles for w in words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1] == "("


def _third_person(words: list[str]) -> bool:
    """``Jane Roe is a freelance writer …``: a name, a joining verb, then a role within a few words."""
    if len(words) < 4 or not (words[0][:1].isupper() and words[1][:1].isupper()):
        return False
    if words[0].strip(_STRIP).casefold() in all_stopwords():
        return False  # ``The SLS has been …``, ``Die Stadt ist …``
    verbs = lexicon.folded_set("author_verb")
    for k in range(2, min(len(words), MAX_NAME_WORDS + 1)):
        word = words[k]
        if word.strip(_STRIP).casefold() in verbs or word in verbs:
            return _has_role(words[k + 1 : k + 1 + MAX_ROLE_GAP])
        if not _capitalised(word):
            return False
    return False


def _first_person(text: str) -> bool:
    """``I'm Sam, a strength coach who writes …``: an opener, a name, then a role."""
    folded = text.casefold()
    for opener in _openers():
        if folded.startswith(opener):
            rest = text[len(opener) :].split()
            return bool(rest) and rest[0][:1].isupper() and _has_role(rest[1 : 2 + MAX_ROLE_GAP])
    return False


def is_bio(text: str) -> bool:
    """The line reads as an author's bio (see the module's docstring)."""
    if not MIN_BIO_CHARS <= len(text) <= MAX_BIO_CHARS or not text[:1].isupper():
        return False
    if _SENTENCE_BREAK.search(text) is None:
        return False  # one sentence (``… lives in Leeds.``) may close the story itself
    return _third_person(text.split()) or _first_person(text)


def _under_trust_heading(text: str) -> bool:
    """``Why Trust Our Testers``: the heading of a review's section on its author."""
    folded = text.casefold()
    return folded.startswith(lexicon.folded("trust_heading"))


@register
class Bio(Stage):
    """Drop the author's bio printed below an article.

    **Removes:** ``Jane Roe is a freelance writer based in Leeds. Her work has appeared in the Guardian.``
    after the article's last paragraph.
    **Keeps:** ``The council is a partner of the scheme, the writer said.`` (no name opens it), the
    same bio near the top of the page (the story introducing someone), a bio of one sentence, and a bio
    under ``Why trust our testers``.
    """

    name = "author-bio"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live = [i for i, b in enumerate(blocks) if b.removal is None and b.text.strip()]
        start = int(len(live) * TAIL_START)
        reasons = {
            i: REASON
            for k, i in enumerate(live[start:], start)
            if is_bio(blocks[i].text.strip()) and not _under_trust_heading(blocks[live[k - 1]].text.strip())
        }
        if not reasons:
            return doc
        out: list[Block] = list(blocks)
        return doc.with_blocks(out) if drop_unprotected(self, out, reasons) else doc
