"""Forum threads: the buttons, member ranks and profile fields printed around each post.

A forum thread prints the same chrome beside every post: the poster's rank
(``Senior Member``), profile fields (``Joined`` / ``Oct 28, 2023``,
``Posts: 1,204``), the post's number (``#3``) and buttons (``Reply with quote``,
``Top``). The posts themselves, with the poster's name and date, are the page's
content. Once at least :data:`MIN_THREAD_MARKS` such lines of at least
:data:`MIN_DISTINCT` kinds are found, the page is a thread and they all go;
with fewer, nothing is touched (a lone ``Top`` or ``Location`` is left to the
other stages). A quote of an earlier post that the forum folds (``Anna said:`` …
``Click to expand...``) repeats that post and goes with its header. Question-and-answer
engines print their own chrome: a post's stamp (``answered Mar 3, 2019 at 9:14``,
``Viewed 12k times``), the poster's badge counts (``12.4k 5 gold badges 50 silver badges``)
and the answers' sort picker. Chrome already dropped by an earlier stage still counts
as evidence that the page is a thread; on a thread, the vote counts (``14``) and the
machine timestamps (``2019-03-26 23:15:03 +00:00``) printed beside each post go too.
The content stage reads a thread's later posts as comments below an article; on a
discussion thread (not a Q&A page, whose other answers are not the page's text) the
posts it dropped as such between the first and the last post mark come back.
"""

from __future__ import annotations

from functools import cache

import regex

from .. import lexicon
from ..document import Block, Document, make_block
from ..patterns import lazy, line_key, phrase_set
from ..protect import is_protected
from ..stage import Stage, register

#: A page is a thread when it has at least this many chrome lines ...
MIN_THREAD_MARKS = 4
#: ... of at least this many different kinds (not one label printed four times).
MIN_DISTINCT = 2
#: Chrome lines are short: longer lines are never looked at.
MAX_CHROME_CHARS = 80
#: A profile field's value on the next line (``Oct 28, 2023``, ``1,204``) has at most this many words.
MAX_VALUE_WORDS = 4
#: A folded quote spans at most this many lines from its header to its closing link.
MAX_QUOTE_LINES = 15
#: A quote header (``Anna said:``) has at most this many words.
MAX_INTRO_WORDS = 5

_CHROME = phrase_set("forum_chrome")
_FIELD = phrase_set("forum_field")
_QUOTE_END = phrase_set("forum_quote_end")
_VERB = phrase_set("comment_verb")
_POST_NUMBER = lazy(regex.compile, r"#\d{1,6}")
_DIGIT = lazy(regex.compile, r"\d")
#: A vote count printed alone beside a post: ``14``, ``-2``.
_VOTES = lazy(regex.compile, r"[-−]?\d{1,5}")
#: A machine timestamp printed alone: ``2019-03-26 23:15:03 +00:00``, ``2024-01-05T10:02:11.000Z``.
_TIMESTAMP = lazy(
    regex.compile,
    r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?"
    r"\s?(?:Z|[+-]\d\d:?\d\d)?(?:\s?[+-]\d\d:?\d\d)?",
)
#: Badge counts glue their figures to the words (``12.4k55 gold badges``): the figures, split off.
_FIGURES = lazy(regex.compile, r"[\d.,]+[kKmM]?")
#: A post's stamp has at most this many words (``answered Mar 3, 2019 at 9:14``).
MAX_STAMP_WORDS = 8

BUTTON = "forum post button or member rank"
FIELD = "member profile field"
NUMBER = "forum post number"
QUOTE = "quote of an earlier post"
STAMP = "forum post stamp"
BADGES = "member badge counts"
VOTES = "vote count or timestamp beside a post"
#: The marks printed at each post (not the thread's buttons, which also sit in the page's
#: header and footer): the posts lie between the first and the last of them.
_POST_KINDS = frozenset({NUMBER, FIELD, QUOTE})
#: The content stage's reasons for dropping a later post as if it were a comment under an
#: article (its wording in :func:`cleaner.stages.content._reason`); only these come back.
_RESTORE_REASONS = frozenset(
    {"comment thread below the article", "below the article (related stories or comments)"}
)


@cache
def _stamp_words() -> frozenset[str]:
    """The verbs that open a post's stamp (``answered``, ``beantwortet``), casefolded."""
    return frozenset(w.casefold() for w in lexicon.load("forum_stamp"))


@cache
def _badges() -> tuple[str, ...]:
    """The badge phrases (``gold badges``), casefolded."""
    return tuple(e.casefold() for e in lexicon.load("forum_badge"))


@cache
def _badge_words() -> frozenset[str]:
    """The words of the badge phrases (``gold``, ``badges``)."""
    return frozenset(w for e in _badges() for w in e.split())


def _is_stamp(text: str) -> bool:
    """``answered Mar 3, 2019 at 9:14``, ``Viewed 12k times``: a stamp verb, then a figure, in a few words."""
    words = text.split()
    if not 2 <= len(words) <= MAX_STAMP_WORDS or _DIGIT.search(text) is None:
        return False
    return words[0].casefold().rstrip(":") in _stamp_words()


def _is_badges(text: str) -> bool:
    """``12.4k55 gold badges5050 silver badges``: nothing but figures and badge words."""
    if _DIGIT.search(text) is None:
        return False
    rest = " ".join(_FIGURES.sub(" ", text).casefold().split())
    return any(b in rest for b in _badges()) and all(w in _badge_words() for w in rest.split())


def _kind(text: str) -> str | None:
    """What chrome ``text`` is (a reason), or None."""
    if len(text) > MAX_CHROME_CHARS:
        return None
    if _POST_NUMBER.fullmatch(text):
        return NUMBER
    hit = _FIELD.find(text)
    if hit is not None and hit.kind == "whole":
        return FIELD
    if _QUOTE_END.find(text) is not None:
        return QUOTE
    if _CHROME.find(text) is not None:
        return BUTTON
    if _is_stamp(text):
        return STAMP
    if _is_badges(text):
        return BADGES
    return None


def _is_value(text: str) -> bool:
    """``Oct 28, 2023``, ``1,204``: a short line with a figure in it."""
    return len(text.split()) <= MAX_VALUE_WORDS and _DIGIT.search(text) is not None


def _is_quote_header(text: str) -> bool:
    """``Anna said:``, ``Bob schrieb:``: a short line naming whom a quote is from."""
    return text.endswith(":") and len(text.split()) <= MAX_INTRO_WORDS and _VERB.find(text) is not None


def _marks(blocks: list[Block]) -> tuple[list[int], dict[int, str]]:
    """The kept non-blank blocks, and the chrome among them (position in that list -> reason).

    Chrome lines an earlier stage already dropped count towards the thread's
    marks too: they are evidence of the page's kind, though only kept lines
    are returned.
    """
    live: list[int] = []
    kinds: dict[int, str] = {}
    marks = 0
    seen: set[str] = set()
    for i, b in enumerate(blocks):
        text = b.text.strip()
        if not text:
            continue
        kind = _kind(text)
        if b.removal is None:
            if kind is not None:
                kinds[len(live)] = kind
            live.append(i)
        if kind is not None:
            marks += 1
            seen.add(line_key(text)[1])
    if marks < MIN_THREAD_MARKS or len(seen) < MIN_DISTINCT:
        kinds = {}
    return live, kinds


def _restore_posts(blocks: list[Block]) -> bool:
    """Bring back (in place) the posts the content stage took for comments; whether any came back.

    Only lines between the first and the last post mark (``#2``, ``Joined``, a
    folded quote) come back: the threads listed under the last post stay dropped.
    """
    at = [i for i, b in enumerate(blocks) if b.text.strip() and _kind(b.text.strip()) in _POST_KINDS]
    restored = False
    for i in range(at[0] if at else 0, at[-1] if at else 0):
        b = blocks[i]
        r = b.removal
        if r is not None and r.stage == "content" and r.reason in _RESTORE_REASONS:
            blocks[i] = make_block(b.text, b.origin, None, b.path, b.hints)
            restored = True
    return restored


@register
class Forum(Stage):
    """Drop the chrome around the posts of a forum thread: ranks, profile fields, post numbers, buttons.

    **Removes:** ``Senior Member`` / ``Joined`` / ``Mar 3, 2019`` / ``Posts: 1,204`` / ``#7`` /
    ``Reply with quote`` printed beside every post.
    **Keeps:** the posts, their authors' names and dates (bringing back the later posts the
    content stage took for comments); and ``Member`` or ``Top`` on a page that is not a
    thread (fewer than four such lines).
    """

    name = "forum"

    def run(self, doc: Document) -> Document:
        blocks = list(doc.blocks)
        live, kinds = _marks(blocks)
        if not kinds:
            return doc
        restored = False
        if not any(k in (STAMP, BADGES) for k in kinds.values()):  # a Q&A page's answers stay as judged
            restored = _restore_posts(blocks)
            if restored:
                live, kinds = _marks(blocks)
        drop: dict[int, str] = {}
        for p, i in enumerate(live):
            text = blocks[i].text.strip()
            if p not in kinds and (_VOTES.fullmatch(text) or _TIMESTAMP.fullmatch(text)):
                drop[p] = VOTES
        for p, kind in kinds.items():
            drop[p] = BUTTON if kind == QUOTE else kind
            if kind == FIELD and p + 1 < len(live) and p + 1 not in kinds:
                if _is_value(blocks[live[p + 1]].text.strip()):
                    drop[p + 1] = FIELD
            elif kind == QUOTE:
                for q in range(p - 1, max(-1, p - MAX_QUOTE_LINES), -1):
                    if _is_quote_header(blocks[live[q]].text.strip()):
                        for r in range(q, p + 1):
                            drop[r] = QUOTE
                        break
        changed = restored
        for p, reason in sorted(drop.items()):
            block: Block = blocks[live[p]]
            if is_protected(block.text, self.options):
                continue
            blocks[live[p]] = block.drop(self.name, reason)
            changed = True
        return doc.with_blocks(blocks) if changed else doc
