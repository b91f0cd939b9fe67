"""Forum threads: the buttons, member ranks and profile fields printed around each post.

A forum thread prints the same chrome beside every post: the poster's rank
(``Senior Member``), profile fields (``Joined`` / ``Oct 28, 2023``,
``Posts: 1,204``), the post's number (``#3``) and buttons (``Reply with quote``,
``Top``). The posts themselves, with the poster's name and date, are the page's
content. Once at least :data:`MIN_THREAD_MARKS` such lines of at least
:data:`MIN_DISTINCT` kinds are found, the page is a thread and they all go;
with fewer, nothing is touched (a lone ``Top`` or ``Location`` is left to the
other stages). A quote of an earlier post that the forum folds (``Anna said:`` …
``Click to expand...``) repeats that post and goes with its header (a quote
whose header is not found before an earlier quote's end keeps its lines). Question-and-answer
engines print their own chrome: a post's stamp (``answered Mar 3, 2019 at 9:14``,
``Viewed 12k times``), the poster's badge counts (``12.4k 5 gold badges 50 silver badges``)
and the answers' sort picker. Chrome already dropped by an earlier stage still counts
as evidence that the page is a thread; on a thread, the vote counts (``14``) and the
machine timestamps (``2019-03-26 23:15:03 +00:00``) printed beside each post go too,
and so do the readers' comments under a question or an answer: a one-line comment, its
commenter's name and signature (``tsc_chazz`` / ``– tsc_chazz``) and its stamp
(``Commented Oct 16, 2023 at 13:14``), or under its signature (``poke`` / ``poke Over a
year ago`` / the comment / ``2019-01-21T21:40:59Z``); and a member's picture printed as a letter
(``T`` above ``tilman``).
The content stage reads a thread's later posts as comments below an article; on a
discussion thread (not a Q&A page, whose other answers are not the page's text) the
posts it dropped as such between the first and the last post mark come back.
"""

from __future__ import annotations

from functools import cache

import regex

from .. import lexicon
from ..document import Block, Document, make_block
from ..memo import Memo
from ..patterns import lazy, line_key, phrase_set
from ..stage import Stage, drop_unprotected, register

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
#: A commenter's name (``tsc_chazz``, ``– Greg Askew``, ``Ann Lee EE since 1975``): at most this many words.
MAX_NAME_WORDS = 6
#: A comment under a post is one line of at most this many words.
MAX_COMMENT_WORDS = 120
#: The dashes that open a commenter's signature (``– Greg Askew``).
_DASHES = "–—-"

BUTTON = "forum post button or member rank"
FIELD = "member profile field"
NUMBER = "forum post number"
QUOTE = "quote of an earlier post"
STAMP = "forum post stamp"
BADGES = "member badge counts"
VOTES = "vote count or timestamp beside a post"
COMMENT = "comment under a post"
AVATAR = "letter standing for a member's picture"
#: The marks printed at each post (not the thread's buttons, which also sit in the page's
#: header and footer): the posts lie between the first and the last of them.
_POST_KINDS = frozenset({NUMBER, FIELD, QUOTE})
#: The content stage's reasons for dropping a later post as if it were a comment under an
#: article (its wording in :func:`cleaner.stages.content._reason`); only these come back.
_RESTORE_REASONS = frozenset(
    {"comment thread below the article", "below the article (related stories or comments)"}
)


@cache
def _badge_words() -> frozenset[str]:
    """The words of the badge phrases (``gold``, ``badges``)."""
    return frozenset(w for e in lexicon.folded("forum_badge") for w in e.split())


def _is_stamp(text: str) -> bool:
    """``answered Mar 3, 2019 at 9:14``, ``Viewed 12k times``: a stamp verb, then a figure, in a few words."""
    words = text.split()
    if not 2 <= len(words) <= MAX_STAMP_WORDS or _DIGIT.search(text) is None:
        return False
    return words[0].casefold().rstrip(":") in lexicon.folded_set("forum_stamp")


def _is_comment_stamp(text: str) -> bool:
    """``Commented Oct 16, 2023 at 13:14``, or ``Commented`` alone (the date on the next line)."""
    words = text.split()
    stamps = lexicon.folded_set("forum_comment_stamp")
    return 1 <= len(words) <= MAX_STAMP_WORDS and words[0].casefold().rstrip(":") in stamps


def _comment_lines(blocks: list[Block], stamp: int) -> list[int]:
    """The lines of the comment whose stamp is ``blocks[stamp]``, read upwards: the stamp, a machine
    timestamp, the commenter's name and signature (``tsc_chazz`` / ``– tsc_chazz``) and the comment
    itself; empty when no signature is found (the stamp alone is then left to the other rules).
    """
    found = [stamp]
    if len(blocks[stamp].text.split()) == 1:  # ``Commented`` / ``Oct 16, 2023 at 13:14``
        after = stamp + 1
        while after < len(blocks) and not blocks[after].text.strip():
            after += 1
        date = blocks[after].text.strip() if after < len(blocks) else ""
        if len(date.split()) <= MAX_STAMP_WORDS and _DIGIT.search(date) is not None:
            found.append(after)
    i = stamp - 1
    while i >= 0 and (not blocks[i].text.strip() or _TIMESTAMP.fullmatch(blocks[i].text.strip())):
        found.append(i)
        i -= 1
    name: str | None = None
    signed = 0
    while i >= 0:
        text = blocks[i].text.strip()
        if not text:
            i -= 1
            continue
        bare = text.lstrip(_DASHES).strip()
        if len(bare.split()) > MAX_NAME_WORDS or (bare and name is not None and bare != name):
            break
        if bare:
            name = bare
        signed += 1
        found.append(i)
        i -= 1
    if name is None or signed < 2:
        return []
    while i >= 0 and not blocks[i].text.strip():
        i -= 1
    if i >= 0:
        text = blocks[i].text.strip()
        if len(text.split()) <= MAX_COMMENT_WORDS and _kind(text) is None:
            found.append(i)
    return found


def _next_text(blocks: list[Block], i: int) -> int:
    """The index of the first non-blank block after ``i`` (``len(blocks)`` when there is none)."""
    i += 1
    while i < len(blocks) and not blocks[i].text.strip():
        i += 1
    return i


def _signed_comments(blocks: list[Block]) -> set[int]:
    """Comments printed under their signature: ``poke`` / ``poke Over a year ago`` / the comment /
    ``2019-01-21T21:40:59Z``. The name, then the name with the comment's age, then one line of
    comment closed by a machine timestamp; all four go.
    """
    found: set[int] = set()
    name = -1
    for i, b in enumerate(blocks):
        text = b.text.strip()
        if not text:
            continue
        if name >= 0:
            who = blocks[name].text.strip()
            age = text[len(who) :].split() if text.startswith(who + " ") else []
            if 0 < len(age) <= MAX_STAMP_WORDS:
                comment = _next_text(blocks, i)
                stamp = _next_text(blocks, comment)
                if stamp < len(blocks) and _TIMESTAMP.fullmatch(blocks[stamp].text.strip()):
                    said = blocks[comment].text.strip()
                    if len(said.split()) <= MAX_COMMENT_WORDS and _kind(said) is None:
                        found.update((name, i, comment, stamp))
        name = i if len(text.split()) <= MAX_NAME_WORDS else -1
    return found


def _values_of_dropped_labels(blocks: list[Block]) -> set[int]:
    """The kept values (``Jan 25, 2022``) under profile labels (``Joined``) an earlier stage dropped."""
    found: set[int] = set()
    for i, b in enumerate(blocks):
        if b.removal is None or _kind(b.text.strip()) != FIELD:
            continue
        j = i + 1
        while j < len(blocks) and not blocks[j].text.strip():
            j += 1
        if j < len(blocks) and blocks[j].removal is None and _is_value(blocks[j].text.strip()):
            found.add(j)
    return found


def _is_avatar(text: str, after: str) -> bool:
    """``T`` above ``tilman``: a member's picture printed as the initial of the name that follows."""
    return len(text) == 1 and text.isalpha() and after[:1].casefold() == text.casefold() and len(after) > 1


def _is_badges(text: str) -> bool:
    """``12.4k55 gold badges5050 silver badges``: nothing but figures and badge words."""
    if _DIGIT.search(text) is None:
        return False
    rest = " ".join(_FIGURES.sub(" ", text).casefold().split())
    badges = lexicon.folded("forum_badge")
    return any(b in rest for b in badges) and all(w in _badge_words() for w in rest.split())


#: Lines whose chrome kind is remembered (every line is asked about in each settle round).
KIND_CACHE_SIZE = 8192
_KINDS: Memo[str, str] = Memo(KIND_CACHE_SIZE)


def _kind(text: str) -> str | None:
    """What chrome ``text`` is (a reason), or None; remembered by the text (it depends on it alone)."""
    if len(text) > MAX_CHROME_CHARS:
        return None
    kind = _KINDS.get(text)
    if kind is None:
        kind = _KINDS.put(text, _judge(text) or "")
    return kind or None


def _judge(text: str) -> str | None:
    """:func:`_kind`, worked out."""
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
    ``Reply with quote`` printed beside every post; on a Q&A page, a comment under an answer
    with its ``– name`` signature and ``Commented …`` stamp.
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
        comments: set[int] = set()
        if any(k in (STAMP, BADGES) for k in kinds.values()):
            for i, b in enumerate(blocks):
                if _is_comment_stamp(b.text.strip()):
                    comments.update(_comment_lines(blocks, i))
            comments.update(_signed_comments(blocks))
        values = _values_of_dropped_labels(blocks)
        for p, i in enumerate(live):
            if i in values and p not in kinds:
                drop[p] = FIELD
                continue
            if i in comments:
                drop[p] = COMMENT
                continue
            text = blocks[i].text.strip()
            if _is_avatar(text, blocks[live[p + 1]].text.strip() if p + 1 < len(live) else ""):
                drop[p] = AVATAR
                continue
            if p not in kinds and (_VOTES.fullmatch(text) or _TIMESTAMP.fullmatch(text)):
                drop[p] = VOTES
        for p, kind in kinds.items():
            drop[p] = BUTTON if kind == QUOTE else kind
            if kind == FIELD and p + 1 < len(live) and p + 1 not in kinds:
                if _is_value(blocks[live[p + 1]].text.strip()):
                    drop[p + 1] = FIELD
            elif kind == QUOTE:
                for q in range(p - 1, max(-1, p - MAX_QUOTE_LINES), -1):
                    if kinds.get(q) == QUOTE:
                        break  # an earlier quote's end: this quote has no header of its own
                    if _is_quote_header(blocks[live[q]].text.strip()):
                        for r in range(q, p + 1):
                            drop[r] = QUOTE
                        break
        dropped = drop_unprotected(self, blocks, {live[p]: reason for p, reason in drop.items()})
        return doc.with_blocks(blocks) if restored or dropped else doc
