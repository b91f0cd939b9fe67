"""The forum stage: the chrome around each post of a thread goes; the posts and their authors stay."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.pipeline import Pipeline

from .conftest import kept, removed, run_stages

POST_1 = (
    "Has anyone here replaced the chain on a 2012 touring bike without a chain tool? Mine snapped on a hill."
)
POST_2 = "You can use a spare quick link if the chain is nine-speed; keep one in the saddle bag from now on."
POST_3 = "Thanks, the quick link worked and I made it home before dark."

THREAD = [
    "maria_k",
    "Senior Member",
    "Joined",
    "Mar 3, 2019",
    "Posts",
    "1,204",
    "#1",
    POST_1,
    "Reply with quote",
    "dave.r",
    "Member",
    "Joined",
    "Jun 12, 2021",
    "Posts",
    "87",
    "#2",
    POST_2,
    "Reply with quote",
    "maria_k",
    "#3",
    POST_3,
]


def test_profile_fields_ranks_numbers_and_buttons_of_a_thread_are_removed() -> None:
    doc = run_stages(THREAD, "forum")
    gone = removed(doc, "forum")
    for line in ("Senior Member", "Joined", "Mar 3, 2019", "Posts", "1,204", "#1", "Reply with quote"):
        assert line in gone


def test_posts_and_their_authors_are_kept_in_a_thread() -> None:
    doc = run_stages(THREAD, "forum")
    assert kept(doc) == ["maria_k", POST_1, "dave.r", POST_2, "maria_k", POST_3]


def test_german_thread_chrome_is_removed() -> None:
    lines = [
        "kurt_b",
        "Mitglied",
        "Beiträge: 312",
        "Zitieren",
        "Wie lange hält ein Akku im Winter?",
        "lena",
        "Neues Mitglied",
        "Beiträge: 12",
        "Zitieren",
        "Bei mir etwa zwei Stunden weniger.",
    ]
    doc = run_stages(lines, "forum")
    assert kept(doc) == [
        "kurt_b",
        "Wie lange hält ein Akku im Winter?",
        "lena",
        "Bei mir etwa zwei Stunden weniger.",
    ]


def test_folded_quote_of_an_earlier_post_is_removed_with_its_header() -> None:
    lines = [*THREAD[:-1], "dave.r said:", "keep one in the saddle bag", "Click to expand...", POST_3]
    doc = run_stages(lines, "forum")
    assert "keep one in the saddle bag" in removed(doc, "forum")
    assert "dave.r said:" in removed(doc, "forum")
    assert POST_3 in kept(doc)


def test_quote_header_without_a_fold_is_kept() -> None:
    lines = [*THREAD[:-1], "dave.r wrote:", "keep one in the saddle bag", POST_3]
    doc = run_stages(lines, "forum")
    assert "dave.r wrote:" in kept(doc)
    assert "keep one in the saddle bag" in kept(doc)


def test_a_lone_member_label_on_a_page_that_is_no_thread_is_kept() -> None:
    lines = ["Member", POST_1, "Top", POST_2]
    doc = run_stages(lines, "forum")
    assert kept(doc) == lines


def test_one_label_printed_many_times_is_not_a_thread() -> None:
    lines = ["Top", POST_1, "Top", POST_2, "Top", POST_3, "Top"]
    doc = run_stages(lines, "forum")
    assert kept(doc) == lines


def test_a_value_after_a_profile_label_needs_a_figure() -> None:
    lines = [*THREAD, "Location", "the lake district", POST_3]
    doc = run_stages(lines, "forum")
    assert "the lake district" in kept(doc)
    assert "Location" in removed(doc, "forum")


QUESTION = "How do I keep a sourdough starter alive while I travel for two weeks in the summer?"
ANSWER_1 = "Feed it well, put it in the fridge in a closed jar and it keeps for a fortnight without trouble."
ANSWER_2 = "Dry a spoonful of it on baking paper before you leave; it revives in a day with flour and water."

QA_PAGE = [
    QUESTION,
    "asked Jun 4, 2021 at 8:15",
    "baker_tom",
    "1,204 3 gold badges12 silver badges30 bronze badges",
    "2 Answers",
    "Sorted by: Reset to default",
    "Highest score (default)",
    "Date created (oldest first)",
    "14",
    ANSWER_1,
    "answered Jun 4, 2021 at 9:02",
    "2021-06-04 09:02:44 +00:00",
    "crumb",
    "5,310 8 gold badges41 silver badges77 bronze badges",
    "3",
    ANSWER_2,
    "edited Jun 5, 2021 at 7:40",
    "Viewed 3k times",
]


def test_question_and_answer_chrome_is_removed() -> None:
    doc = run_stages(QA_PAGE, "forum")
    assert kept(doc) == [QUESTION, "baker_tom", ANSWER_1, "crumb", ANSWER_2]


def test_stamps_badges_and_votes_are_named_for_what_they_are() -> None:
    doc = run_stages(QA_PAGE, "forum")
    reasons = {b.text: b.removal.reason for b in doc.removals() if b.removal}
    assert reasons["answered Jun 4, 2021 at 9:02"] == "forum post stamp"
    assert reasons["5,310 8 gold badges41 silver badges77 bronze badges"] == "member badge counts"
    assert reasons["14"] == "vote count or timestamp beside a post"
    assert reasons["2021-06-04 09:02:44 +00:00"] == "vote count or timestamp beside a post"


def test_russian_and_spanish_stamps_and_badges_are_removed() -> None:
    lines = [
        "Как сохранить закваску, если уезжаешь на две недели?",
        "задан 4 июн 2021 в 8:15",
        "1 204 3 золотых знака 12 серебряных знаков",
        "¿Cómo se conserva la masa madre durante un viaje largo?",
        "respondida el 4 jun. 2021 a las 9:02",
        "5.310 8 medallas de oro 41 medallas de plata",
    ]
    doc = run_stages(lines, "forum")
    assert kept(doc) == [lines[0], lines[3]]


def test_a_short_line_opening_with_a_stamp_verb_but_no_figure_is_kept() -> None:
    lines = [*QA_PAGE, "Asked around the bakery too"]
    doc = run_stages(lines, "forum")
    assert "Asked around the bakery too" in kept(doc)


def test_lone_numbers_stay_on_a_page_that_is_no_thread() -> None:
    lines = [POST_1, "14", POST_2, "2021-06-04 09:02:44 +00:00", POST_3]
    doc = run_stages(lines, "forum")
    assert kept(doc) == lines


def test_chrome_an_earlier_stage_dropped_still_makes_the_page_a_thread() -> None:
    doc = Document.from_lines(["Reply with quote", "Senior Member", "Report post", POST_1, "Quote", POST_2])
    blocks = [b.drop("content", "boilerplate") if i < 3 else b for i, b in enumerate(doc.blocks)]
    out = Pipeline.build(["forum"]).run(doc.with_blocks(blocks))
    assert "Quote" in removed(out, "forum")
    assert kept(out) == [POST_1, POST_2]


def test_thanks_counts_signature_labels_and_quote_headers_of_a_thread_are_removed() -> None:
    lines = [
        *THREAD,
        "[ 2 ] Thanks",
        "Signature",
        "Originally Posted by dave.r",
        "3 replies",
    ]
    doc = run_stages(lines, "forum")
    gone = removed(doc, "forum")
    for line in lines[len(THREAD) :]:
        assert line in gone
    assert POST_3 in kept(doc)


def _dropped_as_comments(lines: list[str], texts: set[str], reason: str) -> Document:
    """A document whose ``texts`` lines the content stage already dropped with ``reason``."""
    doc = Document.from_lines(lines)
    return doc.with_blocks(b.drop("content", reason) if b.text in texts else b for b in doc.blocks)


def test_posts_the_content_stage_took_for_comments_come_back_in_a_thread() -> None:
    doc = _dropped_as_comments(THREAD, {POST_2, POST_3, "dave.r"}, "comment thread below the article")
    doc = Pipeline.build(["forum"]).run(doc)
    assert POST_2 in kept(doc)
    assert "dave.r" in kept(doc)
    assert "Senior Member" in removed(doc, "forum")


def test_threads_listed_below_the_last_post_stay_dropped() -> None:
    below = "Ketten kürzen ohne Werkzeug: geht das?"
    lines = [*THREAD, "Ähnliche Themen", below]
    doc = _dropped_as_comments(lines, {POST_2, below}, "comment thread below the article")
    doc = Pipeline.build(["forum"]).run(doc)
    assert POST_2 in kept(doc)
    assert below not in kept(doc)


def test_other_drops_of_the_content_stage_stay_in_a_thread() -> None:
    doc = _dropped_as_comments(THREAD, {POST_2}, "boilerplate: reads unlike the article")
    doc = Pipeline.build(["forum"]).run(doc)
    assert POST_2 not in kept(doc)


def test_answers_of_a_question_and_answer_page_are_not_brought_back() -> None:
    answer = "Réinstallez le paquet puis redémarrez le service ; cela a suffi chez moi."
    lines = [
        "Comment relancer le service après une mise à jour ?",
        "asked Mar 3, 2019 at 9:14",
        "12.4k 5 gold badges 50 silver badges",
        "#1",
        "answered Mar 4, 2019 at 10:02",
        "3,101 2 gold badges 19 silver badges",
        answer,
        "#2",
    ]
    doc = _dropped_as_comments(lines, {answer}, "comment thread below the article")
    doc = Pipeline.build(["forum"]).run(doc)
    assert answer not in kept(doc)


COMMENT = "Does this also work with rye flour, or does it need more water?"


def test_a_comment_under_an_answer_goes_with_its_signature_and_stamp() -> None:
    lines = [
        *QA_PAGE,
        COMMENT,
        "flour_ann",
        "– flour_ann",
        "2021-06-05 10:11:12 +00:00",
        "Commented Jun 5, 2021 at 10:11",
    ]
    doc = run_stages(lines, "forum")
    assert removed(doc, "forum")[-5:] == lines[-5:]
    assert {b.removal.reason for b in doc.removals() if b.text == COMMENT and b.removal} == {
        "comment under a post"
    }
    assert ANSWER_2 in kept(doc)


def test_a_comment_whose_stamp_date_is_on_the_next_line_goes() -> None:
    lines = [
        *QA_PAGE,
        "Funktioniert das auch mit Roggenmehl?",
        "anna_k",
        "–",
        "anna_k",
        "Kommentiert",
        "5. Juni 2021 um 10:11",
    ]
    doc = run_stages(lines, "forum")
    assert "Funktioniert das auch mit Roggenmehl?" in removed(doc, "forum")
    assert "5. Juni 2021 um 10:11" in removed(doc, "forum")


def test_a_line_above_a_comment_stamp_without_a_signature_is_kept() -> None:
    lines = [*QA_PAGE, COMMENT, "Commented Jun 5, 2021 at 10:11"]
    doc = run_stages(lines, "forum")
    assert COMMENT in kept(doc)


def test_a_long_post_above_a_signature_and_comment_stamp_is_kept() -> None:
    long_post = " ".join([ANSWER_2] * 8)  # far longer than a one-line comment
    lines = [*QA_PAGE, long_post, "flour_ann", "– flour_ann", "Commented Jun 5, 2021 at 10:11"]
    doc = run_stages(lines, "forum")
    assert long_post in kept(doc)
    assert "– flour_ann" in removed(doc, "forum")


def test_a_letter_standing_for_a_members_picture_is_removed_in_a_thread() -> None:
    lines = [*THREAD[:9], "D", *THREAD[9:]]
    doc = run_stages(lines, "forum")
    assert "D" in removed(doc, "forum")
    assert "dave.r" in kept(doc)


def test_a_single_letter_before_a_name_with_another_initial_is_kept() -> None:
    lines = [*THREAD[:9], "B", *THREAD[9:]]
    doc = run_stages(lines, "forum")
    assert "B" in kept(doc)


def test_a_value_under_a_profile_label_an_earlier_stage_dropped_is_removed() -> None:
    doc = Document.from_lines(THREAD)
    doc = doc.with_blocks(
        b.drop("content", "boilerplate: short line among boilerplate") if b.text == "Joined" else b
        for b in doc.blocks
    )
    doc = Pipeline.build(["forum"]).run(doc)
    assert "Mar 3, 2019" in removed(doc, "forum")
    assert POST_1 in kept(doc)


def test_a_comment_under_its_signature_and_age_goes_on_a_question_and_answer_page() -> None:
    signed = ["flour_ann", "flour_ann vor 2 Jahren", COMMENT, "2021-06-05T10:11:12.5Z"]
    doc = run_stages([*QA_PAGE, *signed], "forum")
    assert removed(doc, "forum")[-4:] == signed
    assert ANSWER_2 in kept(doc)


def test_a_name_repeated_with_more_words_but_no_timestamp_is_kept() -> None:
    lines = [*QA_PAGE, "crumb", "crumb also bakes on Sundays", COMMENT]
    doc = run_stages(lines, "forum")
    assert COMMENT in kept(doc)
    assert "crumb also bakes on Sundays" in kept(doc)


def test_a_reply_between_two_folded_quotes_is_kept_when_the_second_has_no_header() -> None:
    reply = "Fair point, though I carry a spare link in the saddle bag anyway since that trip."
    lines = [
        *THREAD[:-1],
        "dave.r said:",
        "keep one in the saddle bag",
        "Click to expand...",
        reply,
        "… a chain tool weighs next to nothing …",
        "Click to expand...",
        POST_3,
    ]
    doc = run_stages(lines, "forum")
    assert "keep one in the saddle bag" in removed(doc, "forum")
    assert reply in kept(doc)


def test_reactions_under_posts_are_removed_in_a_thread() -> None:
    german = ["Reaktionen", "maria_k und 2 weitere"]
    lines = [*THREAD[:8], "Reactions:", "dave.r, lena and 3 others", *THREAD[8:17], *german]
    gone = removed(run_stages(lines, "forum"), "forum")
    assert {"Reactions:", "dave.r, lena and 3 others", "Reaktionen", "maria_k und 2 weitere"} <= set(gone)


def test_a_sentence_naming_others_is_kept_in_a_thread() -> None:
    line = "The club thanked dave.r, lena and 3 others for fixing the trail signs last spring."
    doc = run_stages([*THREAD[:8], line, *THREAD[8:]], "forum")
    assert line in kept(doc)
