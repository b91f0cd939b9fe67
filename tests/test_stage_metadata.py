"""The metadata stage: headline, standfirst, date line and byline leave the body."""

from __future__ import annotations

import json

from cleaner import Block, Document, Pipeline
from cleaner.stages.metadata import byline_author

from .conftest import kept, removed, run_stages

BODY = [
    "The city council voted on Tuesday to extend the night bus service to the northern suburbs, "
    "ending a debate that had divided residents for more than a year.",
    "Supporters said the change would help shift workers who currently walk long distances after "
    "midnight, while critics questioned whether the budget could bear the extra cost.",
    "The new routes will start running in the spring, the transport department said in a statement, "
    "and fares will stay the same as on the existing day routes.",
    "A review of passenger numbers is planned after six months, when the council will decide "
    "whether to keep the service in its current form or change the timetable.",
]


def lifted(doc: Document) -> dict[str, str]:
    """field -> text of the lines the metadata stage lifted."""
    return {
        b.removal.field: b.text
        for b in doc.removals()
        if b.removal is not None and b.removal.stage == "metadata" and b.removal.field
    }


def test_seed_title_description_and_date_match_expected(shared_dir) -> None:  # type: ignore[no-untyped-def]
    seeds = shared_dir / "seeds"
    lines = (seeds / "000_ca327a5417ee51c3.txt").read_text(encoding="utf-8").splitlines()
    expected = json.loads((seeds / "000_ca327a5417ee51c3.expected.json").read_text(encoding="utf-8"))
    doc = run_stages(lines, "metadata", "dedupe")
    assert doc.metadata.title == expected["title"]
    assert doc.metadata.description == expected["description"]
    assert doc.metadata.published == expected["published"]
    assert expected["title"] not in kept(doc)
    assert "repeats the headline" in [b.removal.reason for b in doc.removals() if b.removal]


def test_headline_between_date_line_and_its_repeat_is_lifted() -> None:
    lines = [
        "3 Mar, 2025 09:10",
        "Night buses to reach the northern suburbs from spring",
        "Councillors ended a year-long debate over the cost of the new routes",
        "Night buses to reach the northern suburbs from spring",
        *BODY,
    ]
    doc = run_stages(lines, "metadata", "dedupe")
    assert doc.metadata.title == "Night buses to reach the northern suburbs from spring"
    assert doc.metadata.description == "Councillors ended a year-long debate over the cost of the new routes"
    assert doc.metadata.published == "2025-03-03T09:10"
    assert doc.metadata.published_raw == "3 Mar, 2025 09:10"
    assert kept(doc) == BODY


def test_page_title_line_gives_headline_and_site() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring | The Daily Ledger",
        "Home",
        "News",
        "Night buses to reach the northern suburbs from spring",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == "Night buses to reach the northern suburbs from spring"
    assert doc.metadata.site == "The Daily Ledger"
    assert lines[0] in removed(doc, "metadata")
    assert lines[3] in removed(doc, "metadata")
    assert "Home" in kept(doc)


def test_english_byline_and_date_under_headline_are_lifted() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith",
        "Feb. 20, 2026 8:03 am ET",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.author == "Sarah Smith"
    assert doc.metadata.published == "2026-02-20T08:03"
    assert lifted(doc) == {
        "title": lines[0],
        "author": "By Sarah Smith",
        "published": "Feb. 20, 2026 8:03 am ET",
    }
    assert kept(doc) == BODY


def test_german_headline_byline_and_date_are_lifted() -> None:
    body = [
        "Der Stadtrat hat am Dienstag beschlossen, die Nachtbusse bis in die nördlichen Vororte "
        "fahren zu lassen, nachdem die Anwohner mehr als ein Jahr lang darüber gestritten hatten.",
        "Befürworter sagten, die Änderung helfe vor allem Schichtarbeitern, die nach Mitternacht "
        "bisher lange Wege zu Fuß zurücklegen müssen, und den Gaststätten der Innenstadt.",
        "Die neuen Linien sollen im Frühjahr starten, teilte das Verkehrsamt mit, und die Preise "
        "bleiben dieselben wie auf den bestehenden Tageslinien der Stadt.",
    ]
    lines = [
        "Nachtbusse fahren ab Frühjahr in die Vororte",
        "Von Anna Müller",
        "20.02.2026, 14:05 Uhr",
        *body,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == lines[0]
    assert doc.metadata.author == "Anna Müller"
    assert doc.metadata.published == "2026-02-20T14:05"
    assert kept(doc) == body


def test_russian_byline_and_date_are_lifted() -> None:
    lines = ["Ночные автобусы пойдут в северные пригороды", "Автор: Иван Петров", "20 февраля 2026", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.author == "Иван Петров"
    assert doc.metadata.published == "2026-02-20"


def test_time_on_the_line_under_the_date_joins_it() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith",
        "Nov. 19, 2019",
        "5:50 PM",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published == "2019-11-19T17:50"
    assert "5:50 PM" in removed(doc, "metadata")


def test_level_one_heading_hint_counts_as_evidence() -> None:
    blocks = [
        Block("Night buses to reach the northern suburbs from spring", 1, hints={"level": 1}),
        Block("Photo: city transport department", 2),
        *[Block(text, 3 + i) for i, text in enumerate(BODY)],
    ]
    doc = Pipeline.build(["metadata"]).run(Document(tuple(blocks)))
    assert doc.metadata.title == "Night buses to reach the northern suburbs from spring"


def test_lone_title_shaped_line_without_evidence_is_not_lifted() -> None:
    lines = ["Local transport", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title is None
    assert kept(doc) == lines


def test_sentence_with_date_in_body_is_kept() -> None:
    sentence = "On 20 Feb, 2026 the council published its report on the night routes and their cost."
    lines = ["Night buses to reach the northern suburbs from spring", "By Sarah Smith", *BODY, sentence]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published is None
    assert sentence in kept(doc)


def test_subheading_in_middle_of_body_is_never_lifted() -> None:
    sub = "What the new routes mean for shift workers"
    lines = [*BODY[:2], sub, "By the end of the year, the council hopes to add two more routes.", *BODY[2:]]
    doc = run_stages(lines, "metadata")
    assert sub in kept(doc)
    assert removed(doc, "metadata") == []


def test_standfirst_not_lifted_without_date_byline_or_repeat() -> None:
    stand = "Councillors ended a year-long debate over the cost of the new routes"
    lines = [
        "Night buses to reach the northern suburbs | The Daily Ledger",
        "Night buses to reach the northern suburbs",
        stand,
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == "Night buses to reach the northern suburbs"
    assert doc.metadata.description is None
    assert stand in kept(doc)


def test_menu_item_in_capitals_is_not_a_headline() -> None:
    lines = ["SIGN UP FOR OUR NEWSLETTERS TODAY", "20 Feb 2026", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title is None
    assert "SIGN UP FOR OUR NEWSLETTERS TODAY" in kept(doc)


def test_byline_after_date_on_one_line_gives_author_and_date() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "Posted on March 3, 2026 by Tom Reed",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.author == "Tom Reed"
    assert doc.metadata.published == "2026-03-03"
    assert kept(doc) == BODY


def test_name_alone_beside_date_line_is_the_byline() -> None:
    lines = ["Night buses to reach the northern suburbs from spring", "Daniel Osei", "Fri 30 Jan 2026", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.author == "Daniel Osei"


def test_teaser_in_dated_list_is_not_the_headline() -> None:
    lines = [
        "Harbour festival returns with three days of music",
        "2 Mar 2026",
        "School meals to include more local produce",
        "1 Mar 2026",
        "Bridge repairs close the east road for a week",
        "28 Feb 2026",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title is None
    assert removed(doc, "metadata") == []


def test_nearest_of_tied_headlines_above_the_date_wins() -> None:
    lines = [
        "Harbour festival returns with three days of music",
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith",
        "3 March 2026",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == "Night buses to reach the northern suburbs from spring"
    assert "Harbour festival returns with three days of music" in kept(doc)


def test_standfirst_under_headline_loses_the_tie_to_the_shorter_headline() -> None:
    stand = "Councillors ended a year-long debate over the cost of the new routes to the suburbs"
    lines = ["Night buses reach the northern suburbs", stand, "By Sarah Smith", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == "Night buses reach the northern suburbs"
    assert doc.metadata.description == stand


def test_lead_paragraph_under_date_line_is_not_a_standfirst() -> None:
    lead = "The council voted on Tuesday to extend the night buses."
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith",
        "3 March 2026",
        lead,
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.description is None
    assert lead in kept(doc)


def test_page_title_alone_gives_headline_when_printed_again_run_together() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring - The Daily Ledger",
        "HomeNewsNight buses to reach the northern suburbs from springShareTweet",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == "Night buses to reach the northern suburbs from spring"
    assert doc.metadata.site == "The Daily Ledger"
    assert removed(doc, "metadata") == [lines[0]]
    assert lines[1] in kept(doc)


def test_date_inside_short_line_by_headline_fills_published_and_line_stays() -> None:
    line = "New Delhi, Ledger Staff | Updated : 19 November 2019, 09:01 AM"
    lines = ["Night buses to reach the northern suburbs from spring", "By Sarah Smith", line, *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published == "2019-11-19T09:01"
    assert line in kept(doc)


def test_headline_between_date_line_and_body_is_lifted() -> None:
    lines = [
        "Menu",
        "October 9, 2018 at 4:02 pm",
        "Council extends night buses to the northern suburbs",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == lines[2]
    assert doc.metadata.published == "2018-10-09T16:02"


def test_caption_in_parentheses_is_not_a_headline() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith",
        "3 March 2026",
        "(Anna Lee / City Photo Agency)",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == lines[0]
    assert "(Anna Lee / City Photo Agency)" in kept(doc)


def test_name_and_job_title_line_is_not_a_headline() -> None:
    lines = ["Audrey Huang, Managing Editor", "3 March 2026", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title is None


def test_question_headline_is_not_taken_for_prose() -> None:
    title = "Is an oxygen bar in the city really selling fresh air to tired office workers?"
    lines = [title, "By Sarah Smith", "3 March 2026", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == title


def test_name_on_the_date_line_is_the_author() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "Chris Davies - Nov 19, 2019, 8:15 pm CST",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.author == "Chris Davies"
    assert doc.metadata.published == "2019-11-19T20:15"


def test_place_in_comma_dateline_is_not_the_author() -> None:
    lines = ["Night buses to reach the northern suburbs from spring", "New York, Nov 19, 2019", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.author is None


def test_modified_date_line_under_the_date_line_is_lifted_too() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "Mon 18 Nov 2019 18.54 GMT",
        "Last modified on Tue 19 Nov 2019 09.10 GMT",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published == "2019-11-18T18:54+00:00"
    assert doc.metadata.modified == "2019-11-19T09:10+00:00"
    assert kept(doc) == BODY


LONG_LEAD = (
    "The harbour authority has opened its tide gauge records to the public, publishing "
    "forty years of readings from the six stations along the estuary that until now were "
    "shared only with engineers and insurers on request."
)


def test_one_long_opening_paragraph_counts_as_the_body_start() -> None:
    lines = [
        "Harbour authority opens forty years of tide records",
        "Maria Costa",
        "5 February 2026, 10:00",
        LONG_LEAD,
        "What the records hold",
        "Readings for every hour, by station:",
        "• the water level",
        "• the wind speed",
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == "Harbour authority opens forty years of tide records"
    assert doc.metadata.author == "Maria Costa"
    assert LONG_LEAD in kept(doc)


def test_one_short_prose_line_does_not_count_as_the_body_start() -> None:
    short_lead = "The harbour authority has opened its tide gauge records to the public."
    lines = [
        "Harbour authority opens forty years of tide records",
        "Maria Costa",
        "5 February 2026, 10:00",
        short_lead,
        "What the records hold",
        "Readings for every hour, by station:",
        "• the water level",
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title is None
    assert "Harbour authority opens forty years of tide records" in kept(doc)


def test_full_sentence_standfirst_set_apart_by_a_share_bar_is_lifted() -> None:
    stand = "Councillors approved the plan on Friday. The first buses run in the spring."
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "3 March 2026",
        "By Sarah Smith",
        stand,
        "Share on Facebook",
        "Share on WhatsApp",
        *BODY,
    ]
    doc = run_stages(lines, "share", "metadata")
    assert removed(doc, "share") == ["Share on Facebook", "Share on WhatsApp"]
    assert doc.metadata.description == stand
    assert kept(doc) == BODY


def test_full_sentence_under_byline_followed_by_blank_line_only_is_the_lead() -> None:
    lead = "Councillors approved the plan on Friday. The first buses run in the spring."
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "3 March 2026",
        "By Sarah Smith",
        lead,
        "",
        *BODY,
    ]
    doc = run_stages(lines, "normalize", "share", "metadata")
    assert doc.metadata.description is None
    assert lead in kept(doc)


def test_date_line_above_lifted_headline_and_dated_byline_is_lifted_too() -> None:
    lines = [
        "20 Feb 2026 12:53",
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith | 12 January 2026",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published == "2026-01-12"
    assert doc.metadata.modified == "2026-02-20T12:53"
    assert kept(doc) == BODY


def test_date_line_between_body_paragraphs_is_not_lifted() -> None:
    lines = [
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith | 12 January 2026",
        *BODY[:2],
        "20 Feb 2026",
        *BODY[2:],
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published == "2026-01-12"
    assert "20 Feb 2026" in kept(doc)


def test_date_line_above_a_copy_of_the_headline_is_lifted_with_the_headline_block() -> None:
    lines = [
        "20 Feb 2026 12:53",
        "Night buses to reach the northern suburbs from spring",
        "Night buses to reach the northern suburbs from spring",
        "By Sarah Smith | 12 January 2026",
        *BODY,
    ]
    doc = run_stages(lines, "metadata", "dedupe")
    assert doc.metadata.title == "Night buses to reach the northern suburbs from spring"
    assert kept(doc) == BODY


def test_date_line_printed_twice_above_the_body_goes_in_both_copies_without_a_headline() -> None:
    lines = ["3 March 2026", "Local news", "3 March 2026", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published == "2026-03-03"
    assert kept(doc) == ["Local news", *BODY]


def test_other_date_line_above_the_body_stays_without_a_headline() -> None:
    lines = ["1 March 2026", "Local news", "3 March 2026", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.published == "2026-03-03"
    assert "1 March 2026" in kept(doc)


def test_copy_of_the_date_line_near_the_headline_is_lifted_too() -> None:
    lines = [
        "3 March 2026",
        "Local news",
        "Night buses to reach the northern suburbs from spring",
        "3 March 2026",
        *BODY,
    ]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.title == "Night buses to reach the northern suburbs from spring"
    assert kept(doc) == ["Local news", *BODY]


def test_standfirst_above_a_lone_by_word_is_lifted() -> None:
    # soup dumps print the byline's "By" on a line of its own, above the name
    stand = "Councillors ended a year-long debate over the cost of the new routes"
    lines = ["Night buses to reach the northern suburbs", stand, "By", "Tom Reed", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.description == stand
    assert stand not in kept(doc)


def test_lone_by_word_is_no_author() -> None:
    lines = ["Night buses to reach the northern suburbs", "Von", *BODY]
    doc = run_stages(lines, "metadata")
    assert doc.metadata.author is None


def test_byline_too_long_to_be_one_is_refused_again_from_memory() -> None:
    long = "By the end of the week the council had agreed to " + "look again at the plans " * 3
    assert byline_author(long) is None
    assert byline_author(long) is None  # the second answer is the remembered one
    assert byline_author("By Sarah Whitfield | Coastal Herald") == "Sarah Whitfield"
    assert byline_author("By Sarah Whitfield | Coastal Herald") == "Sarah Whitfield"
