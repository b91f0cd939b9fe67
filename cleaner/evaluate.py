"""Score cleaned outputs against the user's own gold files with the shingle metric.

The metric of the article-extraction benchmark: tokens are ``\\w+`` matches (case
kept), shingles are 4-grams of tokens counted as a multiset; per document the
overlap gives tp/fp/fn as shares of their sum; precision is averaged over
documents with any output, recall over all documents, and F1 is the harmonic
mean of the two averages. A document missing from the outputs counts as empty.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import CleanerError

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of n-grams of ``\\w+`` tokens (a text of fewer tokens is one shorter gram)."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


@dataclass(frozen=True)
class DocScore:
    """One document's overlap, as shares of tp + fp + fn."""

    id: str
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_document(doc_id: str, gold: str, output: str) -> DocScore:
    """The overlap of one output with its gold text."""
    g, o = shingles(gold), shingles(output)
    tp = sum((g & o).values())
    fp = sum((o - g).values())
    fn = sum((g - o).values())
    total = tp + fp + fn
    return DocScore(doc_id, tp / total, fp / total, fn / total) if total else DocScore(doc_id, 0, 0, 0)


@dataclass(frozen=True)
class Summary:
    """Scores over a set: averaged precision and recall, their F1, and every document's score."""

    precision: float
    recall: float
    f1: float
    documents: int
    missing: int
    scores: tuple[DocScore, ...]


def summarise(scores: list[DocScore], missing: int = 0) -> Summary:
    """Precision averaged over documents with output, recall over documents with gold text."""
    ps = [s.precision for s in scores if s.tp + s.fp > 0]
    rs = [s.recall for s in scores if s.tp + s.fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Summary(p, r, f1, len(scores), missing, tuple(scores))


def load_texts(path: Path, *, field: str = "text") -> dict[str, str]:
    """Texts by id: a directory of ``<id>.txt`` files, or a JSONL file of ``{"id", field}`` records."""
    if path.is_dir():
        return {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in sorted(path.glob("*.txt"))}
    if not path.is_file():
        raise CleanerError(f"{path}: no such file or directory")
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record.get(field) or record.get("body") or record.get("text") or ""
                texts[str(record["id"])] = str(text)
            except (ValueError, KeyError, TypeError) as exc:
                raise CleanerError(f"{path}:{number}: not a JSONL record with an id ({exc})") from None
    return texts


def evaluate(outputs: Path, gold: Path) -> Summary:
    """Score every gold document against the output of the same id."""
    truth = load_texts(gold, field="body")
    if not truth:
        raise CleanerError(f"{gold}: no gold documents found")
    predicted = load_texts(outputs)
    scores = [score_document(i, truth[i], predicted.get(i, "")) for i in sorted(truth)]
    return summarise(scores, missing=sum(1 for i in truth if i not in predicted))
