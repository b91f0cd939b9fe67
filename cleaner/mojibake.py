"""Repairing mojibake: UTF-8 text that was once decoded as cp1252 (``CafÃ©`` for ``Café``).

Only certain repairs are made. With the optional ``ftfy`` library (``pip install
'clean-article[repair]'``) its ``fix_encoding`` judges each suspicious line;
without it, a line is re-encoded as cp1252 and decoded as UTF-8, and the result
is kept only when that round trip succeeds strictly (every high byte of the line
belongs to a valid UTF-8 sequence) and leaves no mojibake pair behind. A line
with one real accent among the broken ones (``Café`` beside ``Ã©``) does not
round-trip and stays as it is: certainty over coverage.

Repair is line by line (line numbers stay right) and repeated until nothing
changes (text broken twice is mended twice), so repaired text is stable.
"""

from __future__ import annotations

import codecs
import importlib
import re
from collections.abc import Callable
from functools import cache

from .patterns import lazy

#: Lines longer than this are left as they are (a repair is judged on a line of text, not a blob).
MAX_REPAIR_LINE = 100_000
#: Rounds of repair of one line (text mis-decoded twice needs two).
MAX_ROUNDS = 3

# The cp1252 reading of UTF-8's continuation bytes 0x80-0xBF (with the five bytes cp1252
# leaves undefined, which decoders pass through as C1 controls).
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
#: Characters that carry no text (zero-width spaces and joiners, BOM, soft hyphen): the normalize
#: stage removes them, so a repair is judged on the line without them (see :func:`repair_line`).
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: A UTF-8 lead byte (0xC2-0xF4) read as cp1252, followed by a continuation byte read as cp1252
#: (invisible characters between them do not part them).
_PAIR = lazy(re.compile, f"[\u00c2-\u00f4][{INVISIBLE_CHARS}]*[{_CONTINUATION}]")
#: Invisible characters that are no mojibake's second half (a soft hyphen is one after a lead byte).
_STRAY = lazy(re.compile, f"[{INVISIBLE_CHARS.replace(chr(0xAD), '')}]|(?<![\u00c2-\u00f4])\u00ad")
_C1_ERRORS = "clean-article-c1"
#: A repair that brings in one of these (C1 controls, line breaks) is not made. (This and _STRAY
#: are compiled on first use: only text with mojibake needs them; start-up time.)
_UNWANTED = lazy(re.compile, "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufffd]")


def _c1_as_bytes(exc: UnicodeError) -> tuple[bytes, int]:
    """Encoding error handler: the five C1 controls cp1252 lacks go back to their own byte."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    if all("\x80" <= c <= "\x9f" for c in chunk):
        return chunk.encode("latin-1"), exc.end
    raise exc


codecs.register_error(_C1_ERRORS, _c1_as_bytes)


def round_trip(line: str) -> str | None:
    """``line`` encoded as cp1252 and decoded as UTF-8, or None when either step fails."""
    try:
        return line.encode("cp1252", _C1_ERRORS).decode("utf-8")
    except UnicodeError:
        return None


def _own_fix(line: str) -> str:
    """The round trip of ``line`` when it succeeds and leaves fewer mojibake pairs, else ``line``."""
    fixed = round_trip(line)
    if fixed is None or len(_PAIR.findall(fixed)) >= len(_PAIR.findall(line)):
        return line
    return fixed


@cache
def _fixer() -> Callable[[str], str]:
    """``ftfy.fix_encoding`` when the ``repair`` extra is installed, else our own round trip."""
    try:
        ftfy = importlib.import_module("ftfy")
    except ImportError:
        return _own_fix
    fix_encoding: Callable[[str], str] = ftfy.fix_encoding
    return fix_encoding


def looks_broken(text: str) -> bool:
    """Whether ``text`` holds a mojibake pair at all (a quick test before any repair)."""
    return _PAIR.search(text) is not None


def repair_line(line: str, fixer: Callable[[str], str] | None = None) -> str:
    """One line with its mojibake repaired, when the repair is certain; else the line unchanged.

    The repair is judged on the line without its stray invisible characters, which the normalize
    stage removes anyway: judged with them, ``\u00adÂ€`` would stay broken and its normalised
    ``Â€`` would be mended only when the output is cleaned again.
    """
    fix = fixer or _fixer()
    for _ in range(MAX_ROUNDS):
        plain = _STRAY.sub("", line)
        if len(plain) > MAX_REPAIR_LINE or not _PAIR.search(plain):
            break
        fixed = fix(plain)
        if fixed == plain or len(_UNWANTED.findall(fixed)) > len(_UNWANTED.findall(plain)):
            break
        line = fixed
    return line


def repair(text: str, fixer: Callable[[str], str] | None = None) -> str:
    """``text`` with the mojibake of each line repaired where certain (see the module docstring)."""
    if not _PAIR.search(text):
        return text
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if _PAIR.search(line):
            fixed = repair_line(line, fixer)
            if fixed != line:
                lines[i] = fixed
                changed = True
    return "\n".join(lines) if changed else text
