"""The lexicon files of the line-filter stages: documented, without duplicates, multilingual."""

from __future__ import annotations

from importlib import resources

import pytest

from cleaner import lexicon
from cleaner.patterns import ELLIPSIS, core, entries, fold, item_set, phrase_set, unglue

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
    "caption_label",
    "player",
    "comment_heading",
    "relative_time",
    "comment_action",
    "comment_verb",
    "forum_chrome",
    "forum_field",
    "forum_quote_end",
    "shop_chrome",
    "review_heading",
    "review_mark",
    "spec_heading",
    "sentence_start",
)
#: Concepts that hold language-neutral entries only (``xx.txt``).
NEUTRAL_CONCEPTS = ("language_name", "icon_prefix", "not_icon", "placeholder", "currency")
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


# The entry syntax, through a phrase set over real concepts.


@pytest.mark.parametrize(
    ("line", "concept", "kind"),
    [
        ("Newsletter", "newsletter", "whole"),
        ("» Newsletter «", "newsletter", "whole"),
        ("Sign up for our newsletter to get the news first", "newsletter", "prefix"),
        ("Sign up for the Evening Herald newsletter today", "newsletter", "prefix"),
        ("Example Media 2026. All rights reserved.", "copyright", "suffix"),
        ("Text and pictures (c) 2026 Example Media", "copyright", "contains"),
        ("12 Comments", "comment_policy", "whole"),
        ("Comments (12)", "comment_policy", "whole"),
        ("¿Te ha resultado útil?", "feedback", "whole"),
        ("İletişim", "navigation", "whole"),
    ],
)
def test_entry_kinds_match_as_documented(line: str, concept: str, kind: str) -> None:
    concepts = ("newsletter", "copyright", "comment_policy", "feedback", "navigation")
    hit = phrase_set(*concepts).find(line)
    assert hit is not None and (hit.concept, hit.kind) == (concept, kind)


@pytest.mark.parametrize(
    ("line", "concept", "kind"),
    [
        ("Спасибо! Ваша заявка получена!", "form_status", "whole"),  # the entry ends in "!"
        ("Wer ist online?", "forum_chrome", "whole"),  # the entry ends in "?"
        ("Qui est en ligne ?", "forum_chrome", "whole"),
    ],
)
def test_entry_written_with_its_punctuation_matches_the_line(line: str, concept: str, kind: str) -> None:
    hit = phrase_set(concept).find(line)
    assert hit is not None and (hit.concept, hit.kind) == (concept, kind)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for the marathon closes Friday",  # the prompt's topic is missing
        "Newsletters are a growing business for writers",  # whole-line entry inside a sentence
        "Signed up for our newsletter? Then you already know what happened next at the town hall, "
        "the council meeting and the budget vote, which ran late into the night on Thursday evening.",
    ],
)
def test_entries_do_not_match_prose(line: str) -> None:
    assert phrase_set("newsletter", "copyright").find(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("» Sign in »", "Sign in"),
        ("Comments (12)", "Comments"),
        ("(Photo: Reuters)", "Photo: Reuters"),
        ("¿Tienes una pregunta?", "Tienes una pregunta"),
        ("f(x)", "f(x)"),
    ],
)
def test_core_strips_decoration_only(text: str, expected: str) -> None:
    assert core(text) == expected


def test_fold_unifies_case_apostrophes_spaces_and_numbers() -> None:
    assert fold("Don’t  miss 12 STORIES") == "don't miss {n} stories"


def test_unglue_splits_run_together_words_by_case() -> None:
    assert unglue("HomeNewsSportAGBKontakt") == "Home News Sport AGB Kontakt"


def test_run_together_items_may_join_again() -> None:
    key = fold(unglue("FacebookWhatsAppLinkedIn"))
    assert item_set("share").count_key(key, glued=True) == 3
