"""Dates as pages write them, read into ISO 8601 (cleaner.dates)."""

from __future__ import annotations

import pytest

from cleaner.dates import find_date, is_date_line


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("20 Feb, 2026 12:53", "2026-02-20T12:53"),
        ("February 20, 2026", "2026-02-20"),
        ("Feb. 20, 2026 8:03 am ET", "2026-02-20T08:03"),
        ("Mar 3 2025 9:15 PM", "2025-03-03T21:15"),
        ("Dec 1, 2024 12:05 a.m.", "2024-12-01T00:05"),
        ("20.02.2026", "2026-02-20"),
        ("20.02.2026, 14:05 Uhr", "2026-02-20T14:05"),
        ("Freitag, 3. März 2025, 9.30 Uhr", "2025-03-03T09:30"),
        ("20 февраля 2026", "2026-02-20"),
        ("5 марта 2025 г., 10:40", "2025-03-05T10:40"),
        ("20 de febrero de 2026", "2026-02-20"),
        ("1 de septiembre de 2025 a las 18:20", "2025-09-01T18:20"),
        ("20 février 2026 à 14h05", "2026-02-20T14:05"),
        ("1er mars 2025", "2025-03-01"),
        ("20 febbraio 2026", "2026-02-20"),
        ("7 de outubro de 2024 às 08:10", "2024-10-07T08:10"),
        ("12 maart 2025", "2025-03-12"),
        ("20 lutego 2026 r., godz. 14:05", "2026-02-20T14:05"),
        ("2026-02-20T12:53Z", "2026-02-20T12:53Z"),
        ("2026-02-20T12:53:09+01:00", "2026-02-20T12:53:09+01:00"),
        ("2026-02-20 12:53", "2026-02-20T12:53"),
        ("2026/02/20", "2026-02-20"),
        ("Published 20/02/2026", "2026-02-20"),
        ("Updated: Friday 20 February 2026 10:00 GMT", "2026-02-20T10:00+00:00"),
        ("18:45 UTC+3, 4 June 2025", "2025-06-04T18:45+03:00"),
        ("11/20/2019", "2019-11-20"),
        ("2026年2月20日", "2026-02-20"),
    ],
)
def test_written_date_read_as_iso(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None
    assert found[0] == iso


@pytest.mark.parametrize(
    "line",
    [
        "3:45",
        "2026 was a good year",
        "Call 020 7946 0958",
        "Version 2.10.2026",
        "v 12.10.2026",
        "31.02.2026",
        "30 February 2026",
        "Score 3-2 in 1998",
        "February 2026",
        "Up 20.5% from 2025",
        "",
    ],
)
def test_non_date_not_read(line: str) -> None:
    assert find_date(line) is None


def test_original_string_kept_with_time_and_zone() -> None:
    assert find_date("By staff. Feb. 20, 2026 8:03 am ET. Read more") == (
        "2026-02-20T08:03",
        "Feb. 20, 2026 8:03 am ET",
    )


def test_time_before_date_joins_the_match() -> None:
    assert find_date("12:53, 20 Feb 2026") == ("2026-02-20T12:53", "12:53, 20 Feb 2026")


def test_impossible_time_keeps_date_only() -> None:
    assert find_date("20 Feb 2026 27:10") == ("2026-02-20", "20 Feb 2026")


def test_named_zone_keeps_time_without_offset() -> None:
    found = find_date("20 Feb 2026 10:00 CET")
    assert found is not None and found[0] == "2026-02-20T10:00"


def test_first_of_two_dates_wins() -> None:
    found = find_date("Published 3 March 2025, updated 4 March 2025")
    assert found is not None and found[0] == "2025-03-03"


@pytest.mark.parametrize(
    "line",
    [
        "20 Feb, 2026 12:53",
        "Published 20/02/2026",
        "Updated: Friday 20 February 2026 10:00 GMT",
        "By Sarah Smith | Feb. 20, 2026",
        "Von Anna Müller, 20.02.2026, 14:05 Uhr",
        "Publié le 20 février 2026 à 14h05",
        "Publicado el 20 de febrero de 2026",
        "Опубликовано: 20 февраля 2026",
        "Aggiornato il 20 febbraio 2026",
        "Gepubliceerd op 12 maart 2025",
    ],
)
def test_date_line_recognised(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council met on February 20, 2026 to vote on the budget for schools.",
        "Tickets for the 20 Feb 2026 concert sold out",
        "Kremlin explains why peace talks are impossible",
        "3:45",
        "x" * 200 + " 20 Feb 2026",
    ],
)
def test_sentence_with_date_not_a_date_line(line: str) -> None:
    assert not is_date_line(line)


def test_huge_line_of_date_fragments_is_no_date() -> None:
    # (no timing here: tests/test_regex_safety.py audits these patterns for backtracking)
    line = "20 de " * 800_000
    assert find_date(line) is None
    assert not is_date_line(line)


def test_dotted_time_before_zone_is_read() -> None:
    found = find_date("Mon 18 Nov 2019 18.54 GMT")
    assert found is not None and found[0] == "2019-11-18T18:54+00:00"


def test_name_set_off_by_separator_makes_a_date_line() -> None:
    assert is_date_line("Chris Davies - Nov 19, 2019, 8:15 pm CST")


def test_two_name_parts_are_not_a_date_line() -> None:
    assert not is_date_line("New Delhi, Ledger Staff Desk | Updated : 19 November 2019, 09:01 AM")
