"""The normalize stage unifies whitespace and cuts a dump's glued lines into their segments."""

from __future__ import annotations

from cleaner import Pipeline
from cleaner.document import Document
from cleaner.stages.normalize import GLUED_MIN_CHARS, split_glued

from .conftest import kept, run_stages

# Realistic filler: a paragraph of plain prose with ordinary sentence breaks.
PROSE = (
    "The ferry company said the new timetable would start in spring, after the harbour works end. "
    "Residents had asked for an earlier boat on weekdays, and the council agreed to pay for it. "
) * (GLUED_MIN_CHARS // 180 // 2 + 1)


def glued(*parts: str, sep: str = "") -> str:
    return sep.join(parts)


def test_long_line_is_cut_at_runs_of_spaces() -> None:
    line = glued("HomeNewsSportWeather", PROSE * 3, "Contact usPrivacy", sep="     ")
    assert split_glued(line) == ["HomeNewsSportWeather", (PROSE * 3).rstrip(), "Contact usPrivacy"]


def test_long_line_is_cut_where_a_sentence_end_runs_into_a_capital() -> None:
    first = PROSE * 2 + "They will vote in May."
    second = "Advert Subscribe to the print edition for twelve issues a year."
    assert split_glued(first + second) == [first, second]


def test_sentence_end_in_quotes_or_brackets_is_a_cut() -> None:
    first = PROSE * 2 + "It was (mostly) worth it.)"
    assert split_glued(first + "The next day began.") == [first, "The next day began."]


def test_short_line_is_never_cut() -> None:
    line = "Read more.Subscribe     now"
    assert len(line) < GLUED_MIN_CHARS
    assert split_glued(line) == [line]


def test_abbreviations_domains_and_decimals_are_not_cuts() -> None:
    line = PROSE * 2 + "The U.S.Army used Node.js on example.com for 3.5 days."
    assert split_glued(line) == [line]


def test_cutting_a_segment_again_changes_nothing() -> None:
    line = glued("Menu  Home", PROSE * 3 + "Done.", "Next story here is long enough.", sep="  ")
    for part in split_glued(line):
        assert split_glued(part) == [part]


def test_glued_dump_line_becomes_several_kept_lines_of_the_same_origin() -> None:
    doc = run_stages([glued("Skip to content", PROSE * 4, sep="      ")])
    assert kept(doc) == ["Skip to content", (PROSE * 4).strip()]
    assert {b.origin for b in doc.kept()} == {1}


def test_html_blocks_are_not_cut() -> None:
    text = glued("Menu", PROSE * 4, sep="      ")
    doc = Pipeline.build(["normalize"]).run(Document.from_lines([text], kind="html"))
    assert len(list(doc.kept())) == 1


def test_no_break_spaces_become_plain_spaces() -> None:
    assert kept(run_stages(["Peskov\u00a0said"])) == ["Peskov said"]


def test_line_of_only_invisible_characters_is_dropped_as_blank() -> None:
    doc = run_stages(["\u00a0\u200b", "Body line."])
    assert kept(doc) == ["Body line."]


def test_markdown_link_card_is_not_cut() -> None:
    line = "[ ![a ferry](https://img.example/ferry.jpg) " + PROSE + "](https://news.example/ferry)"
    assert split_glued(line) == [line]


def test_script_data_is_not_cut() -> None:
    item = '{"title":"Ferry.Timetable","note":"Late boat.The board"},'
    line = "[" + item * (GLUED_MIN_CHARS // len(item) + 1) + "]"
    assert split_glued(line) == [line]
