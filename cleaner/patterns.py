"""Lexicon concepts compiled once into lookup tables and regexes, for the line-filter stages.

A lexicon entry (see :mod:`cleaner.lexicon`) says how it may sit in a line:

``sign in``
    the whole line (its :func:`core`) is the phrase;
``sign up for our newsletter …``
    the line starts with the phrase (a prompt that goes on) and is short;
``… all rights reserved``
    the line ends with the phrase and is short;
``… all rights reserved …``
    the line contains the phrase and is short;
``sign up … newsletter``
    the line starts with the first phrase, has the second later, and is short;
``{n} comments``
    ``{n}`` stands for any number.

"Short" is at most :data:`PROMPT_MAX_WORDS` words: a line-filter only drops
lines that are junk as a whole, so a long sentence that happens to begin with
"Sign up" is left to the content classifier.

:func:`phrase_set` compiles the entries of one or more concepts into lookup
tables (a dict for whole lines, prefix/suffix buckets, one regex for the
contains-phrases), so a stage asks one cheap question per line and learns which
concept answered. :func:`item_set` does the same for menus: a line that splits
into nothing but known items.
"""

from __future__ import annotations

import marshal
import re
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable
from functools import cache, cached_property, lru_cache
from itertools import chain
from typing import Any, TypeVar, cast

import regex

from . import lexicon
from .compiled import compile as compile_kept
from .document import Frozen
from .memo import Memo

P = TypeVar("P")


class LazyPattern:
    """A pattern compiled on its first use: what :func:`lazy` returns."""

    def __init__(self, compile: Callable[[str, int], object], source: str, flags: int) -> None:
        self._compile = compile
        self._source = source
        self._flags = flags

    @cached_property
    def compiled(self) -> Any:
        """The compiled pattern (compiled now, if this is its first use; kept on disk for later processes)."""
        return compile_kept(self._compile, self._source, self._flags)

    def __getattr__(self, name: str) -> Any:
        # Reached only for what is not on the object yet: the first ``search``, ``sub``,
        # ``pattern`` ... Each attribute of the compiled pattern is then kept on the
        # object, where the next lookup finds it as fast as on the pattern itself.
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(compile: Callable[[str, int], P], source: str, flags: int = 0) -> P:
    r"""``compile(source, flags)``, done when the pattern is first used rather than now.

    Module-level patterns are written ``_WORD = lazy(regex.compile, r"\w+")``:
    importing a module then compiles nothing, and a run compiles only the
    patterns it uses (a short text dump never needs the markdown ones; compiling
    every stage's patterns at import was 6% of the instructions of a small run).
    The object answers ``search``, ``sub``, ``pattern`` ... as the compiled
    pattern does; it is not one (``isinstance`` and passing it to
    ``regex.sub`` do not work), so keep it to method calls. Its
    :attr:`~LazyPattern.compiled` is the pattern itself (the regex audit of the
    tests compiles every one through it).
    """
    return cast(P, LazyPattern(compile, source, flags))


#: Lines longer than this (in words) are never matched by prefix/suffix/contains entries.
PROMPT_MAX_WORDS = 25
#: Menu counts remembered per item set (the same line is asked about twice, and by several stages).
COUNT_CACHE_SIZE = 65536
#: Line keys and index lookups remembered (enough for every line of a large dump: stages ask in turn).
LINE_CACHE_SIZE = 65536
#: Answers remembered per phrase set (several stages ask about the same line).
FOUND_CACHE_SIZE = 65536
_UNKNOWN = object()
#: Prefix and suffix entries are looked up by this many of their first (last) characters.
BUCKET = 4
#: Lines longer than this (in characters) are never looked at by the phrase sets.
MAX_LINE_CHARS = 400

ELLIPSIS = "…"
#: In an entry, ``{n}`` stands for a number (``{n} comments``, ``page {n} of {n}``).
NUMBER = "{n}"
_NUMBER_SOURCE = r"\d+(?:[.,:]\d+)*"

_FLAGS = regex.IGNORECASE | regex.V0

# Decoration around a line that does not change what it says: bullets, arrows,
# pipes, dashes, quote marks, trailing punctuation and counters like "(12)".
_LEAD_CHARS = "¿¡( \t-–—•·∙◦▪▫■□●○▸►▶▹▻→←↑↓⇒»«›‹>|*#:;,+=~\"“”„'‘’"
_TRAIL_CHARS = " \t-–—•·∙◦▪▫■□●○▸►▶▹▻▾▼→←↑↓⇒»«›‹<>|*:;,.!?…\"“”„'‘’"
_COUNTER_CHARS = frozenset("0123456789,.")


def _strip_counter(text: str) -> str:
    """``"Comments (12)"`` -> ``"Comments "``; other text unchanged."""
    if text.endswith(")") or text.endswith("]"):
        opening = text.rfind("(" if text[-1] == ")" else "[")
        inner = text[opening + 1 : -1]
        if opening >= 0 and inner and inner[0].isdigit() and set(inner) <= _COUNTER_CHARS:
            return text[:opening]
    return text


def core(text: str) -> str:
    """The line without surrounding decoration: ``"» Sign in »"`` -> ``"Sign in"``."""
    text = text.lstrip(_LEAD_CHARS)
    if text[-1:] not in _TRAIL_CHARS and text[-1] not in ")]":
        return text  # most lines: nothing at the end to strip
    while True:
        stripped = _strip_counter(text.rstrip(_TRAIL_CHARS))
        if stripped.endswith(")") and "(" not in stripped:
            stripped = stripped[:-1]
        if stripped == text:
            return text
        text = stripped


_APOSTROPHE = "['’ʼ`]"
_WORD_CHAR = lazy(regex.compile, r"\w")


def _word_source(word: str) -> str:
    pieces = []
    for i, chunk in enumerate(word.split(NUMBER)):
        if i:
            pieces.append(_NUMBER_SOURCE)
        pieces.append(_APOSTROPHE.join(regex.escape(p) for p in chunk.replace("’", "'").split("'")))
    return "".join(pieces)


def entry_source(phrase: str) -> str:
    """Regex source for one phrase: flexible spaces and apostrophes, ``{n}`` for a number."""
    return r"\s+".join(_word_source(word) for word in phrase.split())


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """One non-capturing alternation of phrases, longest first (so the longest wins)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(entry_source(p) for p in ordered) + ")" if ordered else "(?!)"


class Entries(Frozen):
    """The entries of a concept sorted by how they may sit in a line.

    ``prompts`` are the ``sign up … newsletter`` entries: (start, a phrase that must follow
    later in the line).
    """

    __slots__ = ("whole", "prefix", "suffix", "contains", "prompts")
    __match_args__ = ("whole", "prefix", "suffix", "contains", "prompts")

    whole: tuple[str, ...]
    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    contains: tuple[str, ...]
    prompts: tuple[tuple[str, str], ...]

    def __init__(
        self,
        whole: tuple[str, ...],
        prefix: tuple[str, ...],
        suffix: tuple[str, ...],
        contains: tuple[str, ...],
        prompts: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self._set(whole, prefix, suffix, contains, prompts)

    def phrases(self) -> tuple[str, ...]:
        """Every literal phrase of the concept (prompts by their start)."""
        return self.whole + self.prefix + self.suffix + self.contains + tuple(p for p, _ in self.prompts)


@cache
def entries(concept: str) -> Entries:
    """The lexicon entries of ``concept`` (all languages), lower-cased and sorted by kind.

    Read from the copy kept on disk of every concept's entries, when there is one
    (a stage that reads a concept's entries at import paid ~7 K instructions an entry).
    """
    kept = _kept_entries().get(concept)
    if kept is not None:
        return Entries(*marshal.loads(kept))
    return Entries(*_sorted_entries(concept))


@cache
def _kept_entries() -> dict[str, bytes]:
    """Every concept's entries as :func:`_sorted_entries` gives them, marshalled by concept (or nothing)."""
    return lexicon.kept_whole("entries", _all_entries, code=(__file__,)) or {}


def _all_entries() -> dict[str, bytes]:
    return {concept: marshal.dumps(_sorted_entries(concept)) for concept in lexicon.concepts()}


_SortedEntries = tuple[
    tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]
]


def _sorted_entries(concept: str) -> _SortedEntries:
    """The fields of :func:`entries`, from the lists."""
    whole: list[str] = []
    prefix: list[str] = []
    suffix: list[str] = []
    contains: list[str] = []
    prompts: list[tuple[str, str]] = []
    for raw in lexicon.load(concept):
        entry = raw.lower()
        head = entry.startswith(ELLIPSIS + " ")
        tail = entry.endswith(" " + ELLIPSIS)
        phrase = entry.strip(ELLIPSIS + " ")
        if not phrase:
            continue
        inner = f" {ELLIPSIS} "
        if inner in phrase and not head:
            start, later = phrase.split(inner, 1)
            prompts.append((start.strip(), later.strip(ELLIPSIS + " ")))
        elif head and tail:
            contains.append(phrase)
        elif head:
            suffix.append(phrase)
        elif tail:
            prefix.append(phrase)
        else:
            whole.append(phrase)
    return tuple(whole), tuple(prefix), tuple(suffix), tuple(contains), tuple(prompts)


_NUMBER_RUN = lazy(regex.compile, r"\d+(?:[.,:]\d+)*")
_DIGIT = lazy(regex.compile, r"\d")
# Their ASCII twins, for text of ASCII characters only (where ``\d`` is ``[0-9]``): they find
# the same there, and the standard library's engine is quicker at plain classes.
_NUMBER_RUN_ASCII = lazy(re.compile, r"[0-9]+(?:[.,:][0-9]+)*")
_DIGIT_ASCII = lazy(re.compile, r"[0-9]")


def fold(text: str) -> str:
    """The matching key of a line or entry: case-folded, one space, ``’`` as ``'``, numbers as ``{n}``."""
    text = text.casefold()
    if text.isascii():  # (no apostrophe variant, combining dot or no-break space to look for)
        if _DIGIT_ASCII.search(text) is not None:
            text = _NUMBER_RUN_ASCII.sub(NUMBER, text)
        if "  " in text or "\t" in text or text[:1].isspace() or text[-1:].isspace():
            text = " ".join(text.split())
        return text
    if "’" in text or "ʼ" in text or "\u0307" in text:
        text = text.replace("’", "'").replace("ʼ", "'").replace("\u0307", "")
    if _DIGIT.search(text) is not None:
        text = _NUMBER_RUN.sub(NUMBER, text)
    if "  " in text or "\t" in text or "\xa0" in text or text[:1].isspace() or text[-1:].isspace():
        text = " ".join(text.split())
    return text


#: Lexicon entries folded once: the shared index and the menu item sets fold the same entries.
_FOLDED: dict[str, str] = {}


def _fold_entry(entry: str) -> str:
    """:func:`fold` of a lexicon entry, remembered."""
    folded = _FOLDED.get(entry)
    if folded is None:
        folded = _FOLDED[entry] = fold(entry)
    return folded


def _fold_entries(phrases: list[str]) -> None:
    """Fold many lexicon entries at once (start-up time): the steps of :func:`fold`, on all of them.

    Entries are lines of the lexicon files, so none holds a newline: the entries
    are joined by newlines, case-folded and rid of apostrophe variants and numbers
    in one pass each (no step reaches across a newline), then split again; only
    the whitespace step goes entry by entry, as :func:`fold` decides it per line.
    """
    todo = [p for p in dict.fromkeys(phrases) if p not in _FOLDED and "\n" not in p]
    if not todo:
        return
    text = "\n".join(todo).casefold()
    if "’" in text or "ʼ" in text or "\u0307" in text:
        text = text.replace("’", "'").replace("ʼ", "'").replace("\u0307", "")
    if _DIGIT.search(text) is not None:
        text = _NUMBER_RUN.sub(NUMBER, text)
    folded = text.split("\n")
    if len(folded) != len(todo):  # a newline appeared after all: fold one by one
        for p in todo:
            _fold_entry(p)
        return
    if "  " in text or "\t" in text or "\xa0" in text or any(key != key.strip() for key in folded):
        for phrase, key in zip(todo, folded, strict=True):
            if "  " in key or "\t" in key or "\xa0" in key or key[:1].isspace() or key[-1:].isspace():
                key = " ".join(key.split())
            _FOLDED[phrase] = key
    else:  # no entry has a space to collapse
        _FOLDED.update(zip(todo, folded, strict=True))


#: A line is looked at for run-together words when it has fewer spaces than one per this many characters.
GLUED_CHARS_PER_SPACE = 8
# Where words of adjacent page elements ran together in a soup dump:
# "HomeNewsSport", "ImpressumDatenschutzAGBKontakt".
_GLUE = lazy(regex.compile, r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})")
_GLUED = lazy(regex.compile, r"\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}")
# Their ASCII twins (``\p{Ll}`` is ``[a-z]`` and ``\p{Lu}`` is ``[A-Z]`` there), as for fold's.
_GLUE_ASCII = lazy(re.compile, r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_GLUED_ASCII = lazy(re.compile, r"[a-z][A-Z]|[A-Z][A-Z][a-z]")


def unglue(text: str) -> str:
    """``"HomeNewsSport"`` -> ``"Home News Sport"``: a space where case says a new word starts."""
    return (_GLUE_ASCII if text.isascii() else _GLUE).sub(" ", text)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def line_key(text: str) -> tuple[str, str, str]:
    """``(core, key, unglued key)`` of a line, remembered: every filter stage asks for the same lines.

    ``key`` is :func:`fold` of the :func:`core`; the unglued key is the key of
    the core with run-together words split (:func:`unglue`), or ``""`` when
    nothing in the line looks run together.
    """
    line = core(text)
    if not line:
        return "", "", ""
    # Run-together text has few spaces for its length; prose has one every few characters.
    few_spaces = line.count(" ") * GLUED_CHARS_PER_SPACE < len(line) <= MAX_LINE_CHARS
    glued = ""
    if few_spaces and (_GLUED_ASCII if line.isascii() else _GLUED).search(line):
        glued = fold(unglue(line))
    return line, fold(line), glued


def _word_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _has_phrase(text: str, phrase: str, start: int = 0) -> bool:
    """``phrase`` occurs in ``text`` from ``start`` on, not inside a longer word."""
    at = text.find(phrase, start)
    while at >= 0:
        end = at + len(phrase)
        if not (_word_at(phrase, 0) and _word_at(text, at - 1)) and not (
            _word_at(phrase, len(phrase) - 1) and _word_at(text, end)
        ):
            return True
        at = text.find(phrase, at + 1)
    return False


_WORD_RUN = lazy(regex.compile, r"\w+")
# Its ASCII twin, for lines of ASCII characters only (``\w`` is ``[0-9A-Za-z_]`` there), as for fold's.
_WORD_RUN_ASCII = lazy(re.compile, r"[0-9A-Za-z_]+")


def _is_word_char(char: str) -> bool:
    r"""``char`` is a ``\w`` of :mod:`regex` (letters, marks, digits, connectors)."""
    return _WORD_CHAR.match(char) is not None


def contains_source(phrase: str) -> str:
    """Regex source of one contains-phrase: the literal, not inside a longer word at a letter-or-digit end."""
    return (
        (r"(?<!\w)" if _word_at(phrase, 0) else "")
        + regex.escape(phrase)
        + (r"(?!\w)" if _word_at(phrase, len(phrase) - 1) else "")
    )


#: What a :class:`ContainsMatcher` looks phrases up in: by first word, by first sign, the sign
#: phrases by an inner word and the rest, and the source of the fallback alternation (or None).
_MatcherTables = tuple[
    dict[str, list[str]], dict[str, list[str]], dict[str, list[str]], dict[str, list[str]], "str | None"
]


def _matcher_tables(phrases: Iterable[str]) -> _MatcherTables:
    """The tables of a :class:`ContainsMatcher` of ``phrases`` (longest first in every list)."""
    ordered = sorted(dict.fromkeys(phrases), key=lambda p: -len(p))
    by_word: dict[str, list[str]] = {}
    by_sign: dict[str, list[str]] = {}
    odd: list[str] = []
    for phrase in ordered:
        bounded = _word_at(phrase, 0)
        if not phrase or bounded != _is_word_char(phrase[0]):
            odd.append(phrase)  # a first character str and regex disagree on
        elif bounded:
            word = _WORD_RUN.match(phrase).group()  # type: ignore[union-attr]  # phrase[0] is \w
            if word == phrase and not _word_at(phrase, len(phrase) - 1):
                odd.append(phrase)  # one word with no boundary at its end: the line's word may go on
            else:
                by_word.setdefault(word, []).append(phrase)
        else:
            by_sign.setdefault(phrase[0], []).append(phrase)
    fallback = "|".join(map(contains_source, ordered)) if odd else None
    # The quick test of :meth:`ContainsMatcher.find_all` for phrases that begin with a sign:
    # a phrase that occurs in a line has each word it holds between two signs ("geleden" of
    # "{n} dagen geleden") as a whole word of the line, so such a phrase is tried only on
    # lines that have its longest such word; the others where their sign occurs.
    sign_gate: dict[str, list[str]] = {}
    sign_rest: dict[str, list[str]] = {}
    for sign, signed in by_sign.items():
        for phrase in signed:
            inner = [
                m.group()
                for m in _WORD_RUN.finditer(phrase)
                if m.start() > 0 and m.end() < len(phrase) and len(m.group()) > 1
            ]
            if inner:
                sign_gate.setdefault(max(inner, key=len), []).append(phrase)
            else:
                sign_rest.setdefault(sign, []).append(phrase)
    return by_word, by_sign, sign_gate, sign_rest, fallback


class ContainsMatcher:
    r"""Finds literal phrases in a line as one regex alternation of them would, without compiling one.

    The alternation (longest phrase first) is ``(?<!\w)phrase(?!\w)`` per
    phrase, each boundary only where the phrase begins (ends) with a letter or
    digit. :meth:`find_all` gives what its ``finditer`` gives: scanning left to
    right, at each place the longest phrase that fits, the next search after
    its end. A phrase that begins with a letter can only start where a word
    starts, and that word must be the phrase's first word (``\w`` run), so the
    phrases are looked up by the words of the line; a phrase that begins with
    a sign (``(``, ``{n}``) is looked up where that sign occurs. Compiling a
    regex of a few hundred phrases costs more than a short run spends cleaning.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self._use(_matcher_tables(phrases))

    @classmethod
    def from_tables(cls, tables: _MatcherTables) -> ContainsMatcher:
        """The matcher of the tables :func:`_matcher_tables` made (kept on disk with the phrase index)."""
        matcher = cls.__new__(cls)
        matcher._use(tables)
        return matcher

    def _use(self, tables: _MatcherTables) -> None:
        self.by_word, self.by_sign, self.sign_gate, self.sign_rest, fallback = tables
        #: Phrases the lookup cannot place: then the whole alternation is compiled, as before.
        self.fallback = regex.compile(fallback) if fallback is not None else None

    def find_all(self, line: str) -> list[str]:
        """The phrases found in ``line``, left to right, not overlapping (``finditer`` of the alternation)."""
        if self.fallback is not None:
            return [m.group() for m in self.fallback.finditer(line)]
        by_word = self.by_word
        gate = self.sign_gate
        # Every phrase found is a substring of the line: most lines hold none of the phrases
        # of their words (nor of their signs), and need no scan.
        word_run = _WORD_RUN_ASCII if line.isascii() else _WORD_RUN
        words = word_run.findall(line)
        candidates = chain.from_iterable(map(by_word.__getitem__, by_word.keys() & words))
        gated = chain.from_iterable(map(gate.__getitem__, gate.keys() & words))
        signed = chain.from_iterable(phrases for sign, phrases in self.sign_rest.items() if sign in line)
        if not any(phrase in line for phrase in chain(candidates, gated, signed)):
            return []
        starts = [(m.start(), by_word[m.group()]) for m in word_run.finditer(line) if m.group() in by_word]
        for sign, phrases in self.by_sign.items():
            at = line.find(sign)
            while at >= 0:
                starts.append((at, phrases))
                at = line.find(sign, at + 1)
        if len(starts) > 1:
            starts.sort(key=lambda start: start[0])
        found: list[str] = []
        end = 0
        for at, phrases in starts:
            if at < end:
                continue
            for phrase in phrases:
                if line.startswith(phrase, at) and not (
                    _word_at(phrase, len(phrase) - 1) and _WORD_CHAR.match(line, at + len(phrase))
                ):
                    found.append(phrase)
                    end = at + len(phrase)
                    break
        return found


class Hit(Frozen):
    """Which concept matched a line, and how (``whole``, ``prefix``, ``suffix``, ``contains``)."""

    __slots__ = ("concept", "kind")
    __match_args__ = ("concept", "kind")

    concept: str
    kind: str

    def __init__(self, concept: str, kind: str) -> None:
        self._set(concept, kind)


_IndexTables = tuple[
    dict[str, tuple[str, ...]],
    dict[str, list[tuple[str, str, tuple[str, ...]]]],
    dict[str, list[tuple[str, tuple[str, ...]]]],
    dict[str, tuple[str, ...]],
    list[int],
    list[int],
    frozenset[str],
]


def _index_tables(concepts: tuple[str, ...]) -> _IndexTables:
    """The tables of an :class:`_Index` of ``concepts``: whole, prefix, suffix, contains, sizes, firsts."""
    whole: dict[str, list[str]] = {}
    prefix_found: dict[tuple[str, str], list[str]] = {}
    suffix_found: dict[str, list[str]] = {}
    contains: dict[str, list[str]] = {}
    _fold_entries(
        [p for c in concepts for e in (entries(c),) for p in (*e.phrases(), *(q for _, q in e.prompts))]
    )
    # A line is looked up by the key of its core (``Thanks!`` as ``thanks``), so an entry is
    # stripped the same way: a whole entry of its decoration, a prefix of what leads a line.
    for concept in concepts:
        e = entries(concept)
        for phrase in e.whole:
            whole.setdefault(_fold_entry(core(phrase)), []).append(concept)
        for phrase in e.prefix:
            prefix_found.setdefault((_fold_entry(phrase.lstrip(_LEAD_CHARS)), ""), []).append(concept)
        for start, later in e.prompts:
            opening = _fold_entry(start.lstrip(_LEAD_CHARS))
            prefix_found.setdefault((opening, _fold_entry(later)), []).append(concept)
        for phrase in e.suffix:
            suffix_found.setdefault(_fold_entry(phrase), []).append(concept)
        for phrase in e.contains:
            contains.setdefault(_fold_entry(phrase), []).append(concept)
    # Each distinct list of concepts becomes one tuple that every entry shares: the disk
    # cache (marshal) then stores it once, and loading it builds a few dozen tuples
    # instead of a list per entry (thousands).
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}

    def one(found: list[str]) -> tuple[str, ...]:
        return shared.setdefault(tuple(found), tuple(found))

    prefix: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for (phrase, later), found in sorted(prefix_found.items(), key=lambda kv: -len(kv[0][0])):
        prefix.setdefault(phrase[:BUCKET], []).append((phrase, later, one(found)))
    suffix: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase, found in sorted(suffix_found.items(), key=lambda kv: -len(kv[0])):
        suffix.setdefault(phrase[-BUCKET:], []).append((phrase, one(found)))
    prefix_sizes = sorted({min(BUCKET, len(k)) for k in prefix}, reverse=True)
    suffix_sizes = sorted({min(BUCKET, len(k)) for k in suffix}, reverse=True)
    contains_first = frozenset(p.split(" ")[0] for p in contains)
    return (
        {key: one(found) for key, found in whole.items()},
        prefix,
        suffix,
        {phrase: one(found) for phrase, found in contains.items()},
        prefix_sizes,
        suffix_sizes,
        contains_first,
    )


#: The phrase index as kept on disk: whole, prefix, suffix and contains tables in parts
#: (:func:`lexicon.pack`), the prefix and suffix sizes, the contains-phrases' first words,
#: and the tables of their :class:`ContainsMatcher`.
_KeptIndex = tuple[
    dict[str, bytes], dict[str, bytes], dict[str, bytes], dict[str, bytes], list[int], list[int],
    frozenset[str], _MatcherTables,
]


def _kept_index(concepts: tuple[str, ...]) -> _KeptIndex:
    """The tables of :func:`_index_tables`, packed as :class:`_Index` reads them."""
    whole, prefix, suffix, contains, prefix_sizes, suffix_sizes, contains_first = _index_tables(concepts)
    return (
        lexicon.pack(whole),
        lexicon.pack(prefix),
        lexicon.pack(suffix),
        lexicon.pack(contains),
        prefix_sizes,
        suffix_sizes,
        contains_first,
        _matcher_tables(contains),
    )


class _Index:
    """The lookup tables of several concepts, asked once per line for every concept that matches.

    Whole-line entries are a dict lookup; prefixes and suffixes are bucketed by
    their first (last) characters; contains-phrases sit behind a test on their
    first word. One index serves every :class:`PhraseSet`, so the stages that
    ask about the same line share one lookup. The tables are kept on disk in
    parts (:class:`lexicon.Parts`): a run unmarshals the parts its lines fall into.
    """

    def __init__(self, concepts: tuple[str, ...]) -> None:
        self.concepts = concepts
        tables = (
            lexicon.cached("phrase-index", lambda: _kept_index(concepts), key=concepts, code=(__file__,))
            if concepts
            else _kept_index(concepts)
        )
        self.whole: lexicon.Parts[tuple[str, ...]] = lexicon.Parts(tables[0])
        self.prefix: lexicon.Parts[list[tuple[str, str, tuple[str, ...]]]] = lexicon.Parts(tables[1])
        self.suffix: lexicon.Parts[list[tuple[str, tuple[str, ...]]]] = lexicon.Parts(tables[2])
        self.contains: lexicon.Parts[tuple[str, ...]] = lexicon.Parts(tables[3])
        self.prefix_sizes: list[int] = tables[4]
        self.suffix_sizes: list[int] = tables[5]
        self.contains_first: frozenset[str] = tables[6]
        self._matcher_tables = tables[7]

    @cached_property
    def contains_matcher(self) -> ContainsMatcher:
        """The contains-phrases as a :class:`ContainsMatcher`, from its kept tables."""
        return ContainsMatcher.from_tables(self._matcher_tables)

    def hits(self, key: str) -> tuple[Hit, ...]:
        """Every (concept, kind) whose entry matches ``key``: whole lines first, then prompts."""
        found = [Hit(c, "whole") for c in self.whole.get(key, ())]
        if key.count(" ") >= PROMPT_MAX_WORDS:
            return tuple(found)
        for size in self.prefix_sizes:
            for phrase, later, concepts in self.prefix.get(key[:size], ()):
                if not key.startswith(phrase):
                    continue
                if _word_at(phrase, len(phrase) - 1) and _word_at(key, len(phrase)):
                    continue  # the phrase is only the start of a longer word
                if not later or _has_phrase(key, later, len(phrase)):
                    found.extend(Hit(c, "prefix") for c in concepts)
        for size in self.suffix_sizes:
            for phrase, concepts in self.suffix.get(key[-size:], ()):
                if not key.endswith(phrase):
                    continue
                if _word_at(phrase, 0) and _word_at(key, len(key) - len(phrase) - 1):
                    continue  # the phrase is only the end of a longer word
                found.extend(Hit(c, "suffix") for c in concepts)
        if self.contains and not self.contains_first.isdisjoint(key.split(" ")):
            for phrase in self.contains_matcher.find_all(key):
                found.extend(Hit(c, "contains") for c in self.contains.get(phrase, ()))
        return tuple(found)


_INDEX = _Index(())
_WANTED: dict[str, None] = {}


def _index() -> _Index:
    """The shared index, built (once) over every concept a phrase set has asked for so far."""
    global _INDEX
    if len(_WANTED) != len(_INDEX.concepts):
        _INDEX = _Index(tuple(_WANTED))
        _hits.cache_clear()
    return _INDEX


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _hits(key: str) -> tuple[Hit, ...]:
    return _index().hits(key)


class PhraseSet:
    """Several concepts; :meth:`find` says which of them matches a line, and how.

    The lookup itself is shared (one index for every phrase set, one lookup per
    line, remembered), so asking several stages about the same line is cheap.
    """

    def __init__(self, concepts: tuple[str, ...], max_words: int = PROMPT_MAX_WORDS) -> None:
        self.concepts = concepts
        self.max_words = max_words
        self._rank = {c: n for n, c in enumerate(concepts)}
        # The answer per key, remembered: it depends only on the key and this set's
        # concepts (other sets adding concepts to the shared index does not change it).
        self._found: Memo[str, Hit | None] = Memo(FOUND_CACHE_SIZE)
        _WANTED.update(dict.fromkeys(concepts))  # the index is (re)built lazily, once for all sets

    def find(self, text: str, *, stripped: bool = False) -> Hit | None:
        """The concept whose entry matches ``text`` as a whole or as a short prompt, or None.

        ``text`` is reduced to its :func:`core` first unless ``stripped`` says it already is.
        """
        if len(text) > MAX_LINE_CHARS:
            return None
        key = fold(text) if stripped else line_key(text)[1]
        return self.find_key(key) if key else None

    def find_key(self, key: str) -> Hit | None:
        """Like :meth:`find`, for a line already reduced to its :func:`core` and :func:`fold`-ed."""
        if len(_WANTED) != len(_INDEX.concepts):
            _index()
        hits = _hits(key)
        if not hits:  # most lines: no entry of any concept matches, nothing to remember
            return None
        found = self._found.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            return self._found.put(key, self._find_key(key, hits))
        return found  # type: ignore[return-value]

    def _find_key(self, key: str, hits: tuple[Hit, ...]) -> Hit | None:
        best: Hit | None = None
        rank = self._rank
        for hit in hits:
            if hit.concept not in rank:
                continue
            if hit.kind != "whole" and key.count(" ") >= self.max_words:
                continue
            if best is not None and best.kind != hit.kind:
                break
            if best is None or rank[hit.concept] < rank[best.concept]:
                best = hit
        return best


_ItemTables = tuple[frozenset[str], frozenset[str], int, frozenset[str]]


def _item_tables(concepts: tuple[str, ...]) -> _ItemTables:
    """The :func:`fold`-ed entries of ``concepts``, their first words, the most words of one, every word."""
    phrases = [p for c in concepts for p in entries(c).phrases()]
    _fold_entries(phrases)
    items = frozenset(_fold_entry(p) for p in phrases)
    first_words = frozenset(item.split()[0] for item in items if item)
    longest = max((item.count(" ") + 1 for item in items), default=1)
    item_words = frozenset(word for item in items for word in item.split(" "))
    return items, first_words, longest, item_words


#: The item tables as kept on disk: items, first words and item words in parts
#: (:func:`lexicon.pack`), the most words of an item, and the first words sorted, one a line.
_KeptItems = tuple[dict[str, bytes], dict[str, bytes], int, dict[str, bytes], str]


def _kept_items(concepts: tuple[str, ...]) -> _KeptItems:
    """The tables of :func:`_item_tables`, packed as :class:`ItemSet` reads them."""
    items, first_words, longest, item_words = _item_tables(concepts)
    return (
        lexicon.pack(items),
        lexicon.pack(first_words),
        longest,
        lexicon.pack(item_words),
        "\n".join(sorted(first_words)),
    )


class Starts:
    """Every start of some words (``w``, ``wh`` ... ``whatsapp``), answering ``in`` as a set of them would.

    By bisecting the sorted words: the set itself, thousands of strings, cost
    more to build than a small run spends cleaning.
    """

    __slots__ = ("_words",)

    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted(words)

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str) or not text:
            return False
        at = bisect_left(self._words, text)
        return at < len(self._words) and self._words[at].startswith(text)


class ItemSet:
    """Menu items of several concepts; :meth:`count` splits a line into whole items or fails.

    ``"Home | News | Sport"`` is three items; ``"Home prices rose"`` is not a
    run of items at all. Items may span several words ("sign in", "about us"):
    the longest item that fits is taken at each place.
    """

    SEPARATORS = lazy(regex.compile, r"\s*[|/•·,»›>→–—]\s*|\s+")
    _SEPARATOR_CHARS = frozenset("|/•·,»›>→–—")

    def __init__(self, concepts: tuple[str, ...]) -> None:
        self.concepts = concepts
        self._counted: Memo[str, int] = Memo(COUNT_CACHE_SIZE)
        self._counted_glued: Memo[str, int] = Memo(COUNT_CACHE_SIZE)

    @cached_property
    def _tables(self) -> _KeptItems:
        """Items, first words, most words of one, every word: kept on disk by :func:`lexicon.cached`."""
        name = "items-" + "-".join(self.concepts)
        return lexicon.cached(name, lambda: _kept_items(self.concepts), key=self.concepts, code=(__file__,))

    @cached_property
    def items(self) -> lexicon.Parts[None]:
        """Every entry of the concepts, :func:`fold`-ed (answers ``in``)."""
        return lexicon.Parts(self._tables[0])

    @cached_property
    def first_words(self) -> lexicon.Parts[None]:
        """The first word of every item (answers ``in``)."""
        return lexicon.Parts(self._tables[1])

    @cached_property
    def longest(self) -> int:
        return self._tables[2]

    @cached_property
    def starts(self) -> Starts:
        """Every start of an item's first word: the gate for run-together keys ("whats" of "whatsapp")."""
        return Starts(self._tables[4].split("\n"))

    def count(self, line: str) -> int:
        """How many items ``line`` consists of; 0 when some part of it is not an item."""
        return self.count_key(fold(line))

    def count_key(self, key: str, *, glued: bool = False) -> int:
        """Like :meth:`count`, for a line already :func:`fold`-ed.

        ``glued`` says the key comes from :func:`unglue`: words split by case may
        also be joined again ("whats app" is the item "whatsapp").
        """
        table = self._counted_glued if glued else self._counted
        counted = table.get(key)
        return counted if counted is not None else table.put(key, self._count(key, glued))

    def _count(self, key: str, glued: bool) -> int:
        first = key.split(" ", 1)[0]
        if first not in (self.starts if glued else self.first_words) and (
            self._SEPARATOR_CHARS.isdisjoint(first)
            or self.SEPARATORS.split(first, 1)[0] not in self.first_words
        ):
            return 0
        return self._segment(key, glued)

    @cached_property
    def item_words(self) -> lexicon.Parts[None]:
        """Every word of an item (answers ``in``): a line with a word outside them is no run of items."""
        return lexicon.Parts(self._tables[3])

    def _segment(self, key: str, glued: bool) -> int:
        if key.isprintable() and self._SEPARATOR_CHARS.isdisjoint(key):
            # No separator but the space (every other whitespace is unprintable): split without the regex.
            words = [w for w in key.split(" ") if w]
        else:
            words = [w for w in self.SEPARATORS.split(key) if w]
        if not words or (not glued and words[0] not in self.first_words):
            return 0
        # Each word of a split into items is a word of an item (whole items; run-together
        # keys may join words, so there only the first word of each item is known).
        if not glued:
            item_words = self.item_words
            if not all(word in item_words for word in words):
                return 0
        starts: Container[str] = self.starts if glued else self.first_words
        joiners = (" ", "") if glued else (" ",)
        items = i = 0
        while i < len(words):
            if words[i] not in starts:
                return 0  # no item begins with this word
            for size in range(min(self.longest + 2 * glued, len(words) - i), 0, -1):
                chunk = words[i : i + size]
                if any(j.join(chunk) in self.items for j in joiners):
                    i += size
                    items += 1
                    break
            else:
                return 0
        return items


@cache
def phrase_set(*concepts: str, max_words: int = PROMPT_MAX_WORDS) -> PhraseSet:
    """The compiled :class:`PhraseSet` of ``concepts`` (built once per process)."""
    return PhraseSet(concepts, max_words)


@cache
def item_set(*concepts: str) -> ItemSet:
    """The compiled :class:`ItemSet` of ``concepts`` (built once per process)."""
    return ItemSet(concepts)


@cache
def words_source(*concepts: str) -> str:
    """Regex source of one alternation of every entry (any kind) of ``concepts``.

    For stages that build structural patterns out of lexicon words, e.g. a menu
    as a run of navigation words.
    """
    phrases: list[str] = []
    for concept in concepts:
        e = entries(concept)
        phrases.extend(e.whole + e.prefix + e.suffix + e.contains)
    return alternation(phrases)
