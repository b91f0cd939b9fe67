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
the top introducing someone is the story.
"""

from __future__ import annotations

from functools import cache

from .. import lexicon
from ..document import Block, Document
from ..features import all_stopwords
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

_STRIP = ".,;:!?()\"'“”‘’«»"


@cache
def _words(concept: str) -> frozenset[str]:
    """A lexicon's entries, case-folded."""
    return frozenset(w.casefold() for w in lexicon.load(concept))


@cache
def _openers() -> tuple[str, ...]:
    """The first-person openers (``i'm``, ``ich bin``), each with its trailing space, longest first."""
    return tuple(sorted((w.casefold() + " " for w in lexicon.load("author_self")), key=len, reverse=True))


def _has_role(words: list[str]) -> bool:
    roles = _words("author_role")
    return any(w.strip(_STRIP).casefold() in roles for w in words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1] == "("


def _third_person(words: list[str]) -> bool:
    """``Jane Roe is a freelance writer …``: a name, a joining verb, then a role within a few words."""
    if len(words) < 4 or not (words[0][:1].isupper() and words[1][:1].isupper()):
        return False
    if words[0].strip(_STRIP).casefold() in all_stopwords():
        return False  # ``The SLS has been …``, ``Die Stadt ist …``
    verbs = _words("author_verb")
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
    return _third_person(text.split()) or _first_person(text)


@register
class Bio(Stage):
    """Drop the author's bio printed below an article.

    **Removes:** ``Jane Roe is a freelance writer based in Leeds. Her work has appeared in the Guardian.``
    after the article's last paragraph.
    **Keeps:** ``The council is a partner of the scheme, the writer said.`` (no name opens it), and the
    same bio line near the top of the page (the story introducing someone).
    """

    name = "author-bio"

    def run(self, doc: Document) -> Document:
        blocks = doc.blocks
        live = [i for i, b in enumerate(blocks) if b.removal is None and b.text.strip()]
        start = int(len(live) * TAIL_START)
        reasons = {i: REASON for i in live[start:] if is_bio(blocks[i].text.strip())}
        if not reasons:
            return doc
        out: list[Block] = list(blocks)
        return doc.with_blocks(out) if drop_unprotected(self, out, reasons) else doc
