"""Dates as pages write them, read into ISO 8601.

:func:`find_date` finds the first full date (day, month, year; a time and a zone
when written beside it) in a line and returns it as ISO 8601 with the original
string; :func:`is_date_line` says whether a line is essentially only a date, as
the date line under a headline is (``Published 20 Feb, 2026 12:53``,
``Von Anna Müller | 20.02.2026, 14:05 Uhr``).

Month names come from ``lexicon/months/<lang>.txt``; the words around a date
(labels, weekdays, connectives, bylines, time zones) from
``lexicon/date_words/<lang>.txt``. Relative dates ("3 hours ago") are not read.

Conventions:

- ``2026-02-20`` when only a date is written; ``2026-02-20T12:53`` with a time
  and no zone; ``...Z`` for ``Z``, ``+00:00`` for GMT/UTC, ``+HH:MM`` for a written
  offset. Named zones (ET, CET, ...) keep the time without an offset: we do not
  guess daylight saving.
- Numeric dates with ``/``, ``.`` or ``-`` are read day first (``20/02/2026``);
  month first only when the day-first reading is impossible (``11/20/2019``).
- Impossible dates (``31.02.2026``) and years outside 1900-2099 are rejected.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache

from . import lexicon
from .compiled import re_compile
from .patterns import lazy

# --- word lists ------------------------------------------------------------


@cache
def _months() -> dict[str, int]:
    """Every month spelling (lower case) -> month number, over all languages."""
    table: dict[str, int] = {}
    for entry in lexicon.load("months"):
        number, *names = entry.split()
        for name in names:
            table.setdefault(name.casefold(), int(number))
    return table


@cache
def _date_words() -> dict[str, tuple[str, ...]]:
    """kind -> entries (lower case), over all languages."""
    kinds: dict[str, list[str]] = {}
    for entry in lexicon.load("date_words"):
        kind, _, words = entry.partition(":")
        kind = kind.strip()
        words = words.strip().casefold()
        if not words:
            continue
        # "weekday", "zone" and "and" entries list several single words; the others are phrases
        items = words.split() if kind in ("weekday", "zone", "and") else [words]
        kinds.setdefault(kind, []).extend(items)
    return {k: tuple(dict.fromkeys(v)) for k, v in kinds.items()}


def date_words(kind: str) -> tuple[str, ...]:
    """The date-line words of one kind (``label``, ``weekday``, ``by``, ...), all languages."""
    return _date_words().get(kind, ())


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, inner spaces flexible."""
    parts = sorted(set(words), key=lambda p: (-len(p), p))  # (one order in every process)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


# --- patterns (compiled once, on first use) ----------------------------------

_FLAGS = re.IGNORECASE | re.UNICODE

# Any word of letters; whether it names a month is looked up in the month lexicon
# (a dictionary, not an alternation of 150 names: faster to compile and to match).
_MONTH = r"(?P<mon>[^\W\d_]{3,12})(?!\w)\.?"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_YEARISH = lazy(re.compile, r"(?:19|20)\d\d")
_DIGIT = lazy(re.compile, r"\d")
#: A time right after the date that ends the line, "20 Feb, 2026 12:53": what
#: ``_Patterns.time_after`` finds there (same groups, same end), for a fraction of its
#: compile cost. (time_after's "at" words start with a letter, so they cannot stand
#: before the digits here, and nothing but spaces follows for its am/pm, clock word or zone.)
_PLAIN_TIME_AFTER = lazy(
    re.compile,
    r"(?:T|\s*[,|·•–—/-]\s*|\s+)(?P<H>\d{1,2})(?P<colon>:)(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?"
    r"(?P<M2>)(?P<ap>)(?P<tz>)(?=\s*\Z)",
    _FLAGS,
)


class _Patterns:
    """The date patterns. They are built from the lexicon once, on the first date looked
    for, not at import: a run that reads no date (``--help``, a page without a year) does
    not pay for compiling them."""

    def __init__(self) -> None:
        of = rf"(?:(?:{_alternation(date_words('of'))})\s+)?"
        year_mark = rf"(?:\s*(?:{_alternation(date_words('year'))})(?!\w))?" if date_words("year") else ""

        #: "20 Feb, 2026", "20. Februar 2026", "20 de febrero de 2026", "20 февраля 2026 г."
        dmy_text = re_compile(
            rf"(?<![\w.])(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°)?(?:\s*|-){of}{_MONTH}"
            rf"(?:\s*,\s*|\s+|-){of}{_YEAR}{year_mark}",
            _FLAGS,
        )
        #: "February 20, 2026", "Feb. 20 2026"
        mdy_text = re_compile(
            rf"(?<!\w){_MONTH}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)\s*,?\s*{_YEAR}",
            _FLAGS,
        )
        #: "2026-02-20" (ISO; a time may follow after "T")
        iso = lazy(
            re.compile, r"(?<![\w.\-/])(?P<y>(?:19|20)\d{2})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d])", _FLAGS
        )
        #: "2026/02/20", "2026.02.20", "2026. 2. 20."
        ymd_num = lazy(
            re.compile,
            r"(?<![\w.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[./])\s?(?P<mo>\d{1,2})(?P=sep)\s?(?P<d>\d{1,2})"
            r"(?![\d]|[./]\d)",
            _FLAGS,
        )
        #: "20.02.2026", "20/02/2026", "20-02-2026"
        self.dmy_num = lazy(
            re.compile,
            r"(?<![\w.\-/,])(?P<d>\d{1,2})(?P<sep>[./-])(?P<mo>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})"
            r"(?!\w|[.,/\-]\d)",
            _FLAGS,
        )
        #: "2026年2月20日", "2026년 2월 20일"
        cjk = lazy(
            re.compile, r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<mo>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
        )

        self.dates: tuple[tuple[re.Pattern[str], bool, str], ...] = (
            # (pattern, numeric-only: subject to the "not a date" prefix check, characters one
            # of which the pattern needs: a line with none of them is not searched, and the
            # pattern is not even compiled until a line has one)
            (iso, False, "-"),
            (dmy_text, False, ""),
            (mdy_text, False, ""),
            (cjk, False, "年년"),
            (self.dmy_num, True, "./-"),
            (ymd_num, True, "./"),
        )

        zone_names = _alternation(date_words("zone"))
        zone = (
            r"(?P<tz>Z(?!\w)|(?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?(?!\w)|[+-]\d{2}:?\d{2}(?!\d)"
            + (rf"|(?-i:{zone_names.upper()})(?!\w)" if zone_names else "")
            + ")"
        )
        clock = _alternation(date_words("clock"))
        at = _alternation(date_words("at"))
        # A time: "12:53", "8:03 am", "14h05", "14.05 Uhr", "10:00:00", each with an optional zone.
        zones_upper = zone_names.upper()
        time = (
            r"(?P<H>\d{1,2})(?:(?P<colon>:|\s?h\s?)(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
            + (rf"|\.(?P<M2>[0-5]\d)(?=\s*(?:{clock}|(?-i:GMT|UTC|{zones_upper}))(?!\w))" if clock else "")
            + r")(?!\d)(?:\s?(?P<ap>[ap])\.?\s?m\.?(?!\w))?"
            + (rf"(?:\s*(?:{clock})(?!\w))?" if clock else "")
            + rf"(?:\s*\(?{zone}\)?)?"
        )
        #: a time right after the date: "2026-02-20T12:53Z", "20 Feb, 2026 12:53", "20 février 2026 à 14h05"
        self.time_after = lazy(
            re.compile,
            # (one run of spaces, or a separator between two: "\s*\s\s*" would split a run n^2 ways)
            rf"(?:T|(?:\s*[,|·•–—/-]\s*|\s+)(?:(?:{at})\s+)?)" + time,
            _FLAGS,
        )
        self._time, self._at = time, at
        self.not_date = lazy(re.compile, rf"(?<!\w)(?:{_alternation(date_words('not'))})\.?\s*\Z", _FLAGS)

        #: words that may decorate a date line (labels, weekdays, connectives), one word each
        self.decoration = frozenset(
            word
            for entry in (*date_words("label"), *date_words("weekday"), *date_words("at"))
            for word in _WORD.findall(entry.casefold())
        )
        self.by = lazy(re.compile, rf"^\W*(?:{_alternation(date_words('by'))})(?!\w)\s*:?\s*", _FLAGS)

    # the two patterns below are needed less often: compiled on their first use

    @cached_property
    def time_before(self) -> re.Pattern[str]:
        """A time right before the date: "12:53, 20 Feb 2026", "14:05 | 20.02.2026"."""
        return re_compile(
            # one word may stand between, a weekday ("12:53, Fri 20 Feb 2026"): any short word, to keep
            # the pattern small
            self._time + r"\s*(?:[,|·•–—/-]\s*)?(?:[^\W\d_]{2,12}\.?,?\s*)?\Z",
            _FLAGS,
        )

    @cached_property
    def time_only(self) -> re.Pattern[str]:
        """A line that is only a time: "5:50 PM", "um 14:05 Uhr"."""
        return re_compile(rf"^\W*(?:(?:{self._at})\s+)?{self._time}\W*$", _FLAGS)


@cache
def _patterns() -> _Patterns:
    return _Patterns()


#: how far before a date a time or a "not a date" word may start
_LOOK_BACK = 40
#: only this many leading characters of a line are searched for a date (bounds the work on huge lines)
MAX_SCAN = 4096
#: lines longer than this are never date lines
MAX_DATE_LINE = 160


def _offset(tz: str) -> str:
    """The ISO suffix for a written zone: Z, +00:00, +HH:MM, or '' for a named zone."""
    if tz == "Z" or tz == "z":
        return "Z"
    upper = tz.upper().replace(" ", "")
    if upper.startswith(("UTC", "GMT")):
        upper = upper[3:]
        if not upper:
            return "+00:00"
    if upper[:1] in "+-" and upper[1:2].isdigit():
        sign, rest = upper[0], upper[1:]
        hours, _, minutes = rest.partition(":")
        if not minutes and len(hours) > 2:
            hours, minutes = hours[:-2], hours[-2:]
        h, m = int(hours), int(minutes or 0)
        if h <= 14 and m < 60:
            return f"{sign}{h:02d}:{m:02d}"
    return ""


def _clock(m: re.Match[str]) -> str | None:
    """``THH:MM[:SS]`` plus zone from a time match, or None when the time is impossible."""
    hour = int(m["H"])
    minute = int(m["M"] or m["M2"])
    ap = (m["ap"] or "").lower()
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "p" else 0)
    if hour > 23:
        return None
    text = f"T{hour:02d}:{minute:02d}"
    if m["S"]:
        text += f":{m['S']}"
    if m["tz"]:
        text += _offset(m["tz"])
    return text


def _day(m: re.Match[str], numeric: bool) -> str | None:
    """``YYYY-MM-DD`` from a date match, or None when impossible."""
    year, day = int(m["y"]), int(m["d"])
    groups = m.groupdict()
    if groups.get("mon"):
        month = _months().get(m["mon"].casefold().rstrip("."), 0)
    else:
        month = int(m["mo"])
        # (of the numeric patterns, dmy_num is the one with the day before the year)
        if numeric and month > 12 and day <= 12 and m.start("d") < m.start("y"):
            day, month = month, day  # 11/20/2019: the day-first reading is impossible
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _first_date(line: str) -> tuple[int, int, str] | None:
    """(start, end, iso day) of the earliest valid date in ``line``."""
    best: tuple[int, int, str] | None = None
    rx = _patterns()
    for pattern, numeric, needs in rx.dates:
        if needs and not any(c in line for c in needs):
            continue
        pos = 0
        while True:
            m = pattern.search(line, pos)
            if m is None or (best is not None and m.start() > best[0]):
                break
            day = _day(m, numeric)
            if day and numeric and rx.not_date.search(line, max(0, m.start() - _LOOK_BACK), m.start()):
                day = None
            if day:
                if best is None or m.start() < best[0] or (m.start() == best[0] and m.end() > best[1]):
                    best = (m.start(), m.end(), day)
                break
            pos = m.start() + 1
    return best


def find_date(line: str) -> tuple[str, str] | None:
    """The first full date in ``line`` as ``(iso, original string)``, or None.

    Only the first :data:`MAX_SCAN` characters are searched.

    >>> find_date("Updated: Friday 20 February 2026 10:00 GMT")
    ('2026-02-20T10:00+00:00', '20 February 2026 10:00 GMT')
    """
    line = line[:MAX_SCAN]
    if not _YEARISH.search(line):
        return None  # every date we read has a four-digit year: a cheap first test
    found = _first_date(line)
    if found is None:
        return None
    start, end, iso = found
    rx = _patterns()
    # A time needs a digit: without one after (before) the date the big time patterns, which
    # are compiled on their first use, are not asked; a plain "12:53" closing the line is read
    # by a small pattern that matches it as time_after would.
    after = None
    if _DIGIT.search(line, end):
        after = _PLAIN_TIME_AFTER.match(line, end) or rx.time_after.match(line, end)
    if after is not None and (clock := _clock(after)) is not None:
        return iso + clock, line[start : after.end()].strip()
    look_back = max(0, start - _LOOK_BACK)
    if _DIGIT.search(line, look_back, start):
        before = rx.time_before.search(line, look_back, start)
        if before is not None and (clock := _clock(before)) is not None:
            return iso + clock, line[before.start() : end].strip()
    return iso, line[start:end]


def find_time(line: str) -> str | None:
    """``THH:MM`` (plus zone) when ``line`` is only a time, as under a date line; else None.

    >>> find_time("5:50 PM")
    'T17:50'
    """
    if len(line) > MAX_DATE_LINE:
        return None
    m = _patterns().time_only.match(line)
    return _clock(m) if m is not None else None


# --- date lines ------------------------------------------------------------

_NAME_MARKS = frozenset("'’.-")


def _is_name(part: str) -> bool:
    """A part of a date line that is only a person's name: two or three capitalised words."""
    words = part.split()
    return 2 <= len(words) <= 3 and all(
        w[0].isupper() and len(w) <= 31 and all(c.isalpha() or c in _NAME_MARKS for c in w) for w in words
    )


# (?<!\s): a match starts where a run of spaces starts, not again at each of its spaces (quadratic)
_SEPARATOR = lazy(re.compile, r"(?<!\s)(?:\s*[|·•–—,;/]\s*|\s+-\s+)|[|·•–—,;/]\s*")
_WORD = lazy(re.compile, r"\w+")

#: dates a date line may carry ("Published ... | Updated ...")
_MAX_DATES = 3
#: words a date line may carry besides the date and its decorations (a source name)
_MAX_OTHER_WORDS = 1
#: words a byline part ("By Sarah Smith and John Doe") may have
_MAX_BYLINE_WORDS = 7


def is_date_line(line: str) -> bool:
    """True when ``line`` is essentially only a date (and time), with decorations.

    Decorations: labels (``Published``, ``Aktualisiert am``), weekdays, a byline
    part (``By Sarah Smith |``, or a name alone set off by a separator:
    ``Chris Davies - Nov 19, 2019``) and one more word (a source name).
    """
    if len(line) > MAX_DATE_LINE:
        return False
    return _is_date_line(line)


#: how many distinct short lines :func:`is_date_line` remembers (metadata asks twice about a line)
_MEMO_SIZE = 8192


@lru_cache(maxsize=_MEMO_SIZE)
def _is_date_line(line: str) -> bool:
    found = find_date(line)
    if found is None:
        return False
    rest = line
    for _ in range(_MAX_DATES):  # "Published: 3 May 2025 | Updated: 4 May 2025"
        raw = found[1]
        start = rest.find(raw)
        rest = f"{rest[:start]} | {rest[start + len(raw) :]}"
        found = find_date(rest)
        if found is None:
            break
    other = 0
    named = False
    rx = _patterns()
    for part in _SEPARATOR.split(rest):
        if not named and _is_name(part.strip()):
            named = True
            continue  # "Chris Davies - Nov 19, 2019": the byline without its by-word
        if not _WORD.search(part):
            continue  # no word: neither a byline nor a word to count
        by = rx.by.match(part)
        if by is not None:
            if len(_WORD.findall(part[by.end() :])) > _MAX_BYLINE_WORDS:
                return False
            continue
        other += sum(1 for w in _WORD.findall(part.casefold()) if w not in rx.decoration)
    return other <= _MAX_OTHER_WORDS
