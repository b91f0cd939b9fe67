"""HTML golden fixtures: every ``fixtures/html-*/`` directory holds ``input.html`` and ``expected.json``.

``expected.json`` has the same keys as the text fixtures (see ``test_golden.py``): ``text`` (the
body a reader wants, compared paragraph by paragraph modulo whitespace), optional metadata
(``title``, ``description``, ``published`` as an ISO prefix, ``modified``, ``author``, ``url``,
``site``), and ``about`` and ``language`` (the page's language, a description of the case).
The page is read from its bytes, as a scraper saved it.

The pipeline is the reader plus ``normalize``, ``structure`` and the two stages that work on
any input's metadata (``metadata``, ``dedupe``): the text-dump filters answer residue that the
HTML reader never produces. Expectations are written by hand, never pasted from the output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cleaner import Document, Pipeline
from cleaner.html import looks_like_html, read_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = sorted(p.name for p in FIXTURES.glob("html-*") if (p / "input.html").is_file())
STAGES = ["normalize", "structure", "metadata", "dedupe"]
METADATA = ("title", "description", "author", "url", "site")

_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def paragraphs(text: str) -> list[str]:
    return [norm(p) for p in re.split(r"\n\s*\n", text) if norm(p)]


def run(case: str) -> tuple[Document, dict[str, Any]]:
    raw = (FIXTURES / case / "input.html").read_bytes()
    expected = json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))
    return Pipeline.build(STAGES).run(read_html(raw, source=case)), expected


def test_there_are_html_fixtures() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("case", CASES)
def test_fixture_is_sniffed_as_html(case: str) -> None:
    assert looks_like_html((FIXTURES / case / "input.html").read_bytes())


@pytest.mark.parametrize("case", CASES)
def test_fixture_body(case: str) -> None:
    doc, expected = run(case)
    assert paragraphs(doc.text) == paragraphs(expected["text"])


@pytest.mark.parametrize("case", CASES)
def test_fixture_metadata(case: str) -> None:
    doc, expected = run(case)
    m = doc.metadata
    for key in METADATA:
        if key in expected:
            assert norm(getattr(m, key) or "") == norm(expected[key]), key
    for key in ("published", "modified"):
        if key in expected:
            value = getattr(m, key)
            assert value is not None and value.startswith(expected[key]), key


@pytest.mark.parametrize("case", CASES)
def test_fixture_output_words_all_come_from_the_page(case: str) -> None:
    doc, _ = run(case)
    page_text = norm(" ".join(b.text for b in doc.blocks))
    for line in doc.text.splitlines():
        assert norm(line) in page_text
