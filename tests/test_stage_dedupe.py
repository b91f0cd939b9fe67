"""The dedupe stage: lines printed twice leave the body; repeats inside the body stay."""

from __future__ import annotations

from cleaner import Document, Pipeline

from .conftest import kept, removed, run_stages

BODY = [
    "The library will open on Sundays from next month, the city said, after a survey found that "
    "most visitors wanted longer weekend hours.",
    "Staff will rotate so that nobody works more than two Sundays in a row, and the reading rooms "
    "will close an hour earlier on weekdays to balance the budget.",
    "The children's section will run a story hour every Sunday morning, and volunteers are being "
    "recruited to help with the new homework club in the afternoons.",
    "Visitors who want to suggest other changes can leave a note at the front desk or write to the "
    "library board, which meets on the first Monday of each month.",
]
MENU = ["Home", "Local news", "Sport", "Weather"]


def with_title(lines: list[str], title: str) -> Document:
    doc = Document.from_lines(lines).with_metadata(title=title)
    return Pipeline.build(["normalize", "dedupe"]).run(doc)


def test_headline_printed_again_is_removed() -> None:
    title = "Library to open on Sundays from next month"
    doc = with_title([title, *BODY], title)
    assert removed(doc, "dedupe") == [title]
    assert kept(doc) == BODY


def test_headline_with_site_name_is_removed() -> None:
    title = "Library to open on Sundays from next month"
    doc = with_title([f"{title} | Riverside Gazette", *BODY], title)
    assert removed(doc, "dedupe") == [f"{title} | Riverside Gazette"]


def test_sentence_quoting_the_headline_is_kept() -> None:
    title = "Library to open on Sundays"
    sentence = (
        "Library to open on Sundays was the headline that made the mayor change her mind about the plan."
    )
    doc = with_title([*BODY, sentence], title)
    assert sentence in kept(doc)


def test_menu_printed_above_and_below_the_body_is_removed() -> None:
    doc = run_stages([*MENU, *BODY, *MENU], "dedupe")
    assert kept(doc) == BODY
    assert removed(doc, "dedupe") == MENU + MENU


def test_short_line_repeated_outside_body_is_removed() -> None:
    doc = run_stages(["Subscribe now", *BODY, "Subscribe now"], "dedupe")
    assert kept(doc) == BODY


def test_table_of_contents_copy_goes_and_subheading_in_body_stays() -> None:
    lines = ["Opening hours", "Story hour", *BODY[:2], "Opening hours", *BODY[2:3], "Story hour", *BODY[3:]]
    doc = run_stages(lines, "dedupe")
    assert removed(doc, "dedupe") == ["Opening hours", "Story hour"]
    assert kept(doc).count("Opening hours") == 1
    assert kept(doc).count("Story hour") == 1


def test_refrain_repeated_between_paragraphs_is_kept() -> None:
    lines = [BODY[0], "And still the river runs", BODY[1], BODY[2], "And still the river runs", BODY[3]]
    doc = run_stages(lines, "dedupe")
    assert kept(doc) == lines


def test_code_example_shown_twice_inside_body_is_kept() -> None:
    code = ["header {", "color: white;", "}"]
    lines = [BODY[0], *code, BODY[1], BODY[2], *code, BODY[3]]
    doc = run_stages(lines, "dedupe")
    assert kept(doc) == lines


def test_listing_without_prose_keeps_repeated_fields() -> None:
    lines = ["Reported by:", "North branch", "Reported by:", "South branch", "Reported by:", "East branch"]
    doc = run_stages(lines, "dedupe")
    assert kept(doc) == lines


def test_long_line_repeated_outside_body_is_not_a_short_repeat() -> None:
    notice = "We use cookies to learn how visitors use this site and to improve the service we offer"
    doc = run_stages([notice, *BODY, notice], "dedupe")
    assert kept(doc).count(notice) == 2


def test_code_lines_printed_twice_below_the_body_are_kept() -> None:
    code = ["const total = sum(prices);", "if (total > limit) {", "return total;"]
    doc = run_stages([*BODY, *code, "Second example", *code], "dedupe")
    assert removed(doc, "dedupe") == []


def test_menu_without_code_punctuation_below_the_body_is_still_removed() -> None:
    menu = ["Prices", "Limits", "Totals"]
    doc = run_stages([*BODY, *menu, "Site map", *menu], "dedupe")
    assert removed(doc, "dedupe") == menu + menu


def test_field_repeated_at_each_comment_below_the_body_is_kept() -> None:
    comments = []
    for name, text in [("Maria", "Great news"), ("Tom", "About time"), ("Ana", "Finally")]:
        comments += [name, "2 days ago", text, "Reply"]
    doc = run_stages([*BODY, *comments], "dedupe")
    assert kept(doc).count("Reply") == 3


def test_line_repeated_with_only_repeated_lines_between_is_removed() -> None:
    block = ["Reply", "Share", "Report"]
    doc = run_stages([*BODY, *block, *block, *block], "dedupe")
    assert kept(doc) == BODY


def test_line_repeated_on_both_sides_of_the_body_is_not_a_record_field() -> None:
    lines = ["Share", "Print this page", "Email us", "Share", *BODY, "Share", "Follow us", "Contact", "Share"]
    doc = run_stages(lines, "dedupe")
    assert "Share" not in kept(doc)


def test_field_repeated_at_every_other_line_is_not_a_record_field() -> None:
    lines = [*BODY, "Tag", "Rivers", "Tag", "Lakes", "Tag", "Hills"]
    doc = run_stages(lines, "dedupe")
    assert "Tag" not in kept(doc)


def test_article_printed_again_below_itself_loses_the_copy() -> None:
    doc = run_stages([*BODY, "Jane Roe", "2026-02-20T12:53:00+01:00", *BODY], "dedupe")
    assert kept(doc)[: len(BODY)] == BODY
    assert removed(doc, "dedupe") == BODY


def test_article_copy_is_found_past_lines_that_differ_between_copies() -> None:
    copy = [BODY[0], "Photo: Jane Roe", *BODY[1:]]
    doc = run_stages([*BODY, "Related", *copy], "dedupe")
    assert removed(doc, "dedupe") == BODY


def test_paragraphs_repeated_further_down_the_page_are_kept() -> None:
    terms = [
        "The offer is valid for bookings made before the end of March and cannot be combined with others.",
        "Prices are per person, based on two adults sharing a room, and include all taxes and fees.",
        "Travel must be completed by the end of the year; blackout dates apply around the holidays.",
    ]
    lines = [*BODY, "Winter offer", *terms, "Spring offer", *terms]
    doc = run_stages(lines, "dedupe")
    assert kept(doc) == lines


def test_two_paragraphs_printed_again_are_not_an_article_copy() -> None:
    lines = [*BODY, "Summary", *BODY[:2]]
    doc = run_stages(lines, "dedupe")
    assert kept(doc) == lines


def test_same_price_on_two_items_of_a_list_is_kept() -> None:
    lines = [
        "Trail boot, women's",
        "$170.00",
        "Trail boot, men's",
        "$170.00",
        *BODY,
    ]
    doc = run_stages(lines, "dedupe")
    assert kept(doc).count("$170.00") == 2


def test_short_label_printed_twice_above_the_body_still_goes() -> None:
    lines = ["Sale", "Trail boot, women's", "Sale", *BODY]
    doc = run_stages(lines, "dedupe")
    assert "Sale" in removed(doc, "dedupe")


def test_remembered_answers_give_the_same_result_on_a_second_run() -> None:
    code = ["let width = 40;", "draw(width);", "fill();"]
    menu = ["Harbour", "Ferries", "Timetables"]
    lines = [*BODY, *code, *menu, "$12.50", "Contact", *code, *menu, "$12.50"]
    first = run_stages(lines, "dedupe")
    second = run_stages(lines, "dedupe")  # every short line's answer now comes from the memo
    assert removed(second, "dedupe") == removed(first, "dedupe") == menu + menu
    assert kept(second).count("$12.50") == 2


def test_menu_run_longer_than_three_lines_printed_twice_is_removed() -> None:
    menu = ["Harbour", "Ferries", "Timetables", "Fares", "Parking"]
    doc = run_stages([*menu, *BODY, *menu], "dedupe")
    assert removed(doc, "dedupe") == menu + menu
