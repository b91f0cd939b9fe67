"""The small pattern for a time closing a date line reads it as the full time pattern does."""

from __future__ import annotations

import pytest

from cleaner import dates

LINES = [
    "20 Feb 2026 12:53", "20 Feb 2026, 8:03 ", "2026-02-20T12:53", "20 Feb 2026 | 12:53:10",
    "20 Feb 2026 - 24:00", "20 Feb 2026\t07:00", "20 Feb 2026 , 9:05",
]


@pytest.mark.parametrize("line", LINES)
def test_plain_time_after_agrees_with_full_time_pattern(line: str) -> None:
    end = 10 if line.startswith("2026") else 11  # where the date ends
    plain = dates._PLAIN_TIME_AFTER.match(line, end)
    full = dates._patterns().time_after.match(line, end)
    assert plain is not None and full is not None
    assert (plain.end(), dates._clock(plain)) == (full.end(), dates._clock(full))


@pytest.mark.parametrize("line", ["20 Feb 2026 12:53 CET", "20 Feb 2026 8:03 pm", "20 Feb 2026 14h05"])
def test_plain_time_after_leaves_zones_and_clock_words_to_the_full_pattern(line: str) -> None:
    assert dates._PLAIN_TIME_AFTER.match(line, 11) is None
    assert dates._patterns().time_after.match(line, 11) is not None


def test_date_without_a_later_digit_reads_no_time() -> None:
    assert dates.find_date("Published 20 Feb 2026 by Anna") == ("2026-02-20", "20 Feb 2026")


def test_every_at_word_starts_with_a_letter() -> None:
    # The small pattern relies on this: an "at" word ("at", "um", "à", "в") never stands
    # between a date and the digits of its time when it starts with a letter.
    words = dates.date_words("at")
    assert words and all(word[:1].isalpha() for word in words)
