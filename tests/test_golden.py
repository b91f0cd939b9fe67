"""Golden fixtures: every directory under ``fixtures/`` is one page dump and what a user expects.

A fixture directory holds ``input.txt`` (the raw dump) and ``expected.json``:

``text``
    the exact body a demanding reader wants, paragraphs separated by blank lines;
    compared line by line modulo whitespace (runs of spaces collapsed, lines
    stripped, no-break and other Unicode spaces taken as spaces, blank lines
    ignored). In markdown fixtures a leading list bullet is formatting, not words,
    and is ignored on both sides.
``title``, ``description``, ``published``, ``author``
    optional metadata; compared modulo whitespace (``published``: ISO 8601, see
    :func:`published_matches`).
``removed``
    optional ``{"line": N, "stage": NAME or [NAMES], "text": PREFIX}`` entries: the
    input line N must be removed, by that stage (or one of those stages); ``text``
    is the start of line N, there to catch a fixture edited out of step.
``about``, ``style``, ``language``
    what the case covers, the dump style (``soup``, ``innertext``, ``markdown``)
    and the page language.

Beyond the expected values, every case is checked for idempotence (cleaning the
output again changes nothing) and for invention (every output line comes from an
input line, or is a segment of a long glued one). The expectations are written by
hand; never paste the program's output into a fixture.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner import Article
from cleaner.stages.normalize import GLUED_MIN_CHARS
from tests.conftest import is_subsequence, norm, paragraphs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "input.txt").is_file()) if FIXTURES.is_dir() else []

METADATA_FIELDS = ("title", "description", "published", "author")
KNOWN_KEYS = {"about", "style", "language", "text", "removed", *METADATA_FIELDS}

# Every kind of Unicode space (no-break, ideographic, thin, ...) and zero-width characters.
_BULLET = re.compile(r"^(?:[*+\-\u2022]\s+)+")
_WORD = re.compile(r"\w+")
# What may follow the expected value of ``published`` when it has a time of day:
# seconds, fractions, a time zone.
_PUBLISHED_TAIL = re.compile(r"(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")


# --------------------------------------------------------------------------- helpers



def norm_lines(text: str, *, bullets: bool = False) -> list[str]:
    """The non-blank lines of ``text``, normalised (and de-bulleted when asked)."""
    out = []
    for line in text.splitlines():
        line = norm(line)
        if bullets:
            line = _BULLET.sub("", line)
        if line:
            out.append(line)
    return out




def published_matches(expected: str, got: str | None) -> bool:
    """``got`` equals ``expected``, give or take seconds and a time zone when a time is expected."""
    if got is None:
        return False
    if got == expected:
        return True
    if "T" not in expected or not got.startswith(expected):
        return False
    return _PUBLISHED_TAIL.fullmatch(got[len(expected) :]) is not None


@functools.cache
def load(case: str) -> tuple[str, dict[str, Any]]:
    directory = FIXTURES / case
    raw = (directory / "input.txt").read_text(encoding="utf-8")
    expected = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
    return raw, expected


@functools.cache
def cleaned(case: str) -> Article:
    raw, _ = load(case)
    return cleaner.clean(raw)


def is_markdown(case: str) -> bool:
    return bool(load(case)[1].get("style") == "markdown")


def where(article: Article, line: str) -> str:
    """Where a normalised line went: the input line numbers and the stage that removed it."""
    found = []
    for block in article.document.blocks:
        if norm(block.text) == line or (line and line in norm(block.text)):
            if block.removal is None:
                found.append(f"line {block.origin}: kept")
            else:
                r = block.removal
                lifted = f", lifted as {r.field}" if r.field else ""
                found.append(f"line {block.origin}: removed by {r.stage} ({r.reason}{lifted})")
    return "; ".join(found) or "not found in the document"


# --------------------------------------------------------------------------- the fixtures themselves


def test_there_are_golden_fixtures() -> None:
    assert len(CASES) >= 13, f"only {len(CASES)} fixtures under {FIXTURES}"


@pytest.mark.parametrize("case", CASES)
def test_fixture_is_well_formed(case: str) -> None:
    raw, expected = load(case)
    assert set(expected) <= KNOWN_KEYS, f"unknown keys {set(expected) - KNOWN_KEYS}"
    assert expected.get("about"), "say what the case covers in 'about'"
    assert norm_lines(expected["text"]), "the expected body is empty"
    lines = raw.splitlines()
    for entry in expected.get("removed", []):
        n = entry["line"]
        assert 1 <= n <= len(lines), f"removed line {n} is past the end of input.txt"
        if "text" in entry:
            assert norm(lines[n - 1]).startswith(norm(entry["text"])), (
                f"removed line {n} is {lines[n - 1]!r}, not {entry['text']!r}: fixture out of step"
            )
        stages = entry["stage"] if isinstance(entry["stage"], list) else [entry["stage"]]
        assert stages and all(isinstance(s, str) for s in stages)
    if "published" in expected:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?)?", expected["published"])


@pytest.mark.parametrize("case", CASES)
def test_expected_body_is_made_of_input_lines(case: str) -> None:
    """The hand-written expectation itself invents nothing (a typo guard for the fixture)."""
    raw, expected = load(case)
    source = [_WORD.findall(norm(line)) for line in raw.splitlines()]
    for line in norm_lines(expected["text"]):
        words = _WORD.findall(line)
        assert any(is_subsequence(words, s) for s in source), f"expected line not in input: {line!r}"


# --------------------------------------------------------------------------- the cleaner against them


@pytest.mark.parametrize("case", CASES)
def test_body_text_matches_expected(case: str) -> None:
    _, expected = load(case)
    article = cleaned(case)
    bullets = is_markdown(case)
    want = norm_lines(expected["text"], bullets=bullets)
    got = norm_lines(article.text, bullets=bullets)
    if got == want:
        return
    origins = [b.origin for b in article.document.kept() if norm(b.text)]
    report = [f"{case}: body differs ({len(got)} lines kept, {len(want)} expected)"]
    matcher = difflib.SequenceMatcher(a=got, b=want, autojunk=False)
    for op, g1, g2, w1, w2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for i in range(g1, g2):
            origin = origins[i] if i < len(origins) else "?"
            report.append(f"  EXTRA   line {origin}: {got[i][:70]!r}")
        for line in want[w1:w2]:
            report.append(f"  MISSING {line[:70]!r} <- {where(article, line)}")
    pytest.fail("\n".join(report))


@pytest.mark.parametrize("case", CASES)
def test_metadata_matches_expected(case: str) -> None:
    _, expected = load(case)
    article = cleaned(case)
    wrong = []
    for field in METADATA_FIELDS:
        if field not in expected:
            continue
        got = getattr(article, field)
        if field == "published":
            ok = published_matches(expected[field], got)
        else:
            ok = got is not None and norm(got) == norm(expected[field])
        if not ok:
            wrong.append(f"  {field}: expected {expected[field]!r}, got {got!r}")
    assert not wrong, f"{case}: metadata differs\n" + "\n".join(wrong)


@pytest.mark.parametrize("case", [c for c in CASES if load(c)[1].get("removed")])
def test_key_lines_removed_by_the_right_stage(case: str) -> None:
    _, expected = load(case)
    blocks = {b.origin: b for b in cleaned(case).document.blocks}
    wrong = []
    for entry in expected["removed"]:
        n = entry["line"]
        stages = entry["stage"] if isinstance(entry["stage"], list) else [entry["stage"]]
        block = blocks.get(n)
        if block is None:
            wrong.append(f"  line {n}: no block with this origin")
        elif block.removal is None:
            wrong.append(f"  line {n}: kept, expected removal by {'/'.join(stages)}: {block.text[:60]!r}")
        elif block.removal.stage not in stages:
            r = block.removal
            want = "/".join(stages)
            wrong.append(
                f"  line {n}: removed by {r.stage} ({r.reason}), expected {want}: {block.text[:60]!r}"
            )
    assert not wrong, f"{case}: removals differ\n" + "\n".join(wrong)


@pytest.mark.parametrize("case", CASES)
def test_cleaning_is_idempotent(case: str) -> None:
    first = cleaned(case).text
    again = cleaner.clean(first).text
    if paragraphs(again) != paragraphs(first):
        lost = [line for line in norm_lines(first) if line not in norm_lines(again)]
        pytest.fail(
            f"{case}: cleaning the output again changed it; lost {len(lost)} lines:\n"
            + "\n".join(f"  {line[:80]!r}" for line in lost)
        )


@pytest.mark.parametrize("case", CASES)
def test_output_invents_nothing(case: str) -> None:
    raw, _ = load(case)
    article = cleaned(case)
    inputs = [norm(line) for line in raw.splitlines()]
    if is_markdown(case) or article.document.style == "markdown":
        sources = [_WORD.findall(line) for line in inputs]
        invented = [
            line
            for line in norm_lines(article.text)
            if not any(is_subsequence(_WORD.findall(line), s) for s in sources)
        ]
    else:
        known = set(inputs)
        glued = [line for line in inputs if len(line) >= GLUED_MIN_CHARS]  # cut into segments
        invented = [
            line
            for line in norm_lines(article.text)
            if line not in known and not any(line in g for g in glued)
        ]
    assert not invented, f"{case}: output lines not in the input: {invented[:5]}"
