"""The ASCII twins of the lexicon matchers' patterns and of the line features' scans find what the
Unicode patterns find on ASCII text."""

from __future__ import annotations

from typing import Any

import pytest

from cleaner import features, patterns

_ASCII = [chr(i) for i in range(128)]
_TWINS = [
    (patterns._DIGIT, patterns._DIGIT_ASCII),
    (patterns._NUMBER_RUN, patterns._NUMBER_RUN_ASCII),
    (patterns._GLUED, patterns._GLUED_ASCII),
    (patterns._GLUE, patterns._GLUE_ASCII),
    *zip(features._SCANS, features._ASCII_SCANS, strict=True),
]


@pytest.mark.parametrize("unicode_pattern, ascii_pattern", _TWINS, ids=[t[0].pattern for t in _TWINS])
def test_ascii_twin_matches_like_unicode_one_on_ascii_pairs(unicode_pattern: Any, ascii_pattern: Any) -> None:
    for first in _ASCII:
        for second in _ASCII:
            text = first + second
            assert ascii_pattern.findall(text) == unicode_pattern.findall(text), repr(text)
            assert ascii_pattern.sub("|", text) == unicode_pattern.sub("|", text), repr(text)


@pytest.mark.parametrize(
    "text", ["HomeNewsSport", "ImpressumDatenschutzAGBKontakt", "Page 1,234.5 of 12:30 pm", "iOS 17 USAToday"]
)
def test_ascii_line_gets_the_key_the_unicode_patterns_give(text: str) -> None:
    assert patterns._GLUE_ASCII.sub(" ", text) == patterns._GLUE.sub(" ", text)
    assert patterns._NUMBER_RUN_ASCII.sub("{n}", text) == patterns._NUMBER_RUN.sub("{n}", text)


def test_unglue_and_fold_of_a_glued_menu() -> None:
    assert patterns.unglue("HomeNewsSport") == "Home News Sport"
    assert patterns.fold("Page 2 of 10") == "page {n} of {n}"


@pytest.mark.parametrize(
    "text",
    [
        "The Mayor said: \"We're done.\" Then the BBC left.\tIt rained (again). OK?",
        "iPhone 15 Pro_Max costs $999 -- TODAY only!!! See www.example.com/deal?x=1",
        "U.S. rules. (New) 'Quoted' start? [Yes] no.\x0b\x0cNext\rLINE\x1c\x1fA_b2",
    ],
)
def test_ascii_line_gets_what_the_unicode_patterns_find(text: str) -> None:
    for unicode_scan, ascii_scan in _TWINS:
        assert ascii_scan.findall(text) == unicode_scan.findall(text)
