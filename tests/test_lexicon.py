"""The lexicon files of the line-filter stages: documented, without duplicates, multilingual."""

from __future__ import annotations

from importlib import resources

import pytest

from cleaner import lexicon
from cleaner.patterns import ELLIPSIS, entries, fold

#: Concepts matched in several languages: each needs at least these lists.
LANGUAGE_CONCEPTS = (
    "navigation",
    "section",
    "pagination",
    "share",
    "comment_policy",
    "feedback",
    "newsletter",
    "paywall",
    "cookie",
    "copyright",
    "related",
    "ad_label",
    "photo_credit",
    "player",
)
#: Concepts that hold language-neutral entries only (``xx.txt``).
NEUTRAL_CONCEPTS = ("language_name", "icon_prefix", "not_icon")
REQUIRED_LANGUAGES = ("en", "de", "fr", "es", "ru")
ALL = LANGUAGE_CONCEPTS + NEUTRAL_CONCEPTS


def files(concept: str) -> list[tuple[str, str]]:
    folder = resources.files(lexicon) / concept
    return [(p.name, p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".txt")]


@pytest.mark.parametrize("concept", LANGUAGE_CONCEPTS)
def test_concept_has_the_required_languages(concept: str) -> None:
    assert set(REQUIRED_LANGUAGES) <= set(lexicon.languages(concept))


@pytest.mark.parametrize("concept", NEUTRAL_CONCEPTS)
def test_neutral_concept_has_a_neutral_list(concept: str) -> None:
    assert "xx" in lexicon.languages(concept)


@pytest.mark.parametrize("concept", ALL)
def test_every_file_starts_with_a_comment(concept: str) -> None:
    for name, text in files(concept):
        assert text.startswith("# "), f"{concept}/{name} does not start with a comment"


@pytest.mark.parametrize("concept", ALL)
def test_no_duplicate_entries_within_a_file(concept: str) -> None:
    for name, text in files(concept):
        seen: set[str] = set()
        for line in text.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key = fold(line)
            assert key not in seen, f"{concept}/{name}: {line!r} twice"
            seen.add(key)


@pytest.mark.parametrize("concept", ALL)
def test_entries_are_not_empty_markers(concept: str) -> None:
    e = entries(concept)
    for phrase in e.whole + e.prefix + e.suffix + e.contains:
        assert phrase.strip(ELLIPSIS + " "), f"{concept}: an entry is only an ellipsis"


def test_prompt_entries_are_recognised_by_their_ellipsis() -> None:
    e = entries("newsletter")
    assert "sign up for our newsletter" in e.prefix
    assert "newsletter" in e.whole
