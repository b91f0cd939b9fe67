"""Metadata lifting: the headline, standfirst, date line and byline leave the body for the metadata.

A dump carries the page's headline and its furniture at the top of the article:
a date line, a byline, a one-sentence standfirst. This stage finds them by
general evidence, never by site:

- **headline**: a title-shaped line (3-30 words, no closing period, not an
  all-caps menu item) near the top of the article, scored on the evidence that
  it is the headline: it is a part of the page title printed as the dump's first
  line (``Headline | Site``); it is printed twice a few lines apart; it is a level-1 heading; a
  date line or byline sits right beside it; it stands right before the body's
  first run of prose (or its one long opening paragraph). One strong piece of
  evidence or two weaker ones are needed.
- **standfirst**: the prose line right under the headline (or under the date
  line that follows it), lifted only when it sits between the headline and its
  repetition, or is followed at once by the date line or byline; under the
  date line/byline, only when it has no closing period (a full sentence there is
  as likely the lead paragraph) or when furniture an earlier stage removed (a
  share bar) sets it apart from the body below.
- **date line**: a line that is only a date (:func:`cleaner.dates.is_date_line`)
  near the headline, or, without a headline, just above the body (with a copy of
  it a little higher up); a second date line right beside the lifted headline
  block (headline, its copy, date line, byline) goes too (as ``modified``), so
  that cleaning the output again changes nothing.
- **byline**: ``By Sarah Smith``, ``Von Anna Müller``, ``Автор: Иван Петров``
  near the headline.

Only lines above the body or right beside the headline are lifted; a line in
the middle of the body never is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import MAX_DATE_LINE, date_words, find_date, find_time, is_date_line
from ..document import Block, Document
from ..memo import Memo
from ..patterns import lazy
from ..stage import Stage, register

# --- thresholds --------------------------------------------------------------

#: a headline has this many words at least / at most
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
#: scripts written without spaces: a headline has this many characters at least
TITLE_MIN_CHARS_UNSPACED = 8
#: a line this long or longer in capitals only is a menu item, not a headline
ALL_CAPS_MIN_CHARS = 8
#: a headline is not mostly digits (a phone number, a score table)
TITLE_MAX_DIGIT_SHARE = 0.25
#: a prose line (body paragraph) has this many words at least
PROSE_MIN_WORDS = 12
#: ... or this many characters (scripts without spaces)
PROSE_MIN_CHARS = 120
#: the body starts at a prose line followed by this many prose lines among the next few
BODY_RUN = 2
BODY_LOOKAHEAD = 6
#: without such a run, a first prose line this long (words, or characters unspaced) that
#: ends a sentence starts the body on its own (an explainer opening on one long paragraph)
BODY_ALONE_MIN_WORDS = 30
BODY_ALONE_MIN_CHARS_UNSPACED = PROSE_MIN_CHARS
#: a standfirst has this many words at least / at most
STANDFIRST_MIN_WORDS = 6
STANDFIRST_MAX_WORDS = 80
#: a standfirst has at least this many words more than its headline
STANDFIRST_LONGER_BY = 4
#: date lines and bylines that may stand between the headline and the standfirst
STANDFIRST_SKIP = 2
#: a standfirst under the date line / byline has at most this many words
STANDFIRST_AFTER_MAX_WORDS = 22
#: headline evidence weights, and the score a headline needs
W_PAGE_TITLE = 4
W_HEADING = 2
W_REPEATED = 2
W_ABOVE_DATE = 2
W_BELOW_DATE = 1
W_BYLINE_AND_DATE = 1
W_BEFORE_BODY = 1
W_LONG = 1
W_BETWEEN_DATE_AND_BODY = 1
MIN_SCORE = 4
#: a headline of this many words at least (or characters, unspaced) earns W_LONG
LONG_WORDS = 5
LONG_CHARS_UNSPACED = 12
#: ... and at most this many words (a longer line is more likely a standfirst)
LONG_MAX_WORDS = 20
#: how far (in kept lines) evidence may lie from the headline
DATE_AFTER = 4
DATE_BEFORE = 2
BODY_NEAR = 8
#: a repeat counts as evidence when the copies are at most this many kept lines apart
REPEAT_NEAR = 3
#: the date line / byline is searched this far around the headline
NEAR_BEFORE = 4
NEAR_AFTER = 8
#: a date inside a line (not a date line) near the headline is read when the line has
#: at most this many words
DATE_IN_LINE_MAX_WORDS = 25
#: only this many kept lines at the top of a dump are read (bounds the work on huge dumps)
MAX_TOP_LINES = 600
#: a line with this many date lines within LISTING_REACH kept lines is a teaser in a list
LISTING_DATES = 3
LISTING_REACH = 6
#: without a headline, a date line must lie this close above the body
DATE_ABOVE_BODY = 12
#: a byline has at most this many words
BYLINE_MAX_WORDS = 14
BYLINE_MAX_NAME_WORDS = 6
#: the site part of a page title ("Headline | Site") has at most this many words
SITE_MAX_WORDS = 6
#: a first line split into more parts than this is a menu, not a page title
MAX_TITLE_PARTS = 8
#: a line holding this share of a page-title variant's words (its start or end) matches it
PAGE_TITLE_SHARE = 0.6
#: the plain form, key and prose test of lines up to this long are memoised (the dedupe
#: stage reads the same lines again), for this many distinct lines
MEMO_MAX_CHARS = PROSE_MIN_CHARS * 3
MEMO_SIZE = 8192
#: the keys of longer lines (paragraphs, which the dedupe stage compares in every round) are
#: memoised too, up to this long, for fewer distinct lines (each holds a paragraph's worth)
LONG_KEY_MAX_CHARS = 10_000
LONG_KEY_MEMO_SIZE = 1024

# --- patterns ----------------------------------------------------------------

_WORD = lazy(re.compile, r"\w+")
# Scripts written without spaces: Han, Hiragana, Katakana, Hangul, Thai. (re, not regex: its
# search for a class of wide ranges is five times quicker; the compiled program is kept on disk.)
_UNSPACED = lazy(
    re.compile, "[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff\u0e00-\u0e7f]"
)
_NON_WORD = lazy(re.compile, r"[\W_]+")
# Markdown residue a headline line may carry: heading marks, emphasis, link targets.
_MD_HEADING = lazy(re.compile, r"^\s*(#{1,6})\s+")
_MD_LINK = lazy(
    re.compile,
    r"!?\[([^\[\]\n]{0,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)",
)
_MD_EMPHASIS = lazy(re.compile, r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_URL = lazy(re.compile, r"https?://|www\.\w|\w@\w+\.\w")
# Where a page title splits into headline and site name: "Headline | Site", "Headline - Site".
_TITLE_SEPARATOR = lazy(re.compile, r"(?<!\s)(?:\s*\|\s*|\s+(?:[-–—·»:/]|::)\s+)|\|\s*")
_SENTENCE_END = lazy(re.compile, r"[.!?…。！？]['\"”’»)]*$")
_HEADLINE_END = lazy(re.compile, r"[.;,:]['\"”’»)]*$")
# A photo credit: "Anna Lee/Agency", "Photo: ..." is left to the captions lexicon.
_CREDIT = lazy(re.compile, r"\w/[^\W\d_]")  # followed by an upper-case letter: checked in code
_DIGIT = lazy(re.compile, r"\d")
_WRAPPED = lazy(re.compile, r"^[(\[][^()\[\]]*[)\]]$")
#: how many closing characters a line-end test looks at, and opening ones a script test
_TAIL = 12
_HEAD = 200
_CLOCK = lazy(re.compile, r"(?<!\d)\d{1,2}:\d\d(?!\d)")


def _phrases(kind: str) -> str:
    words = sorted(date_words(kind), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_BYLINE = lazy(re.compile, rf"^\W*(?:{_phrases('by')})(?!\w)\s*:?\s*(?P<rest>\S.*)$", re.IGNORECASE)
_BYLINE_INSIDE = lazy(re.compile, rf"(?<=\s)(?:{_phrases('by')})(?!\w)\s*:?\s*(?P<rest>\S.*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lone_by_words() -> frozenset[str]:
    """The by-words folded, for a line that is only ``By`` (or ``Von:``), the name on the next line."""
    return frozenset(w.casefold() for w in date_words("by"))


# A line that is only a person's name: two to four capitalised words.
_NAME_MARKS = frozenset("'’.-")


def _is_name(text: str) -> bool:
    """A line that is only a person's name: two to four capitalised words."""
    words = text.split(" ")
    return 2 <= len(words) <= 4 and all(
        w and w[0].isupper() and len(w) <= 31 and all(c.isalpha() or c in _NAME_MARKS for c in w)
        for w in words
    )


# not commas: "New York, Feb. 20" is a dateline
_PART_SEPARATOR = lazy(re.compile, r"(?<!\s)(?:\s*[|·•]\s*|\s+[-–—]\s+)|[|·•]\s*")
_NAME_PART_END = lazy(re.compile, r"(?<!\s)\s*(?:[|·•,;/()]|\s[-–—]\s|\d)|[|·•,;/()]|\d")
_JOINER = lazy(re.compile, rf"^(?:{_phrases('and')}|&)$", re.IGNORECASE)
_STAFF = lazy(re.compile, rf"(?<!\w)(?:{_phrases('staff')})(?!\w).*$", re.IGNORECASE)


def plain(text: str) -> str:
    """A line without markdown residue: heading marks, emphasis and link targets gone."""
    return _plain_memo(text) if len(text) <= MEMO_MAX_CHARS else _plain(text)


def _plain(text: str) -> str:
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if text.lstrip().startswith("#"):
        text = _MD_HEADING.sub("", text)
    if "*" in text or "_" in text:
        text = _MD_EMPHASIS.sub("", text)
    return text.strip()


def key(text: str) -> str:
    """The comparison form of a line: case-folded words only."""
    if len(text) <= MEMO_MAX_CHARS:
        return _key_memo(text)
    if len(text) > LONG_KEY_MAX_CHARS:
        return _key(text)
    found = _LONG_KEYS.get(text)
    return found if found is not None else _LONG_KEYS.put(text, _key(text))


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", plain(text).casefold()).strip()


_plain_memo = lru_cache(maxsize=MEMO_SIZE)(_plain)
_key_memo = lru_cache(maxsize=MEMO_SIZE)(_key)
_LONG_KEYS: Memo[str, str] = Memo(LONG_KEY_MEMO_SIZE)


def word_count(text: str) -> int:
    """Words in a line (runs of word characters)."""
    if text.isascii():
        return len(text.split())  # fast path; close enough for prose and title shapes
    return len(_WORD.findall(text))


#: Characters of a line's head counted first when a stage only asks whether it has more than n words.
_COUNT_HEAD = 400


def _words_over(text: str, n: int) -> bool:
    """``word_count(text) > n``, counting the head of a long line first.

    The words of a head are words of the line (a word cut in two counts once), so
    when the head has more than ``n`` the line does: a long paragraph need not be
    counted through. The head is counted the way :func:`word_count` counts the line.
    """
    if len(text) > _COUNT_HEAD:
        head = text[:_COUNT_HEAD]
        if len(head.split()) > n if text.isascii() else len(_WORD.findall(head)) > n:
            return True
    return word_count(text) > n


def _unspaced(text: str) -> bool:
    """The line is in a script written without spaces (looking at its start only)."""
    if text.isascii() or text[:_HEAD].isascii():
        return False  # those scripts' letters are none of them ASCII (the search is slow, the test is not)
    return _UNSPACED.search(text, 0, _HEAD) is not None


def _has_url(text: str) -> bool:
    """A web address or an e-mail address in the line (what :data:`_URL` finds needs one of three marks)."""
    return ("://" in text or "www." in text or "@" in text) and _URL.search(text) is not None


def _ends_sentence(text: str) -> bool:
    """The line ends with a sentence mark (looking at its tail only: lines may be huge)."""
    return _SENTENCE_END.search(text, max(0, len(text) - _TAIL)) is not None


def is_prose(text: str) -> bool:
    """A body-paragraph-like line: long enough, or a full sentence of some length."""
    if len(text) >= PROSE_MIN_CHARS * 3:
        return True
    return _is_prose(text)


@lru_cache(maxsize=MEMO_SIZE)
def _is_prose(text: str) -> bool:
    """:func:`is_prose` for a line shorter than ``PROSE_MIN_CHARS * 3`` (memoised: short strings only)."""
    words = word_count(text)
    if _unspaced(text):
        return len(text) >= PROSE_MIN_CHARS // 2 and _ends_sentence(text)
    if words >= 2 * PROSE_MIN_WORDS:
        return True
    # a question of headline length ("Is an oxygen bar in Delhi selling fresh air?") is not prose yet
    return words >= PROSE_MIN_WORDS and _ends_sentence(text) and not text.rstrip("'\"”’»)").endswith("?")


def is_title_shaped(text: str) -> bool:
    """3-30 words, no closing period, not all capitals, no address."""
    return _title_shaped_memo(text) if len(text) <= MEMO_MAX_CHARS else _is_title_shaped(text)


def _is_title_shaped(text: str) -> bool:
    words = word_count(text)
    if _unspaced(text) and words < TITLE_MIN_WORDS:
        if len(text) < TITLE_MIN_CHARS_UNSPACED:
            return False
    elif not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS:
        return False
    if _HEADLINE_END.search(text, max(0, len(text) - _TAIL)) and not text.endswith("..."):
        return False
    if text.isupper() and len(text) >= ALL_CAPS_MIN_CHARS:
        return False  # an all-capitals menu item
    if text[:1] in "([" and _WRAPPED.match(text):
        return False  # "(Reed Saxon / Associated Press)": a credit or an aside
    if words <= BYLINE_MAX_NAME_WORDS + 2 and "," in text and _STAFF.search(text):
        return False  # "Audrey Huang, Managing Editor": a byline without its by-word
    if _has_url(text) or _BYLINE.match(text) or (":" in text and _CLOCK.search(text)) or text.count("|") > 1:
        return False
    if "/" in text and any(m.group()[-1].isupper() for m in _CREDIT.finditer(text)):
        return False  # "Anna Lee/Agency": a photo credit
    if len(_DIGIT.findall(text)) > TITLE_MAX_DIGIT_SHARE * len(text):
        return False
    return find_date(text) is None


def byline_author(text: str) -> str | None:
    """The name(s) in a byline (``By Sarah Smith | Reuters`` -> ``Sarah Smith``), or None.

    The by-word opens the line, or follows the date on a date line
    (``Posted on March 3, 2026 by Tom Reed``).
    """
    if len(text) <= MEMO_MAX_CHARS:
        return _byline_memo(text)  # the word count too is remembered: the settle rounds ask again
    return _byline_author(text)


def _byline_author(text: str) -> str | None:
    if _words_over(text, BYLINE_MAX_WORDS):
        return None
    text = plain(text)
    m = _BYLINE.match(text)
    if m is None and is_date_line(text):
        m = _BYLINE_INSIDE.search(text)
    if m is None:
        return None
    rest = m["rest"]
    end = _NAME_PART_END.search(rest)
    name = rest[: end.start()] if end else rest
    name = _STAFF.sub("", name).strip(" .:-–—")
    words = name.split()
    if not 1 <= len(words) <= BYLINE_MAX_NAME_WORDS:
        return None
    if not all(w[:1].isupper() or _JOINER.match(w) for w in words):
        return None
    if not words[0][:1].isupper():
        return None
    return name


# Lines repeat (across pages of a site, and in the settle rounds): what is asked of a line is remembered.
_title_shaped_memo = lru_cache(maxsize=MEMO_SIZE)(_is_title_shaped)
_byline_memo = lru_cache(maxsize=MEMO_SIZE)(_byline_author)


class _Line:
    """A kept line under study: its block index, plain text, heading level, and (lazily) key."""

    __slots__ = ("index", "raw", "text", "heading", "_key")

    def __init__(self, index: int, raw: str, heading: int) -> None:
        self.index = index  # position in doc.blocks
        self.raw = raw  # the block's text
        self.text = plain(raw)  # plain text (markdown residue removed)
        self.heading = heading  # heading level, 0 when unknown
        self._key: str | None = None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = key(self.raw)  # the same as the key of self.text, memoised for dedupe
        return self._key


def _heading_level(block: Block) -> int:
    level = block.hints.get("level") if block.hints else None
    if isinstance(level, int) and level:
        return level
    text = block.text
    if "#" not in text:
        return 0
    m = _MD_HEADING.match(text)
    return len(m.group(1)) if m else 0


def body_start(prose: list[bool]) -> tuple[int, bool]:
    """(position, True) of the first prose line that starts a run of prose.

    Without such a run: (the first prose line, False), or (len(prose), False).
    """
    first = len(prose)
    for p, ok in enumerate(prose):
        if not ok:
            continue
        first = min(first, p)
        if sum(prose[p + 1 : p + 1 + BODY_LOOKAHEAD]) >= BODY_RUN:
            return p, True
    return first, False


def _long_paragraph(text: str) -> bool:
    """A prose line long enough to count as the body's start without further prose below it."""
    if _unspaced(text):
        long = len(text) >= BODY_ALONE_MIN_CHARS_UNSPACED
    else:
        long = _words_over(text, BODY_ALONE_MIN_WORDS - 1)
    return long and _ends_sentence(text)


def _page_title_variants(first: _Line) -> dict[str, tuple[str, str]]:
    """Headline candidates inside a page title ("Headline | Site"): key -> (text, site part)."""
    parts = [p for p in _TITLE_SEPARATOR.split(first.text) if p.strip()]
    if len(parts) > MAX_TITLE_PARTS:
        return {}
    variants: dict[str, tuple[str, str]] = {}
    if len(parts) == 1 and word_count(first.text) >= LONG_WORDS:
        variants[first.key] = (first.text, "")  # a page title without a site name
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            if (i, j) == (0, len(parts)):
                continue
            text = " ".join(parts[i:j]).strip()
            site = " ".join(parts[:i] + parts[j:]).strip()
            if word_count(text) >= TITLE_MIN_WORDS and word_count(site) <= SITE_MAX_WORDS:
                variants.setdefault(key(text), (text, site))
    return variants


def _in_page_title(line_key: str, variants: dict[str, tuple[str, str]]) -> bool:
    """The line is a headline variant of the page title, or most of one (its start or end)."""
    if line_key in variants:
        return True
    words = word_count(line_key)
    if words < LONG_WORDS:
        return False
    return any(
        (v.endswith(" " + line_key) or v.startswith(line_key + " "))
        and words >= PAGE_TITLE_SHARE * word_count(v)
        for v in variants
    )


def _furniture_after(blocks: list[Block], lines: list[_Line], p: int) -> bool:
    """Between kept line ``p`` and the next one stands a non-blank line an earlier stage removed."""
    if p + 1 >= len(lines):
        return False
    between = blocks[lines[p].index + 1 : lines[p + 1].index]
    return any(b.removal is not None and b.text.strip() for b in between)


def _near(flags: list[bool], p: int, before: int, after: int) -> bool:
    """A flag is set within ``before`` lines above ``p`` or ``after`` lines below it (not at ``p``)."""
    return True in flags[max(0, p - before) : p] or True in flags[p + 1 : p + after + 1]


@register
class Metadata(Stage):
    """Lift the headline, standfirst, date line and byline out of the body into the metadata.

    **Removes:** ``20 Feb, 2026 12:53`` right above the headline (the date line,
    lifted as ``published`` = ``2026-02-20T12:53``).
    **Keeps:** ``On 20 Feb, 2026 the talks resumed in Tokyo after a long pause.``
    (a sentence of the body that happens to hold a date).
    """

    name = "metadata"

    def run(self, doc: Document) -> Document:
        blocks = list(doc.blocks)
        lines: list[_Line] = []
        for i, b in enumerate(blocks):
            if b.removal is None and b.text:
                lines.append(_Line(i, b.text, _heading_level(b)))
                if len(lines) >= MAX_TOP_LINES:
                    break  # the headline and its furniture stand at the top
        if not lines:
            return doc
        prose = [is_prose(ln.text) for ln in lines]
        body, has_body = body_start(prose)
        if not has_body and body < len(lines):
            has_body = _long_paragraph(lines[body].text)
        dated = [len(ln.text) <= MAX_DATE_LINE and is_date_line(ln.text) for ln in lines[: body + NEAR_AFTER]]
        dated += [False] * (len(lines) - len(dated))
        lone_by = _lone_by_words()  # soup prints a byline's "By" on a line of its own, above the name
        bylined = [
            p < body + NEAR_AFTER
            and (byline_author(ln.text) is not None or ln.text.strip(" :").casefold() in lone_by)
            for p, ln in enumerate(lines)
        ]

        lift: dict[int, tuple[str, str]] = {}  # position -> (reason, field)
        fields: dict[str, str] = {}

        variants = _page_title_variants(lines[0]) if len(lines) > 1 else {}
        if doc.metadata.title:
            variants.setdefault(key(doc.metadata.title), (doc.metadata.title, ""))
        head, page_title = self._headline(lines, prose, dated, bylined, (body, has_body), variants)
        if head is None:
            found_title = self._page_title_only(lines, variants)
            if found_title is not None:
                lift[0] = ("page title (headline and site name)", "title")
                fields["title"], fields["site"] = found_title
        if head is not None:
            lift[head] = ("headline", "title")
            fields["title"] = lines[head].text
            if page_title is not None:
                lift[page_title[0]] = ("page title (headline and site name)", "title")
                if page_title[1]:
                    fields["site"] = page_title[1]
            stand = self._standfirst(blocks, lines, (prose, dated, bylined), head)
            if stand is not None:
                lift[stand] = ("standfirst", "description")
                fields["description"] = lines[stand].text

        date = self._date_line(lines, dated, head, body, lift)
        if date is not None:
            found = find_date(lines[date].text)
            if found is not None:
                iso, raw = found
                nxt = date + 1
                clock = find_time(lines[nxt].text) if "T" not in iso and nxt < len(lines) else None
                if clock is not None:
                    iso += clock
                    raw = f"{raw} {lines[nxt].text}"
                    lift[nxt] = ("time of the date line", "published")
                lift[date] = ("date line", "published")
                fields["published"] = iso
                fields["published_raw"] = raw
                for q in (date + 1, date - 1):  # "Published ..." then "Last modified ..."
                    if 0 <= q < len(lines) and dated[q] and q not in lift:
                        second = find_date(lines[q].text)
                        if second is not None:
                            lift[q] = ("second date line", "modified")
                            if second[0] > iso:
                                fields["modified"] = second[0]
                # the same date line printed again a little higher up (or, with a headline,
                # anywhere near it) would be lifted by a second cleaning
                lo = max(0, date - DATE_ABOVE_BODY) if head is None else max(0, head - NEAR_BEFORE)
                hi = date if head is None else min(len(lines), head + NEAR_AFTER + 1)
                for q in range(lo, hi):
                    if q not in lift and dated[q] and lines[q].key == lines[date].key:
                        lift[q] = ("date line printed again", "")
        elif head is not None:
            # no line of its own: a date inside a short line by the headline
            # ("New Delhi, Staff | Updated: 19 Nov 2019") fills the field, the line stays
            for p in [*range(head + 1, min(len(lines), head + NEAR_AFTER + 1)), *range(head - 1, -1, -1)][
                : NEAR_AFTER + NEAR_BEFORE
            ]:
                if p in lift or prose[p] or word_count(lines[p].text) > DATE_IN_LINE_MAX_WORDS:
                    continue
                found = find_date(lines[p].text)
                if found is not None:
                    fields["published"], fields["published_raw"] = found
                    break

        if head is not None:
            for p in range(max(0, head - NEAR_BEFORE), min(len(lines), head + NEAR_AFTER + 1)):
                if bylined[p] and (p not in lift or lift[p][1] == "published"):
                    author = byline_author(lines[p].text)
                    if author:
                        reason = "byline and date" if p in lift else "byline"
                        lift[p] = (reason, "author")
                        fields["author"] = author
                        break

        if head is not None and "author" not in fields and date is not None:
            for p in (date - 1, date + 1):  # "Daniel Osei" alone beside the date line
                if head < p < len(lines) and p not in lift and _is_name(lines[p].text):
                    lift[p] = ("byline", "author")
                    fields["author"] = lines[p].text
                    break
            else:  # "Chris Davies - Nov 19, 2019": the name on the date line itself
                names = [part for part in _PART_SEPARATOR.split(lines[date].text) if _is_name(part)]
                if len(names) == 1:
                    fields["author"] = names[0]
                    lift[date] = ("byline and date", "author")

        if head is not None:
            self._date_beside(lines, dated, head, lift, fields)

        if not lift:
            return doc
        for p, (reason, field) in lift.items():
            i = lines[p].index
            blocks[i] = blocks[i].drop(self.name, reason, lifted_as=field or None)
        return doc.with_blocks(blocks).with_metadata(**fields)

    # -- the headline ---------------------------------------------------------

    def _headline(
        self,
        lines: list[_Line],
        prose: list[bool],
        dated: list[bool],
        bylined: list[bool],
        body_found: tuple[int, bool],
        variants: dict[str, tuple[str, str]],
    ) -> tuple[int | None, tuple[int, str] | None]:
        """(position of the headline, (position of the page-title line, site name)) or Nones.

        ``body_found`` is the body start and whether a run of prose starts there.
        """
        body, has_body = body_found
        beside = [d or b for d, b in zip(dated, bylined, strict=True)]

        scores: dict[int, int] = {}
        limit = min(len(lines), body + BODY_NEAR)
        page_limit = max(limit, len(lines) // 2)  # the headline matching the page title may stand lower
        for p in range(page_limit if variants else limit):
            if prose[p]:
                continue
            ln = lines[p]
            if p >= limit and not _in_page_title(ln.key, variants):
                continue
            page = p > 0 and bool(variants) and _in_page_title(ln.key, variants)
            if p >= body and not (page or _near(beside, p, DATE_BEFORE, DATE_AFTER)):
                continue
            if not page and sum(dated[max(0, p - LISTING_REACH) : p + LISTING_REACH + 1]) >= LISTING_DATES:
                continue  # a teaser in a list of stories, each with its date
            # the first line printed again lower down is a repeat, not a page title with a site name
            bare = page and ln.key == lines[0].key
            score = W_PAGE_TITLE if page and not bare else 0
            if ln.heading == 1:
                score += W_HEADING
            if _near(beside, p, 0, DATE_AFTER):
                score += W_ABOVE_DATE
                if _near(dated, p, 0, DATE_AFTER) and _near(bylined, p, 0, DATE_AFTER):
                    score += W_BYLINE_AND_DATE
            elif _near(beside, p, DATE_BEFORE, 0):
                score += W_BELOW_DATE
            if 0 < body - p <= BODY_NEAR and has_body:
                score += W_BEFORE_BODY
                if body - p == 1 and _near(dated, p, DATE_BEFORE, 0):
                    score += W_BETWEEN_DATE_AND_BODY
            # the evidence around the line is in: a line that cannot reach MIN_SCORE with the
            # evidence of its own (its length, a copy nearby) is not read any further
            if score + W_LONG + W_REPEATED < MIN_SCORE or not is_title_shaped(ln.text):
                continue
            if LONG_WORDS <= word_count(ln.text) <= LONG_MAX_WORDS or (
                _unspaced(ln.text) and len(ln.text) >= LONG_CHARS_UNSPACED
            ):
                score += W_LONG
            if bare or (
                score + W_REPEATED >= MIN_SCORE
                and any(
                    lines[q].key == ln.key
                    for q in range(max(0, p - REPEAT_NEAR), p + REPEAT_NEAR + 1)
                    if q != p and q < len(lines)
                )
            ):
                score += W_REPEATED
            if score >= MIN_SCORE:
                scores[p] = score
        if not scores:
            return None, None
        top = max(scores.values())
        # on a tie the candidate nearest the body wins (teasers stand further up), unless
        # it is a clearly longer line right under another: then it is that headline's standfirst
        best_p = max(p for p, sc in scores.items() if sc == top)
        above = best_p - 1
        if scores.get(above) == top and word_count(lines[best_p].text) >= word_count(lines[above].text) + (
            STANDFIRST_LONGER_BY
        ):
            best_p = above
        page_title = None
        if best_p > 0 and _in_page_title(lines[best_p].key, variants):
            if lines[best_p].key == lines[0].key:
                # the first line is the headline itself (no site name): when its copy
                # follows closely, the first line heads the article furniture
                return (0 if best_p <= NEAR_AFTER else best_p), None
            page_title = (0, variants.get(lines[best_p].key, ("", ""))[1])
        return best_p, page_title

    @staticmethod
    def _page_title_only(lines: list[_Line], variants: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
        """(headline, site) from a first line "Headline | Site" whose headline part is printed
        again lower down, if only run together with its neighbours (no line of its own)."""
        named = [(text, site) for text, site in variants.values() if site and word_count(text) >= LONG_WORDS]
        if not named or not is_title_shaped(lines[0].text.replace("|", " ")):
            return None
        later = [ln.text.casefold() for ln in lines[1 : max(2, len(lines) // 2)]]
        for text, site in sorted(named, key=lambda v: -len(v[0])):
            needle = text.casefold()
            if any(needle in t for t in later):
                return text, site
        return None

    # -- the standfirst -------------------------------------------------------

    def _standfirst(
        self,
        blocks: list[Block],
        lines: list[_Line],
        flags: tuple[list[bool], list[bool], list[bool]],
        head: int,
    ) -> int | None:
        """The standfirst's position, or None; ``flags`` are the prose, date-line and byline flags."""
        prose, dated, bylined = flags
        p = head + 1
        while p < len(lines) and p <= head + STANDFIRST_SKIP and (dated[p] or bylined[p]):
            p += 1  # "Headline / 3 March 2026 / Standfirst / By Ann Lee"
        if p >= len(lines) or dated[p] or bylined[p]:
            return None
        text = lines[p].text
        if not STANDFIRST_MIN_WORDS <= word_count(text) <= STANDFIRST_MAX_WORDS or _has_url(text):
            return None
        if "|" in text or (text[:1] in "([" and _WRAPPED.match(text)) or find_date(text) is not None:
            return None  # a dateline or credit line, not a sentence
        if p + 1 < len(lines) and lines[p + 1].key == lines[head].key:
            return p  # between the headline and its repetition
        reach = p + 3 if p == head + 1 else p + 2  # under the date line: the byline right after
        if any(dated[q] or bylined[q] for q in range(p + 1, min(len(lines), reach))):
            return p  # followed by the date line or byline
        # under the date line / byline: only a line without a closing period, since
        # a full sentence there is as likely the body's lead paragraph
        under = p > head + 1 and p + 1 < len(lines) and word_count(text) <= STANDFIRST_AFTER_MAX_WORDS
        if under and not _ends_sentence(text) and not text.endswith(":"):
            return p
        # ... or a full sentence set apart from the body by furniture (a share bar) under it
        if under and prose[p + 1] and not text.endswith(":") and _furniture_after(blocks, lines, p):
            return p
        return None

    # -- the date line --------------------------------------------------------

    @staticmethod
    def _date_beside(
        lines: list[_Line],
        dated: list[bool],
        head: int,
        lift: dict[int, tuple[str, str]],
        fields: dict[str, str],
    ) -> None:
        """Lift a date line right above or below the lifted headline block (headline, date
        line, byline): once the block is gone it would stand alone above the body, and a
        second cleaning would lift it then."""
        head_key = lines[head].key

        def in_block(q: int) -> bool:  # lifted, or a copy of the headline (the dedupe stage drops it)
            return q in lift or (0 <= q < len(lines) and lines[q].key == head_key)

        lo = hi = head
        while in_block(lo - 1):
            lo -= 1
        while in_block(hi + 1):
            hi += 1
        for q in (lo - 1, hi + 1):
            if not (0 <= q < len(lines) and dated[q]) or q in lift:
                continue
            found = find_date(lines[q].text)
            field = ""
            if found is not None and "published" not in fields:
                field = "published"
                fields["published"], fields["published_raw"] = found
            elif found is not None and found[0] > fields.get("modified", fields.get("published", "")):
                field = "modified"
                fields["modified"] = found[0]
            lift[q] = ("date line next to the headline", field)

    @staticmethod
    def _date_line(
        lines: list[_Line], dated: list[bool], head: int | None, body: int, lift: dict[int, tuple[str, str]]
    ) -> int | None:
        if head is not None:
            after = range(head + 1, min(len(lines), head + NEAR_AFTER + 1))
            before = range(head - 1, max(-1, head - NEAR_BEFORE - 1), -1)
            order: list[int] = [*after, *before]
            for p in order:
                if dated[p] and p not in lift:
                    return p
            return None
        for p in range(min(body, len(lines)) - 1, max(-1, body - DATE_ABOVE_BODY - 1), -1):
            if dated[p]:
                listing = sum(dated[max(0, p - LISTING_REACH) : p + LISTING_REACH + 1]) >= LISTING_DATES
                return None if listing else p
        return None
