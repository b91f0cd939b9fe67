"""Per-line evidence for the content classifier: shape, language, links, position, context.

The content stage sees the lines that the earlier filters kept. For each one it
needs numbers a small model can weigh: how long the line is, whether it reads
like prose in the page's language (stopword share), whether it ends like a
sentence, how much of it is link text, where it stands in the page, and what
its neighbours look like. Everything here is pure Python plus compiled
``regex`` patterns, a handful of searches per line.

Two feature sets are built, one per pass of the classifier:

* :func:`pass1_rows` — the line's own shape, its neighbours' shape (±1..±3),
  its position, the headline's position and the removals around it;
* :func:`pass2_rows` — the pass-1 row plus the pass-1 probabilities of the
  neighbours and the line's place relative to the main text region (the
  densest run of prose-like lines, see :func:`main_region`).

The feature names are part of the model file: :mod:`cleaner.model` checks
that the names the model was trained on are the ones computed here.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from itertools import accumulate, chain
from typing import Any

import regex

from . import lexicon
from .document import Document, Frozen
from .memo import Memo
from .patterns import lazy, phrase_set

#: Languages with a stopword list (``lexicon/stopwords/<lang>.txt``).
STOPWORD_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "it", "pt", "nl", "pl")

#: Characters of the document sampled to guess its language.
LANGUAGE_SAMPLE_CHARS = 30000

#: A document whose best language has a stopword share below this is "unknown".
MIN_LANGUAGE_SHARE = 0.05

#: Neighbour offsets whose shape enters a line's row.
NEIGHBOUR_OFFSETS: tuple[int, ...] = (-3, -2, -1, 1, 2, 3)

#: Half-width of the window averaged around a line.
WINDOW = 5

#: A line counts for the main region when its pass-1 probability is above this margin.
REGION_MARGIN = 0.5

#: The tighter region: only lines well above this margin pull it.
TIGHT_REGION_MARGIN = 0.7

#: Segments of prose are split by runs of at least this many lines under the margin.
SEGMENT_GAP = 3

#: Lexicon concepts whose lines mark the end of the article (comments, related stories).
MARKER_CONCEPTS: tuple[str, ...] = ("comment_policy", "related")

#: Stages whose removals are counted before each line (their share, as a position signal).
COUNTED_STAGES: tuple[str, ...] = ("navigation", "share", "footers", "media", "dedupe")

#: A line's own features (and words) remembered, by (text, language, link share): the settle
#: rounds ask about the same lines again. Bounded (about 1 kB a line): enough for the kept
#: lines of any ordinary page, so a settle round finds them all.
OWN_CACHE_SIZE = 8192
_OWN_CACHE: Memo[tuple[str, str | None, float | None], list[float]] = Memo(OWN_CACHE_SIZE)
_WORDS_CACHE: Memo[str, list[str]] = Memo(OWN_CACHE_SIZE)
_TALLY_CACHE: Memo[str, tuple[int, ...]] = Memo(OWN_CACHE_SIZE)

#: Lines at least this long are never an end-of-article marker ("167 comments", "Related").
MARKER_MAX_CHARS = 200
#: The marker concept of a line ("" for none), remembered: the settle rounds and the removed
#: lines of other pages ask about the same lines again.
_MARKER_OF: Memo[str, str] = Memo(OWN_CACHE_SIZE)

_WORD = lazy(regex.compile, r"\w+")
_CAP_WORD = lazy(regex.compile, r"(?<!\w)\p{Lu}")
_ALLCAPS_WORD = lazy(regex.compile, r"(?<!\w)\p{Lu}{2,}(?!\w)")
_DIGIT = lazy(regex.compile, r"\d")
_PUNCT = lazy(regex.compile, r"[^\w\s]")
_CAMEL_JOIN = lazy(regex.compile, r"\p{Ll}\p{Lu}")
_SENTENCE_BREAK = lazy(regex.compile, r"[.!?…][\"'”’»)\]]?\s+[\"'“‘«(\[]?\p{Lu}")
_SENTENCE_END = lazy(regex.compile, r"[.!?…][\"'”’»)\]*_]*$")
_TIME_CODE = lazy(regex.compile, r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_YEAR = lazy(regex.compile, r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_URL = lazy(regex.compile, r"https?://|www\.\w", regex.I)  # searched only when "http"/"www." occurs
_EMAIL = lazy(regex.compile, r"[\w.+-]{1,64}@[\w-]{1,63}\.\w")
_HANDLE = lazy(regex.compile, r"(?<![\w@])@\w")
# A markdown link or image: [text](target) with bounded parts (no backtracking blow-up).
_MD_LINK = lazy(regex.compile, r"(!?)\[([^\]\n]{0,400})\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_BULLET = lazy(regex.compile, r"^(?:[*+\-•·▪►–—]\s|\d{1,3}[.)]\s)")
_HEADING = lazy(regex.compile, r"^#{1,6}\s")
_QUOTE_START = lazy(regex.compile, r"^(?:>|[\"“„«‘'])")
_SEPARATORS = lazy(regex.compile, r"[|•·»›/\\>]")
# Cheap exact gates in front of the patterns above (a pattern call costs more than its scan
# on a short line): the characters _SEPARATORS counts, the first characters _QUOTE_START
# accepts, and the ASCII first characters _BULLET may accept (a non-ASCII one may be a digit).
_SEPARATOR_CHARS = "|•·»›/\\>"
_QUOTE_FIRST = frozenset(">\"“„«‘'")
_BULLET_ASCII_FIRST = frozenset("*+-0123456789")
# Decoration around a marker line ("[ 167 comments ]", "— Related —").
_MARKER_EDGES = " []()|:-–—•·*#>«»"
_COPYRIGHT = lazy(regex.compile, r"©|\(c\)\s*\d{4}", regex.I)

# ASCII twins of the patterns that scan a whole line: on a line of ASCII characters only,
# each finds exactly what its Unicode pattern finds there (``\w`` is ``[A-Za-z0-9_]``,
# ``\s`` is ``[\t\n\v\f\r ]``, ``\p{Lu}`` is ``[A-Z]``, ``\p{Ll}`` is ``[a-z]``, ``\d`` is
# ``[0-9]``; the non-ASCII characters of a class never occur), and the standard library's
# engine runs these plain classes about twice as fast. Most lines of most dumps are ASCII.
_ASCII_WORD_CHARS = "A-Za-z0-9_"
_ASCII_SPACE = "\\t\\n\\x0b\\x0c\\r "
_WORD_ASCII = lazy(re.compile, rf"[{_ASCII_WORD_CHARS}]+")
_CAP_WORD_ASCII = lazy(re.compile, rf"(?<![{_ASCII_WORD_CHARS}])[A-Z]")
_ALLCAPS_WORD_ASCII = lazy(re.compile, rf"(?<![{_ASCII_WORD_CHARS}])[A-Z]{{2,}}(?![{_ASCII_WORD_CHARS}])")
_DIGIT_ASCII = lazy(re.compile, r"[0-9]")
_PUNCT_ASCII = lazy(re.compile, rf"[^{_ASCII_WORD_CHARS}{_ASCII_SPACE}]")
_CAMEL_JOIN_ASCII = lazy(re.compile, r"[a-z][A-Z]")
_SENTENCE_BREAK_ASCII = lazy(re.compile, rf"[.!?][\"')\]]?[{_ASCII_SPACE}]+[\"'(\[]?[A-Z]")
#: (word, capitalised word, capitals word, digit, punctuation, camel join, sentence break)
#: patterns: the Unicode ones, and their ASCII twins for lines of ASCII only.
_SCANS = (_WORD, _CAP_WORD, _ALLCAPS_WORD, _DIGIT, _PUNCT, _CAMEL_JOIN, _SENTENCE_BREAK)
_ASCII_SCANS = (
    _WORD_ASCII,
    _CAP_WORD_ASCII,
    _ALLCAPS_WORD_ASCII,
    _DIGIT_ASCII,
    _PUNCT_ASCII,
    _CAMEL_JOIN_ASCII,
    _SENTENCE_BREAK_ASCII,
)


# One pass for five counts of an ASCII line: each character mapped to its class, whose
# pairs and singles ``bytes.count`` then counts (a C loop each, where a pattern call builds
# a list of matches): ``l`` a lower-case letter, ``U`` a capital, ``d`` a digit, ``_``,
# `` `` the white space of _ASCII_SPACE, ``s`` a separator of _SEPARATOR_CHARS, ``.`` any
# other character (punctuation). The classes are those of the ASCII twins above.
_CLASS_OF = bytes(
    ord(
        "l"
        if "a" <= c <= "z"
        else "U"
        if "A" <= c <= "Z"
        else "d"
        if "0" <= c <= "9"
        else "_"
        if c == "_"
        else " "
        if c in "\t\n\x0b\x0c\r "
        else "s"
        if c in _SEPARATOR_CHARS
        else "."
    )
    for c in map(chr, range(256))
)


# A word character of _ASCII_WORD_CHARS stays, any other character becomes a space (for ascii_words).
_WORD_OR_SPACE = bytes(
    c if chr(c).isascii() and (chr(c).isalnum() or c == ord("_")) else ord(" ") for c in range(256)
)


def ascii_counts(text: str) -> tuple[int, int, int, int, int]:
    """(digits, punctuation, separators, capitalised words, camel joins) of an ASCII line.

    What ``_DIGIT``, ``_PUNCT``, the separator count, ``_CAP_WORD`` and
    ``_CAMEL_JOIN`` find there: a capital starts a word when no word character
    (``l``, ``U``, ``d``, ``_``) stands before it, and a camel join is a lower-case
    letter then a capital (two such pairs never overlap, so counting them counts
    the matches).
    """
    return _class_counts(text.encode("ascii"))


def _class_counts(data: bytes) -> tuple[int, int, int, int, int]:
    """:func:`ascii_counts` of the line's ASCII bytes."""
    classes = data.translate(_CLASS_OF)
    count = classes.count
    separators = count(b"s")
    return (
        count(b"d"),
        count(b".") + separators,
        separators,
        count(b" U") + count(b".U") + count(b"sU") + (1 if classes[:1] == b"U" else 0),
        count(b"lU"),
    )


#: What may follow a sentence's last mark at the end of a line (the closing part of _SENTENCE_END).
_SENTENCE_CLOSERS = "\"'”’»)]*_"
_SENTENCE_MARKS = ".!?…"


# Non-ASCII characters that are no word character, no white space, no letter and no digit, and
# that case-fold to themselves: typographic quotes and dashes, bullets, a few signs. A line whose
# other characters are ASCII is scanned as ASCII with each of these read as a ``?`` (punctuation,
# as the Unicode patterns count it; a separator among them is counted apart): most lines with
# curly quotes or a dash are such lines. tests/test_features_marks.py checks each character.
PLAIN_MARKS = "’”“—‘–…«»‹›•·‚„′″€£©®™°§¶†‡¡¿×→←▪►★"
_NON_ASCII_SEPARATORS = "".join(c for c in _SEPARATOR_CHARS if not c.isascii())
# Any character of a line that is neither ASCII nor one of PLAIN_MARKS.
_NOT_MARKED_ASCII = lazy(re.compile, rf"[^\x00-\x7f{PLAIN_MARKS}]")
# _SENTENCE_BREAK on such a line (``\s`` and ``\p{Lu}`` find only ASCII characters there).
_SENTENCE_BREAK_MARKED = lazy(re.compile, rf"[.!?…][\"'”’»)\]]?[{_ASCII_SPACE}]+[\"'“‘«(\[]?[A-Z]")


def is_marked_ascii(text: str) -> bool:
    """Whether every character of ``text`` is ASCII or one of PLAIN_MARKS."""
    return _NOT_MARKED_ASCII.search(text) is None


def marked_counts(text: str) -> tuple[int, int, int, int, int]:
    """:func:`ascii_counts` of a line of ASCII and PLAIN_MARKS (see :func:`is_marked_ascii`)."""
    digits, puncts, separators, caps, camels = _class_counts(text.encode("ascii", "replace"))
    return digits, puncts, separators + sum(map(text.count, _NON_ASCII_SEPARATORS)), caps, camels


def marked_words(text: str) -> list[str]:
    """:func:`ascii_words` of a line of ASCII and PLAIN_MARKS (the marks part words, as spaces do)."""
    return text.encode("ascii", "replace").translate(_WORD_OR_SPACE).decode("ascii").split()


def ends_sentence(text: str) -> bool:
    """``_SENTENCE_END.search(text[-4:])``: a sentence mark, then only closing characters, at the end.

    The pattern's ``$`` also matches before a final newline, so the tail without
    it is tried too.
    """
    tail = text[-4:]
    head = tail.rstrip(_SENTENCE_CLOSERS)
    if head and head[-1] in _SENTENCE_MARKS:
        return True
    if tail.endswith("\n"):
        head = tail[:-1].rstrip(_SENTENCE_CLOSERS)
        return bool(head) and head[-1] in _SENTENCE_MARKS
    return False


def _has_sentence_end(text: str) -> bool:
    """The gate of _SENTENCE_BREAK: every break starts with one of these characters."""
    return "." in text or "!" in text or "?" in text or "…" in text


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The lower-cased stopwords of one language."""
    return frozenset(w.lower() for w in lexicon.load("stopwords", lang))


@cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Every stopword of STOPWORD_LANGUAGES, with the languages that list it (kept on disk, see
    :func:`cleaner.lexicon.cached`: building it reads and lower-cases every list, at every start)."""
    return lexicon.cached(
        "stopword-languages", _build_stopword_languages, key=STOPWORD_LANGUAGES, code=(__file__,)
    )


def _build_stopword_languages() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for lang in STOPWORD_LANGUAGES:
        # in list order (not the set's), so that the table is the same in every process
        for word in dict.fromkeys(w.lower() for w in lexicon.load("stopwords", lang)):
            found.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in found.items()}


@cache
def all_stopwords() -> frozenset[str]:
    """Every stopword of STOPWORD_LANGUAGES, whatever its language."""
    return frozenset(_stopword_languages())


def line_words(text: str) -> list[str]:
    """The lower-cased words of a line, remembered (language detection and features both need them).

    The list is shared: callers must not change it.
    """
    words = _WORDS_CACHE.get(text)
    if words is not None:
        return words
    if text.isascii():
        return _WORDS_CACHE.put(text, ascii_words(text.lower()))
    if is_marked_ascii(text):
        return _WORDS_CACHE.put(text, marked_words(text.lower()))
    return _WORDS_CACHE.put(text, _WORD.findall(text.lower()))


def ascii_words(text: str) -> list[str]:
    """``_WORD_ASCII.findall(text)`` of an ASCII line: every other character made a space, then split."""
    return text.encode("ascii").translate(_WORD_OR_SPACE).decode("ascii").split()


_NO_STOPWORDS = (0,) * len(STOPWORD_LANGUAGES)


def line_tally(text: str) -> tuple[int, ...]:
    """The line's word count, then its stopwords of each of STOPWORD_LANGUAGES, remembered.

    A stopword listed by several languages counts for each of them. The settle
    rounds and the lines that pages of a site share ask about the same lines again.
    """
    tally = _TALLY_CACHE.get(text)
    if tally is None:
        words = line_words(text)
        languages_of = _stopword_languages()
        found = list(filter(languages_of.__contains__, words))
        if found:
            counts = Counter(chain.from_iterable(map(languages_of.__getitem__, found)))
            tally = (len(words), *map(counts.__getitem__, STOPWORD_LANGUAGES))
        else:
            tally = (len(words), *_NO_STOPWORDS)
        _TALLY_CACHE.put(text, tally)
    return tally


def detect_language(lines: Sequence[str]) -> str | None:
    """The stopword language that covers the largest share of the words, or None."""
    sample: list[str] = []
    size = 0
    for line in lines:
        sample.append(line)
        size += len(line)
        if size > LANGUAGE_SAMPLE_CHARS:
            break
    # The words of the sample, line by line: the same as those of the lines joined by
    # newlines (no word spans a newline, and lower-casing does not look across one);
    # the sample's words and each language's stopwords, summed over its lines.
    totals = list(map(sum, zip(*map(line_tally, sample), strict=True)))
    if not totals or not totals[0]:
        return None
    words = totals[0]
    best, best_count = None, 0
    for lang, count in zip(STOPWORD_LANGUAGES, totals[1:], strict=True):
        if count > best_count:
            best, best_count = lang, count
    return best if best_count >= MIN_LANGUAGE_SHARE * words else None


#: Names of the line's own features, in row order.
LINE_NAMES: tuple[str, ...] = (
    "log_chars",
    "log_words",
    "mean_word_len",
    "stop_share",
    "log_stops",
    "ends_sentence",
    "ends_colon",
    "ends_comma",
    "starts_upper",
    "starts_lower",
    "bullet",
    "heading",
    "punct_share",
    "commas_per_word",
    "sentences",
    "cap_share",
    "allcaps_share",
    "digit_share",
    "letter_share",
    "time_code",
    "year",
    "url",
    "email",
    "handle",
    "links",
    "link_share",
    "image",
    "separators",
    "copyright",
    "quote_start",
    "camel_joins",
    "question",
)


def line_features(text: str, stop: frozenset[str], link_share: float | None = None) -> list[float]:
    """The line's own features (see :data:`LINE_NAMES`)."""
    n = len(text) or 1
    links = 0
    image = 0.0
    visible = text
    if "](" in text:
        parts: list[str] = []
        linked = 0
        last = 0
        for m in _MD_LINK.finditer(text):
            links += 1
            if m.group(1):
                image = 1.0
            parts.append(text[last : m.start()])
            parts.append(m.group(2))
            linked += len(m.group(2))
            last = m.end()
        if links:
            parts.append(text[last:])
            visible = "".join(parts)
            if link_share is None:
                link_share = linked / (len(visible) or 1)
    if visible.isascii():
        find_words: Callable[[str], list[Any]] = ascii_words
        find_allcaps: Callable[[str], list[Any]] = _ALLCAPS_WORD_ASCII.findall
        find_breaks: Callable[[str], list[Any]] = _SENTENCE_BREAK_ASCII.findall
        digits, puncts, separators, caps, camels = ascii_counts(visible)
    elif is_marked_ascii(visible):
        find_words = marked_words
        find_allcaps = _ALLCAPS_WORD_ASCII.findall
        find_breaks = _SENTENCE_BREAK_MARKED.findall
        digits, puncts, separators, caps, camels = marked_counts(visible)
    else:
        find_words, find_allcaps, find_breaks = _WORD.findall, _ALLCAPS_WORD.findall, _SENTENCE_BREAK.findall
        digits = len(_DIGIT.findall(visible))
        puncts = len(_PUNCT.findall(visible))
        separators = sum(map(visible.count, _SEPARATOR_CHARS))
        caps = len(_CAP_WORD.findall(visible))
        camels = len(_CAMEL_JOIN.findall(visible))
    words = line_words(text) if visible is text else find_words(visible.lower())
    nw = len(words)
    nwd = nw or 1
    stops = sum(map(stop.__contains__, words)) if stop else 0
    word_chars = sum(map(len, words))
    first = text[0]
    last_char = text[-1]
    return [
        math.log1p(len(text)),
        math.log1p(nw),
        word_chars / nwd,
        stops / nwd,
        math.log1p(stops),
        1.0 if ends_sentence(text) else 0.0,
        1.0 if last_char == ":" else 0.0,
        1.0 if last_char in ",;–—-" else 0.0,
        1.0 if first.isupper() else 0.0,
        1.0 if first.islower() else 0.0,
        1.0 if (first in _BULLET_ASCII_FIRST or not first.isascii()) and _BULLET.match(text) else 0.0,
        1.0 if first == "#" and _HEADING.match(text) else 0.0,
        puncts / n,
        visible.count(",") / nwd,
        math.log1p(len(find_breaks(visible))) if _has_sentence_end(visible) else 0.0,
        caps / nwd,
        len(find_allcaps(visible)) / nwd if caps else 0.0,  # a capitals word starts with one
        digits / n,
        (word_chars - digits) / n,
        1.0 if ":" in visible and _TIME_CODE.search(visible) else 0.0,
        1.0 if ("19" in visible or "20" in visible) and _YEAR.search(visible) else 0.0,
        1.0 if ("http" in text or "www." in text or "WWW." in text) and _URL.search(text) else 0.0,
        1.0 if "@" in visible and _EMAIL.search(visible) else 0.0,
        1.0 if "@" in visible and _HANDLE.search(visible) else 0.0,
        math.log1p(links),
        min(1.0, link_share or 0.0),
        image,
        separators / nwd,
        1.0 if ("©" in visible or "(" in visible) and _COPYRIGHT.search(visible) else 0.0,
        1.0 if first in _QUOTE_FIRST else 0.0,
        camels / nwd,
        1.0 if "?" in visible else 0.0,
    ]


_I_CHARS = LINE_NAMES.index("log_chars")
_I_WORDS = LINE_NAMES.index("log_words")
_I_STOP = LINE_NAMES.index("stop_share")
_I_END = LINE_NAMES.index("ends_sentence")
_I_LINK = LINE_NAMES.index("link_share")
_I_CAMEL = LINE_NAMES.index("camel_joins")

#: Which own features of a neighbour enter a line's row.
NEIGHBOUR_FEATURES: tuple[tuple[str, int], ...] = (
    ("log_words", _I_WORDS),
    ("stop_share", _I_STOP),
    ("ends_sentence", _I_END),
    ("link_share", _I_LINK),
)

#: Names of the document-level and position features, in row order.
PLACE_NAMES: tuple[str, ...] = (
    "markdown_style",
    "language_known",
    "log_doc_lines",
    "removed_share",
    "rel_position",
    "rel_char_position",
    "blank_before",
    "blank_after",
    "log_removed_before",
    "log_removed_after",
    "lifted_before",
    "lifted_after",
    "has_title",
    "after_title",
    "title_distance",
    "window_words",
    "window_stop",
    "window_ends",
    "window_links",
    "prose_before",
    "prose_after",
    "is_comment_marker",
    "is_related_marker",
    "comment_markers_before",
    "related_markers_before",
    "log_lines_since_marker",
    "lifted_share_before",
    *(f"{stage}_share_before" for stage in COUNTED_STAGES),
)

#: Names of the pass-1 row: own, neighbours', then place features.
PASS1_NAMES: tuple[str, ...] = (
    LINE_NAMES
    + tuple(f"n{off:+d}_{name}" for off in NEIGHBOUR_OFFSETS for name, _ in NEIGHBOUR_FEATURES)
    + PLACE_NAMES
)

#: Names of the pass-2 extras, appended to the pass-1 row.
PASS2_EXTRA_NAMES: tuple[str, ...] = (
    "p1",
    *(f"p1{off:+d}" for off in NEIGHBOUR_OFFSETS),
    "p1_window_mean",
    "p1_max_before",
    "p1_max_after",
    "in_region",
    "log_lines_before_region",
    "log_lines_after_region",
    "region_share",
    "region_char_share",
    "chars_after_region_share",
    "region_mean_p1",
    "title_in_region",
    "in_tight_region",
    "log_lines_after_tight_region",
    "log_lines_before_tight_region",
    "segment_share",
    "in_largest_segment",
    "segment_side",
    "log_segments_between",
    "first_segment",
)

PASS2_NAMES: tuple[str, ...] = PASS1_NAMES + PASS2_EXTRA_NAMES


class Lines(Frozen):
    """The kept lines of a document with their own features and their place."""

    __slots__ = ("indices", "texts", "own", "rows", "title_at", "language")
    __match_args__ = ("indices", "texts", "own", "rows", "title_at", "language")

    indices: list[int]  # block index of each kept line
    texts: list[str]
    own: list[list[float]]  # LINE_NAMES per line
    rows: list[list[float]]  # PASS1_NAMES per line
    title_at: int | None  # kept-line position at which the lifted headline stood
    language: str | None

    def __init__(
        self,
        indices: list[int],
        texts: list[str],
        own: list[list[float]],
        rows: list[list[float]],
        title_at: int | None,
        language: str | None,
    ) -> None:
        self._set(indices, texts, own, rows, title_at, language)


def _prose_like(f: list[float]) -> float:
    """A rough prose indicator used in windows: long, with stopwords, sentence-shaped."""
    return 1.0 if f[_I_WORDS] >= 2.4 and f[_I_STOP] >= 0.15 and f[_I_LINK] < 0.5 else 0.0


def _offset_runs(offsets: Sequence[int]) -> list[tuple[int, int]]:
    """``(-3, -2, -1, 1, 2, 3)`` -> ``[(-3, -1), (1, 3)]``: runs of consecutive offsets, in order."""
    runs: list[tuple[int, int]] = []
    for off in offsets:
        if runs and runs[-1][1] + 1 == off:
            runs[-1] = (runs[-1][0], off)
        else:
            runs.append((off, off))
    return runs


_PICKS: tuple[int, ...] = tuple(idx for _, idx in NEIGHBOUR_FEATURES)
_REACH = max(abs(off) for off in NEIGHBOUR_OFFSETS)
#: Where the lines before and the lines after a line lie in the padded flat list of neighbour
#: values, relative to the line's own place (NEIGHBOUR_OFFSETS is these two runs).
_SPANS: tuple[tuple[int, int], ...] = tuple(
    ((first + _REACH) * len(_PICKS), (last + _REACH + 1) * len(_PICKS))
    for first, last in _offset_runs(NEIGHBOUR_OFFSETS)
)
#: The same for the neighbours' pass-1 probabilities (one value per line).
_P1_SPANS: tuple[tuple[int, int], ...] = tuple(
    (first + _REACH, last + _REACH + 1) for first, last in _offset_runs(NEIGHBOUR_OFFSETS)
)
assert len(_SPANS) == 2, "NEIGHBOUR_OFFSETS must be a run before the line and a run after it"
#: The slot of each counted stage in the running counts (slot 0 counts lifted lines).
_STAGE_SLOT: dict[str, int] = {stage: n for n, stage in enumerate(COUNTED_STAGES, 1)}
#: Counts that enter a row capped at this (blank lines, lifted lines, markers before a line) ...
_CAP = 3
#: ... as floats, the row's type throughout: the trees compare floats with floats (an int
#: among them takes the interpreter's slow path at every comparison).
_CAPPED: tuple[float, ...] = tuple(float(v) for v in range(_CAP + 1))


def collect(doc: Document) -> Lines:
    """Features of every kept, non-empty line of ``doc`` (the pass-1 rows)."""
    blocks = doc.blocks
    indices: list[int] = []
    texts: list[str] = []
    blank_before: list[int] = []
    removed_before: list[int] = []
    lifted_before: list[int] = []
    title_block: int | None = None
    blanks = removed = lifted = 0
    markers = phrase_set(*MARKER_CONCEPTS)
    comment_concept, related_concept = MARKER_CONCEPTS
    # Running counts, recorded for each kept line: lifts, then removals by stage (the order
    # of PLACE_NAMES); markers.
    stage_slot = _STAGE_SLOT
    running = [0] * (len(COUNTED_STAGES) + 1)
    comments_seen = related_seen = 0
    last_marker: int | None = None
    # The running counts as they stood before each kept line: one snapshot for each run of kept
    # lines with no counted line between them, and each kept line's snapshot.
    snapshots: list[tuple[int, ...]] = []
    snapshot_at: list[int] = []
    fresh = False
    marker_rows: list[tuple[float, float, float, float, float]] = []
    hit: str | None
    marker_of = _MARKER_OF
    for i, block in enumerate(blocks):
        removal = block.removal
        text = block.text
        if text and len(text) < MARKER_MAX_CHARS and (removal is None or removal.reason != "blank line"):
            concept = marker_of.get(text)
            if concept is None:
                found = markers.find(text.strip(_MARKER_EDGES))
                concept = marker_of.put(text, "" if found is None else found.concept)
            hit = concept or None
        else:
            hit = None
        if removal is None and text:
            indices.append(i)
            texts.append(text)
            blank_before.append(blanks)
            removed_before.append(removed)
            lifted_before.append(lifted)
            if not fresh:
                snapshots.append(tuple(running))
                fresh = True
            snapshot_at.append(len(snapshots) - 1)
            since = math.log1p(len(indices) - 1 - last_marker) if last_marker is not None else 0.0
            marker_rows.append(
                (
                    1.0 if hit == comment_concept else 0.0,
                    1.0 if hit == related_concept else 0.0,
                    _CAPPED[comments_seen] if comments_seen < _CAP else _CAPPED[_CAP],
                    _CAPPED[related_seen] if related_seen < _CAP else _CAPPED[_CAP],
                    since,
                )
            )
            blanks = removed = lifted = 0
        elif removal is None or removal.reason == "blank line" or not text.strip():
            blanks += 1
        elif removal.field is not None:
            lifted += 1
            running[0] += 1
            fresh = False
            if removal.field == "title" and title_block is None:
                title_block = i
        else:
            removed += 1
            slot = stage_slot.get(removal.stage)
            if slot is not None:
                running[slot] += 1
                fresh = False
        if hit is not None:
            if hit == comment_concept:
                comments_seen += 1
            else:
                related_seen += 1
            last_marker = len(indices)
    n = len(indices)
    blank_after = blank_before[1:] + [blanks]
    removed_after = removed_before[1:] + [removed]
    lifted_after = lifted_before[1:] + [lifted]

    language = detect_language(texts)
    stop = stopwords(language) if language else frozenset()
    own: list[list[float]] = []
    remembered = _OWN_CACHE
    for t, i in zip(texts, indices, strict=True):
        share = blocks[i].hints.get("link_share")
        key = (t, language, share)
        f = remembered.get(key)
        own.append(f if f is not None else remembered.put(key, line_features(t, stop, share)))

    title_at: int | None = None
    if title_block is not None:
        title_at = sum(1 for i in indices if i < title_block)

    total_chars = sum(len(t) for t in texts) or 1
    doc_lines = math.log1p(n)
    removed_share = 1.0 - n / (len(blocks) or 1)
    markdown = 1.0 if doc.style == "markdown" else 0.0
    known = 1.0 if language else 0.0
    # Prefix sums for window means, one column each (the same additions in the same order).
    cums = [list(accumulate([f[i] for f in own], initial=0.0)) for i in (_I_WORDS, _I_STOP, _I_END, _I_LINK)]
    cum_prose = list(accumulate(map(_prose_like, own), initial=0.0))

    # Each count as a share of the page's total; a count whose total is 0 is 0 itself (0 / 1).
    totals = [t or 1 for t in running]
    snapshot_shares = [tuple(map(operator.truediv, counts, totals)) for counts in snapshots]
    # What a neighbour shows of itself, all lines in one flat list padded with zeros at both
    # ends, so the lines before and the lines after a line are each one slice.
    w = len(_PICKS)
    pad = [0.0] * (_REACH * w)
    flat = pad + [f[idx] for f in own for idx in _PICKS] + pad
    (before_lo, before_hi), (after_lo, after_hi) = _SPANS
    if not n:
        return Lines(indices, texts, own, [], title_at, language)
    # The place features column by column (each value computed as a row-by-row loop would),
    # then put together line by line.
    ks = range(n)
    # max(0, k - WINDOW) and min(n, k + WINDOW + 1) of each line k, as runs
    los = [0] * min(n, WINDOW + 1) + list(range(1, n - WINDOW))
    his = list(range(WINDOW + 1, n)) + [n] * min(n, WINDOW + 1)
    chars_before = list(accumulate((len(t) for t in texts[:-1]), initial=0))
    log1p = math.log1p
    if title_at is None:
        after_title = title_distance = [0.0] * n
    else:
        after_title = [1.0 if k >= title_at else -1.0 for k in ks]
        title_distance = [log1p(abs(k - title_at)) for k in ks]
    capped = _CAPPED
    cap = capped[_CAP]
    spans = [hi - lo for lo, hi in zip(los, his, strict=True)]
    windows = [[(c[hi] - c[lo]) / span for lo, hi, span in zip(los, his, spans, strict=True)] for c in cums]
    place = zip(
        [k / n for k in ks],
        [c / total_chars for c in chars_before],
        [capped[v] if v < _CAP else cap for v in blank_before],
        [capped[v] if v < _CAP else cap for v in blank_after],
        [log1p(v) for v in removed_before],
        [log1p(v) for v in removed_after],
        [capped[v] if v < _CAP else cap for v in lifted_before],
        [capped[v] if v < _CAP else cap for v in lifted_after],
        after_title,
        title_distance,
        *windows,
        [cum_prose[k] - cum_prose[lo] for k, lo in zip(ks, los, strict=True)],
        [cum_prose[hi] - cum_prose[k + 1] for k, hi in zip(ks, his, strict=True)],
        [snapshot_shares[j] for j in snapshot_at],
        strict=True,
    )
    has_title = 0.0 if title_at is None else 1.0
    rows: list[list[float]] = [
        [
            *own[k],
            *flat[k * w + before_lo : k * w + before_hi],
            *flat[k * w + after_lo : k * w + after_hi],
            markdown,
            known,
            doc_lines,
            removed_share,
            rel,
            rel_chars,
            bb,
            ba,
            rb,
            ra,
            lb,
            la,
            has_title,
            at,
            td,
            ww,
            ws,
            we,
            wl,
            pb,
            pa,
            *marker_rows[k],
            *shares,
        ]
        for k, (rel, rel_chars, bb, ba, rb, ra, lb, la, at, td, ww, ws, we, wl, pb, pa, shares) in enumerate(
            place
        )
    ]
    return Lines(indices, texts, own, rows, title_at, language)


def main_region(
    p1: Sequence[float], own: Sequence[Sequence[float]], margin: float = REGION_MARGIN
) -> tuple[int, int]:
    """The contiguous run of lines ``[start, end)`` where the main text lives.

    Each line scores ``(p1 - REGION_MARGIN)`` times its weight (longer lines
    weigh more); the region is the run with the largest total (Kadane). An
    empty document, or one with no line above the margin, gives ``(0, 0)``.
    """
    best = 0.0
    best_span = (0, 0)
    run = 0.0
    start = 0
    for k, p in enumerate(p1):
        weight = own[k][_I_WORDS]
        run += (p - margin) * weight
        if run <= 0.0:
            run = 0.0
            start = k + 1
        elif run > best:
            best = run
            best_span = (start, k + 1)
    return best_span


def segments(p1: Sequence[float], own: Sequence[Sequence[float]]) -> list[tuple[int, int, float]]:
    """Runs of prose ``(start, end, mass)``: lines above the margin, split by SEGMENT_GAP weak lines.

    The mass of a segment is the sum of ``p1 * log(words)`` over its lines.
    """
    out: list[tuple[int, int, float]] = []
    start: int | None = None
    last_good = -1
    mass = 0.0
    for k, p in enumerate(p1):
        if p >= REGION_MARGIN:
            if start is None:
                start = k
            elif k - last_good > SEGMENT_GAP:
                out.append((start, last_good + 1, mass))
                start, mass = k, 0.0
            last_good = k
        if start is not None:
            mass += p * own[k][_I_WORDS]
    if start is not None:
        out.append((start, last_good + 1, mass))
    return out


def pass2_rows(lines: Lines, p1: Sequence[float]) -> list[list[float]]:
    """The pass-2 rows: pass-1 rows plus neighbours' probabilities and the main region."""
    n = len(p1)
    start, end = main_region(p1, lines.own)
    region_len = end - start
    lengths = [len(t) for t in lines.texts]
    total_chars = sum(lengths) or 1
    region_chars = sum(lengths[start:end])
    after_chars = sum(lengths[end:])
    region_mean = sum(p1[start:end]) / region_len if region_len else 0.0
    title_in = 0.0
    if lines.title_at is not None and region_len:
        title_in = 1.0 if start - 3 <= lines.title_at <= end else -1.0
    tight_start, tight_end = main_region(p1, lines.own, TIGHT_REGION_MARGIN)
    segs = segments(p1, lines.own)
    total_mass = sum(m for _, _, m in segs) or 1.0
    largest = max(range(len(segs)), key=lambda j: segs[j][2]) if segs else -1
    seg_of = [-1] * n
    for j, (a, b, _) in enumerate(segs):
        for k in range(a, b):
            seg_of[k] = j
    cum = [0.0]
    for p in p1:
        cum.append(cum[-1] + p)
    reach = _REACH
    padded = [0.0] * reach + list(p1) + [0.0] * reach  # the neighbours' p1, zeros beyond the ends
    (b_lo, b_hi), (a_lo, a_hi) = _P1_SPANS
    # What depends on the segments: (segment_share, in_largest_segment, segment_side,
    # log_segments_between, first_segment) of a line in each segment, and between segments.
    seg_place = [
        (
            mass / total_mass,
            1.0 if j == largest else 0.0,
            0.0 if j == largest else (1.0 if j > largest else -1.0),
            math.log1p(abs(j - largest)),
            1.0 if j == 0 else 0.0,
        )
        for j, (_, _, mass) in enumerate(segs)
    ]
    log1p = math.log1p
    region_share = region_len / n
    region_char_share = region_chars / total_chars
    after_share = after_chars / total_chars
    rows: list[list[float]] = []
    for k in range(n):
        lo = k - WINDOW if k > WINDOW else 0
        hi = k + WINDOW + 1 if k + WINDOW + 1 < n else n
        before = p1[k - 3 if k > 3 else 0 : k]
        after = p1[k + 1 : k + 4]
        j = seg_of[k]
        if j < 0:  # between segments: the side of the largest one, by position
            side = 0.0
            if largest >= 0:
                side = 1.0 if k >= segs[largest][1] else -1.0 if k < segs[largest][0] else 0.0
            seg = (0.0, 0.0, side, 0.0, 0.0)
        else:
            seg = seg_place[j]
        rows.append(
            [
                *lines.rows[k],
                p1[k],
                *padded[k + b_lo : k + b_hi],
                *padded[k + a_lo : k + a_hi],
                (cum[hi] - cum[lo]) / (hi - lo),
                max(before) if before else 0.0,
                max(after) if after else 0.0,
                1.0 if start <= k < end else 0.0,
                log1p(start - k) if k < start else 0.0,
                log1p(k - end + 1) if k >= end else 0.0,
                region_share,
                region_char_share,
                after_share,
                region_mean,
                title_in,
                1.0 if tight_start <= k < tight_end else 0.0,
                log1p(k - tight_end + 1) if k >= tight_end else 0.0,
                log1p(tight_start - k) if k < tight_start else 0.0,
                *seg,
            ]
        )
    return rows
