"""The contains-phrase matcher finds what one regex alternation of the phrases would find."""

from __future__ import annotations

import regex

from cleaner.patterns import ContainsMatcher, _index, contains_source, fold, phrase_set


def _reference(phrases: list[str], line: str) -> list[str]:
    ordered = sorted(dict.fromkeys(phrases), key=lambda p: -len(p))
    return [m.group() for m in regex.finditer("|".join(map(contains_source, ordered)), line)]


def test_phrase_is_found_between_words() -> None:
    matcher = ContainsMatcher(["all rights reserved"])
    assert matcher.find_all("© acme, all rights reserved.") == ["all rights reserved"]


def test_phrase_inside_a_longer_word_is_not_found() -> None:
    matcher = ContainsMatcher(["ad", "rights"])
    assert matcher.find_all("a loaded copyrights note") == []


def test_phrase_followed_by_more_letters_is_not_found() -> None:
    matcher = ContainsMatcher(["sign up"])
    assert matcher.find_all("sign upstairs") == []


def test_multi_word_phrase_needs_every_word_in_order() -> None:
    matcher = ContainsMatcher(["read more news"])
    assert matcher.find_all("read more about the news") == []
    assert matcher.find_all("please read more news here") == ["read more news"]


def test_longest_phrase_wins_at_the_same_place() -> None:
    matcher = ContainsMatcher(["sponsored", "sponsored content"])
    assert matcher.find_all("sponsored content by acme") == ["sponsored content"]


def test_matches_do_not_overlap_and_come_in_line_order() -> None:
    matcher = ContainsMatcher(["cookie policy", "policy update", "terms"])
    assert matcher.find_all("terms and cookie policy update") == ["terms", "cookie policy"]


def test_every_occurrence_is_reported() -> None:
    matcher = ContainsMatcher(["ad"])
    assert matcher.find_all("ad, ad and ad") == ["ad", "ad", "ad"]


def test_phrase_starting_with_a_sign_is_found_after_a_word() -> None:
    matcher = ContainsMatcher(["{n} min read", "(opens in new window)"])
    assert matcher.find_all("news{n} min read") == ["{n} min read"]
    assert matcher.find_all("share(opens in new window)") == ["(opens in new window)"]


def test_phrase_ending_with_a_sign_may_run_into_a_word() -> None:
    matcher = ContainsMatcher(["photo:"])
    assert matcher.find_all("photo:reuters") == ["photo:"]


def test_cyrillic_greek_and_accented_phrases_keep_word_boundaries() -> None:
    matcher = ContainsMatcher(["все права защищены", "όροι χρήσης", "réservés"])
    assert matcher.find_all("© 2024 все права защищены") == ["все права защищены"]
    assert matcher.find_all("все права защищеныи") == []
    assert matcher.find_all("δείτε τους όροι χρήσης") == ["όροι χρήσης"]
    assert matcher.find_all("droits réservésx") == []


def test_combining_accent_after_a_phrase_is_part_of_the_word() -> None:
    matcher = ContainsMatcher(["cafe"])
    assert matcher.find_all("cafe\u0301 noir") == []


def test_cjk_phrase_is_found_inside_running_text_only_as_a_whole_run() -> None:
    matcher = ContainsMatcher(["版权所有"])
    assert matcher.find_all("版权所有 2024") == ["版权所有"]
    assert matcher.find_all("本站版权所有") == []


def test_phrase_regex_and_str_disagree_on_falls_back_to_the_regex() -> None:
    phrases = ["\u0301accent", "x²", "²nd", "plain words"]
    matcher = ContainsMatcher(phrases)
    assert matcher.fallback is not None
    for line in ["a \u0301accent here", "x² y", "the ²nd", "some plain words", "x²z ²nda"]:
        assert matcher.find_all(line) == _reference(phrases, line)


def test_lookup_agrees_with_the_alternation_on_mixed_lines() -> None:
    phrases = ["sign up", "sign up now", "{n} comments", "(video)", "ad", "über uns", "çà", "a-b", "ad-free"]
    matcher = ContainsMatcher(phrases)
    assert matcher.fallback is None
    lines = [
        "sign up now sign upnow",
        "{n} comments{n} comments",
        "x(video)ad ad-free a-b-c",
        "über unsere über uns",
        "çàç çà_ çà",
        "bad ad_ _ad ad",
    ]
    for line in lines:
        assert matcher.find_all(line) == _reference(phrases, line)


def test_lexicon_contains_phrases_need_no_regex() -> None:
    phrase_set("copyright", "cookie", "newsletter")
    assert _index().contains_matcher.fallback is None


def test_contains_entry_of_the_lexicon_matches_a_folded_line() -> None:
    found = phrase_set("copyright").find("Copyright © 2024 ACME Inc. All Rights Reserved.")
    assert found is not None
    assert found.concept == "copyright"
    assert fold("All  Rights Reserved") == "all rights reserved"
