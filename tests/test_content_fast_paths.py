"""The content stage's fast paths answer exactly as the plain definitions they stand for."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import features
from cleaner.stages.content import TITLE_GLUED_WORDS, TITLE_MIN_WORDS, _title_namer
from cleaner.stages.dedupe import SITE_MAX_WORDS

_WORD = regex.compile(r"\w+")


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def names_title(title: str, line: str) -> bool:
    """The plain definition: the line is the title, its first words before the site's name, or it glued on."""
    a, b = _plain(title), _plain(line)
    if len(b.split()) < TITLE_MIN_WORDS:
        return False
    if a == b:
        return True
    if a.startswith(b + " "):
        return len(a[len(b) :].split()) <= SITE_MAX_WORDS
    return b.startswith(a) and len(b[len(a) :].split()) <= TITLE_GLUED_WORDS


TITLE = "Ferry Service Resumes After Winter Storm | Harbour Daily"
LINES = [
    TITLE,
    "Ferry service resumes after winter storm",
    "FERRY SERVICE RESUMES AFTER WINTER STORM — Harbour Daily",
    "Ferry service resumes after winter",
    "Ferry service resumes",
    "Ferry Service Resumes After Winter Storm | Harbour Daily By Ana Ruiz",
    "Ferry Service Resumes After Winter Storm | Harbour Daily, by Ana Ruiz and Tom Lee",
    "Ferry Service Resumes After Winter Storms | Harbour Daily",
    "Ferry services resume after the winter storm",
    "Service resumes after winter storm",
    "",
    "   ",
    "Ferry",
]


def test_title_namer_agrees_with_the_plain_definition_on_near_misses() -> None:
    names = _title_namer(TITLE)
    assert [names(line) for line in LINES] == [names_title(TITLE, line) for line in LINES]


def test_title_namer_finds_the_title_printed_again() -> None:
    assert _title_namer(TITLE)("Ferry service resumes after winter storm")


def test_title_without_words_names_no_line() -> None:
    assert not _title_namer("— — — | — —")("— — — | — —")


_WORDS = st.sampled_from(
    ["Ferry", "ferry", "storm", "Storm's", "über", "ÜBER", "a", "day", "Straße", "12", "—", "|"]
)
_TEXTS = st.lists(_WORDS, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(title=_TEXTS, extra=_TEXTS, cut=st.integers(0, 12), glue=st.sampled_from(["", " ", ": ", "-"]))
def test_title_namer_agrees_with_the_plain_definition(title: str, extra: str, cut: int, glue: str) -> None:
    head = " ".join(title.split()[:cut])
    for line in (title, head, title + glue + extra, extra, head + glue + extra):
        assert _title_namer(title)(line) == names_title(title, line)


def plain_counts(text: str) -> tuple[int, int, int, int, int]:
    """What the Unicode patterns count: digits, punctuation, separators, capitalised words, camel joins."""
    return (
        len(features._DIGIT.findall(text)),
        len(features._PUNCT.findall(text)),
        sum(map(text.count, features._SEPARATOR_CHARS)),
        len(features._CAP_WORD.findall(text)),
        len(features._CAMEL_JOIN.findall(text)),
    )


def test_ascii_counts_agree_with_the_patterns_on_ascii_pairs() -> None:
    for first in map(chr, range(128)):
        for second in map(chr, range(128)):
            text = first + second
            assert features.ascii_counts(text) == plain_counts(text), repr(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_counts_agree_with_the_patterns_on_ascii_lines(text: str) -> None:
    assert features.ascii_counts(text) == plain_counts(text)


def test_ascii_counts_of_a_menu_line() -> None:
    # digits 2 (2, 4); punctuation 4 (|, ., |, !); separators 2;
    # capitalised words 2 (Home, SeeNews); camel join 1 (eN)
    assert features.ascii_counts("Home | SeeNews 24. | go!") == (2, 4, 2, 2, 1)


_ENDINGS = st.text(alphabet=".!?…\"'”’»)]*_a \n", max_size=8)


@settings(max_examples=600, deadline=None)
@given(head=st.text(max_size=6), tail=_ENDINGS)
def test_ends_sentence_agrees_with_the_pattern(head: str, tail: str) -> None:
    text = head + tail
    assert features.ends_sentence(text) == bool(features._SENTENCE_END.search(text[-4:]))


@pytest.mark.parametrize(("text", "ends"), [("It rained.", True), ('He left."', True), ("Read more", False)])
def test_ends_sentence_of_plain_lines(text: str, ends: bool) -> None:
    assert features.ends_sentence(text) is ends


def test_ascii_words_agree_with_the_pattern_on_ascii_pairs() -> None:
    for first in map(chr, range(128)):
        for second in map(chr, range(128)):
            text = "a" + first + second + "Z"
            assert features.ascii_words(text) == features._WORD.findall(text), repr(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_words_agree_with_the_pattern_on_ascii_lines(text: str) -> None:
    assert features.ascii_words(text) == features._WORD.findall(text)


def test_line_words_are_lower_cased_words() -> None:
    words = ["sign", "in", "to", "read_more", "2", "times"]
    assert features.line_words("Sign-in to READ_more, 2 times!") == words
