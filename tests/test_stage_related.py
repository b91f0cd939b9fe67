"""The related stage drops the headlines listed under a related-stories heading, not the body."""

from __future__ import annotations

from tests.conftest import kept, removed, run_stages

BODY = [
    "The harbour board said on Tuesday that the night ferry to the island would sail again from next "
    "month, ending a gap of three winters in which islanders had only a morning boat to the mainland.",
    "The leased ship is older than the one that was sold, and the crew will need a few weeks of trials "
    "in the sound before the first paying passengers are allowed on board, the board said.",
]
HEADLINES = [
    "Library extends weekend opening hours",
    "School bus route to be reviewed after complaints",
    "Is the old pier safe for another winter?",
]


def test_headlines_under_a_related_heading_below_the_article_dropped() -> None:
    doc = run_stages([*BODY, "Related articles", *HEADLINES], "related")
    assert removed(doc, "related") == HEADLINES


def test_headlines_under_a_german_heading_dropped() -> None:
    headlines = ["Neue Fähre für die Insel", "Hafen wird saniert"]
    doc = run_stages([*BODY, "Weitere Beiträge zum Thema", *headlines], "related")
    assert removed(doc, "related") == headlines


def test_body_sentence_after_the_heading_stops_the_list() -> None:
    sentence = "The ferry will leave the pier at nine in the evening."
    lines = [*BODY, "Read more", HEADLINES[0], HEADLINES[1], sentence]
    doc = run_stages(lines, "related")
    assert removed(doc, "related") == HEADLINES[:2]
    assert sentence in kept(doc)


def test_one_title_like_line_inside_the_body_after_a_heading_kept() -> None:
    lines = [*BODY, "Read more", "What happens next", BODY[0]]
    doc = run_stages(lines, "related")
    assert removed(doc, "related") == []


def test_heading_before_the_article_begins_drops_nothing() -> None:
    doc = run_stages(["Related articles", *HEADLINES, *BODY], "related")
    assert removed(doc, "related") == []


def test_heading_that_only_starts_with_the_label_is_not_a_heading() -> None:
    doc = run_stages([*BODY, "Read more about the ferry timetable", *HEADLINES], "related")
    assert removed(doc, "related") == []


def test_show_more_button_is_not_a_related_heading() -> None:
    doc = run_stages([*BODY, "Show more", *HEADLINES], "related")
    assert removed(doc, "related") == []
