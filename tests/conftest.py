"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Document, Pipeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def run_stages(lines: list[str], *names: str, style: str = "plain") -> Document:
    """Run the named stages (normalize first) over a list of lines."""
    doc = Document.from_lines(lines, style=style)
    return Pipeline.build(["normalize", *names]).run(doc)


def kept(doc: Document) -> list[str]:
    return [b.text for b in doc.kept()]


def removed(doc: Document, stage: str | None = None) -> list[str]:
    return [b.text for b in doc.removals() if b.removal and (stage is None or b.removal.stage == stage)]


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (only in the developers' checkout)")
    return SHARED
