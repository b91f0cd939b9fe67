"""The content stage's fast paths answer exactly as the plain definitions they stand for."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

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
