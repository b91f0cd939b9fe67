"""The marks stage: a lone capital letter or bare small number goes; counted steps and code output stay."""

from __future__ import annotations

import pytest

from .conftest import kept, removed, run_stages

POST = "Thanks, that fixed it: the cable was loose all along."
REPLY = "Glad it works now. Mark the thread as solved, please."


def test_vote_count_between_posts_is_removed() -> None:
    doc = run_stages([POST, "12", "anna 1 year ago", REPLY], "marks")
    assert removed(doc, "marks") == ["12"]


@pytest.mark.parametrize("letter", ["J", "B", "Ж", "É"])
def test_lone_capital_letter_is_removed(letter: str) -> None:
    doc = run_stages([POST, letter, "JaneDoe", REPLY], "marks")
    assert removed(doc, "marks") == [letter]


@pytest.mark.parametrize("line", ["a", "I.", "123", "7%", "No", "×"])
def test_longer_or_other_short_line_is_kept(line: str) -> None:
    doc = run_stages([POST, line, REPLY], "marks")
    assert line in kept(doc)


def test_numbers_counting_through_the_page_are_kept() -> None:
    lines = ["How it works", "1", "Book a first call.", "2", "Agree on a plan.", "3", "Start the work."]
    assert removed(run_stages(lines, "marks"), "marks") == []


def test_run_of_numbers_is_kept() -> None:
    lines = ["for i in range(9, 0, -2):", "    print(i)", "9", "7", "5", "3", "1", "The loop counts down."]
    assert removed(run_stages(lines, "marks"), "marks") == []


@pytest.mark.parametrize("code", [">>> len(names)", "names.count('bo')", "total", "n = 3"])
def test_number_after_a_line_of_code_is_kept(code: str) -> None:
    doc = run_stages(["Count the names:", code, "3", "That is all of them."], "marks")
    assert "3" in kept(doc)


def test_letter_after_a_line_of_code_is_kept() -> None:
    doc = run_stages(["Read the grade back:", "grades[0]", "A", "It is the first one."], "marks")
    assert "A" in kept(doc)
