"""The fast paths of the speed work give exactly what the plain code gives."""

from __future__ import annotations

import pytest

from cleaner import patterns
from cleaner.features import _offset_runs

TRICKY_ENTRIES = [
    "  Sign In ",
    "Page 1 of 12",
    "İstanbul",
    "ΌΡΟΙ ΧΡΉΣΗΣ",
    "Straße",
    "don’t miss",
    "a\tb",
    "x\xa0y",
    "12.5,3 items",
    "ǅemal",
    "ﬁle",
    "",
    " ",
    "\u2003lead",
    "a\u2003b",
    "tail\u2003",
    "Ｔｅｌｅｇｒａｍ",
]


@pytest.mark.parametrize("entry", TRICKY_ENTRIES)
def test_batch_folding_matches_fold_one_by_one(entry: str) -> None:
    patterns._FOLDED.pop(entry, None)
    patterns._fold_entries([entry, "plain words"])
    assert patterns._FOLDED[entry] == patterns.fold(entry)


def test_batch_folding_of_many_entries_matches_fold() -> None:
    for entry in TRICKY_ENTRIES:
        patterns._FOLDED.pop(entry, None)
    patterns._fold_entries(TRICKY_ENTRIES)
    assert [patterns._FOLDED[e] for e in TRICKY_ENTRIES] == [patterns.fold(e) for e in TRICKY_ENTRIES]


def test_lexicon_entries_fold_the_same_in_the_index() -> None:
    phrases = list(patterns.entries("navigation").phrases())
    assert [patterns._fold_entry(p) for p in phrases] == [patterns.fold(p) for p in phrases]


@pytest.mark.parametrize(
    ("offsets", "runs"),
    [((-3, -2, -1, 1, 2, 3), [(-3, -1), (1, 3)]), ((-1, 1), [(-1, -1), (1, 1)]), ((2,), [(2, 2)])],
)
def test_offset_runs_group_consecutive_offsets(offsets: tuple[int, ...], runs: list[tuple[int, int]]) -> None:
    assert _offset_runs(offsets) == runs


def test_remembered_line_features_equal_fresh_ones() -> None:
    from cleaner import features
    from cleaner.document import Document

    body = "The council voted on Tuesday to close the old bridge to cars."
    lines = ["Home | News | Sport", "", body, "Share"]
    doc = Document.from_lines(lines)
    first = features.collect(doc)
    again = features.collect(doc)
    stop = features.stopwords(first.language) if first.language else frozenset()
    assert again.rows == first.rows
    assert first.own == [features.line_features(t, stop) for t in first.texts]


@pytest.mark.parametrize(
    "text",
    [
        "By Sarah Smith | Reuters",
        "word " * 100,
        "— " * 300 + "one two",
        "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q " * 20,
        "Ünïcödé wörds, " * 60,
        "Ünï " + "-" * 600 + " two three",
        "x" * 1000,
        "Москва и Санкт-Петербург " * 30,
    ],
)
@pytest.mark.parametrize("n", [0, 14, 29, 200])
def test_counting_a_long_lines_head_first_answers_as_the_full_count(text: str, n: int) -> None:
    from cleaner.stages.metadata import _words_over, word_count

    assert _words_over(text, n) == (word_count(text) > n)
