"""Lines of ASCII and typographic marks take the ASCII scans, and count exactly as the Unicode patterns do."""

from __future__ import annotations

import string

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import features

from .test_content_fast_paths import plain_counts

_ALPHABET = string.printable + features.PLAIN_MARKS
_LINES = st.text(alphabet=_ALPHABET, max_size=80)


@pytest.mark.parametrize("mark", list(features.PLAIN_MARKS))
def test_each_mark_is_no_word_space_letter_or_digit(mark: str) -> None:
    assert not mark.isascii()
    assert regex.fullmatch(r"[\w\s\p{L}\p{N}]", mark) is None
    assert mark.lower() == mark


def test_a_line_with_curly_quotes_and_a_dash_is_marked_ascii() -> None:
    assert features.is_marked_ascii("“It’s over,” she said — and left…")


@pytest.mark.parametrize("line", ["Zürich wins", "Он сказал", "no\u00a0break", "日本"])
def test_a_line_with_letters_or_other_spaces_is_not_marked_ascii(line: str) -> None:
    assert not features.is_marked_ascii(line)


@settings(max_examples=500, deadline=None)
@given(_LINES)
def test_marked_counts_agree_with_the_unicode_patterns(text: str) -> None:
    assert features.marked_counts(text) == plain_counts(text)


@settings(max_examples=500, deadline=None)
@given(_LINES)
def test_marked_words_agree_with_the_word_pattern(text: str) -> None:
    lowered = text.lower()
    assert features.marked_words(lowered) == features._WORD.findall(lowered)


@settings(max_examples=500, deadline=None)
@given(_LINES)
def test_marked_sentence_breaks_and_capitals_agree_with_the_unicode_patterns(text: str) -> None:
    assert features._SENTENCE_BREAK_MARKED.findall(text) == features._SENTENCE_BREAK.findall(text)
    assert features._ALLCAPS_WORD_ASCII.findall(text) == features._ALLCAPS_WORD.findall(text)


def test_separator_marks_are_counted_as_separators_and_punctuation() -> None:
    # digits 0; punctuation 3 (•, », .); separators 2 (•, »); capitalised words 3; camel joins 0
    assert features.marked_counts("Home • News » Today.") == (0, 3, 2, 3, 0)


@settings(max_examples=300, deadline=None)
@given(_LINES.filter(lambda t: t.strip() != ""), st.sampled_from(["en", "de", None]))
def test_line_features_of_a_marked_line_are_those_of_the_unicode_scans(text: str, lang: str | None) -> None:
    stop = features.stopwords(lang) if lang else frozenset()
    fast = features.line_features(text, stop)
    marked = features.is_marked_ascii
    features.is_marked_ascii = lambda text: False  # type: ignore[assignment]
    features._WORDS_CACHE.pop(text, None)
    try:
        slow = features.line_features(text, stop)
    finally:
        features.is_marked_ascii = marked  # type: ignore[assignment]
        features._WORDS_CACHE.pop(text, None)
    assert fast == slow
