"""Patterns compiled on first use (``patterns.lazy``) behave as the compiled pattern, compiled once."""

from __future__ import annotations

import pickle
import re
import statistics
from typing import Any

import pytest
import regex

from cleaner.patterns import LazyPattern, lazy
from cleaner.stages.listing import _median


class CountingCompile:
    """A compile function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, source: str, flags: int) -> regex.Pattern[str]:
        self.calls += 1
        return regex.compile(source, flags)


def test_lazy_pattern_is_not_compiled_until_first_use() -> None:
    compile = CountingCompile()
    lazy(compile, r"\d+")
    assert compile.calls == 0


def test_lazy_pattern_is_compiled_once_for_all_its_methods() -> None:
    compile = CountingCompile()
    digits = lazy(compile, r"\d+")
    digits.search("a 12")
    digits.findall("1 2 3")
    digits.sub("#", "a 1")
    digits.search("b 34")
    assert compile.calls == 1


@pytest.mark.parametrize("engine", [re, regex])
def test_lazy_pattern_answers_as_the_compiled_pattern(engine: Any) -> None:
    compile = engine.compile
    source, flags, text = r"(?P<word>\w+)-(\d)", re.IGNORECASE, "Alpha-1, beta-2 and GAMMA-3"
    eager, late = compile(source, flags), lazy(compile, source, flags)
    assert late.findall(text) == eager.findall(text)
    assert late.sub(r"\2", text) == eager.sub(r"\2", text)
    assert late.split(text) == eager.split(text)
    assert late.search(text, 5).span() == eager.search(text, 5).span()
    assert late.pattern == source
    assert late.groupindex == eager.groupindex


def test_lazy_pattern_compiled_is_the_pattern_itself() -> None:
    words = lazy(regex.compile, r"\p{L}+")
    assert isinstance(words, LazyPattern)
    assert isinstance(words.compiled, regex.Pattern)
    assert words.compiled.findall("déjà vu") == ["déjà", "vu"]


def test_lazy_pattern_survives_pickling_before_and_after_use() -> None:
    words = lazy(re.compile, r"\w+")
    assert pickle.loads(pickle.dumps(words)).findall("a b") == ["a", "b"]
    words.search("x")
    assert pickle.loads(pickle.dumps(words)).findall("c d") == ["c", "d"]


def test_lazy_pattern_has_no_private_attributes_of_the_pattern() -> None:
    assert not hasattr(lazy(re.compile, r"x"), "_missing")


@pytest.mark.parametrize("values", [[4], [3, 9], [5, 1, 7], [2, 2, 8, 10], [6, 3, 3, 12, 1]])
def test_listing_median_is_the_statistics_median(values: list[int]) -> None:
    assert _median(values) == statistics.median(values)
