"""Shared test helpers."""

from __future__ import annotations

import json
import re
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


_SPACE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def norm(text: str) -> str:
    """One line with every kind of space as one plain space, invisibles gone, ends stripped."""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def paragraphs(text: str) -> list[list[str]]:
    """``text`` as paragraphs (split on blank lines) of normalised lines."""
    paras: list[list[str]] = [[]]
    for line in text.splitlines():
        line = norm(line)
        if line:
            paras[-1].append(line)
        elif paras[-1]:
            paras.append([])
    return [p for p in paras if p]


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    """Every item of ``needle`` appears in ``haystack``, in the same order."""
    it = iter(haystack)
    return all(any(x == y for y in it) for x in needle)


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``; return ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def jsonl_lines(*objs: dict[str, object]) -> str:
    """The JSONL text of ``objs``, one record per line."""
    return "".join(json.dumps(o) + "\n" for o in objs)


def hide_warcio(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the containers module see no ``warcio`` (the [warc] extra not installed)."""
    import importlib

    real = importlib.import_module

    def no_warcio(name: str, *args: object) -> object:
        if name.startswith("warcio"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr("cleaner.containers.importlib.import_module", no_warcio)
