"""The comments stage drops a readers' comment thread below an article and keeps forum posts."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.stages.comments import Comments, is_comment_header, is_heading

from .conftest import kept, removed, run_stages

ARTICLE = [
    "The city council voted on Tuesday to extend the night bus network to the northern suburbs.",
    "The new lines will start running in March and cost about two million euros a year to operate.",
    "Residents had collected more than four thousand signatures for the extension last autumn.",
]


def thread(*lines: str) -> list[str]:
    return [*ARTICLE, *lines]


@pytest.mark.parametrize(
    "heading",
    ["12 comments", "[ 167 comments ]", "3 thoughts on “Night buses for the suburbs”", "Comments (4)",
     "5 Kommentare", "Commentaires", "12 comentarios", "Комментарии", "Leave a Reply"],
)
def test_heading_is_recognised(heading: str) -> None:
    assert is_heading(heading)


@pytest.mark.parametrize("line", ["Comments are part of the plan, said the mayor.", "Read more", "Share"])
def test_other_lines_are_not_headings(line: str) -> None:
    assert not is_heading(line)


@pytest.mark.parametrize(
    "line",
    ["2 days ago", "Anna K. · 3 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos",
     "2 дня назад", "Reply", "Antworten", "Rating: 12 votes", "14 likes",
     "Maria on May 2, 2024 at 3:10 pm said:", "May 2, 2024 at 3:10 pm"],
)
def test_comment_header_is_recognised(line: str) -> None:
    assert is_comment_header(line)


@pytest.mark.parametrize(
    "line",
    ["The bus will run every 20 minutes, the mayor said.", "May 2, 2024", "Night buses",
     "The service started two days ago and has been busy every night since then, drivers report."],
)
def test_body_lines_are_not_comment_headers(line: str) -> None:
    assert not is_comment_header(line)


def test_thread_below_article_removed_from_heading_to_end() -> None:
    lines = thread(
        "3 comments",
        "Maria",
        "2 days ago",
        "Finally! I have been waiting for this for years.",
        "Reply",
        "Tom B.",
        "1 day ago",
        "What about the southern suburbs though?",
        "Reply",
        "More from the city desk",
    )
    doc = run_stages(lines, "comments")
    assert kept(doc) == ARTICLE
    assert removed(doc, "comments")[0] == "3 comments"
    assert "What about the southern suburbs though?" in removed(doc, "comments")


def test_thread_with_said_headers_removed_in_german() -> None:
    lines = thread(
        "Kommentare",
        "Petra am 2. Mai 2024 um 15:10 schrieb:",
        "Das wurde aber auch Zeit.",
        "Jonas am 3. Mai 2024 um 09:12 schrieb:",
        "Und was ist mit dem Wochenende?",
    )
    doc = run_stages(lines, "comments")
    assert kept(doc) == ARTICLE


def test_removal_reason_names_the_thread() -> None:
    doc = run_stages(thread("2 comments", "Ana · 2 hours ago", "Nice.", "Reply"), "comments")
    reasons = {b.removal.reason for b in doc.removals() if b.removal}
    assert reasons == {"comment thread below the article"}


def test_heading_without_comment_headers_after_it_is_kept() -> None:
    lines = thread("Comments", "The council will publish the timetable in February.")
    doc = run_stages(lines, "comments")
    assert kept(doc) == lines


def test_comment_count_above_the_article_keeps_the_article() -> None:
    lines = ["14 comments", "By Jane Roe", "May 2, 2024 at 3:10 pm", *ARTICLE, "Reply", "2 hours ago"]
    doc = run_stages(lines, "comments")
    assert ARTICLE[0] in kept(doc)
    assert not removed(doc, "comments")


def test_forum_thread_with_post_headers_above_the_heading_is_kept() -> None:
    lines = [
        "Anna · 3 hours ago",
        "Does anyone know when the night bus to the northern suburbs starts running this year?",
        "Reply",
        "Ben · 2 hours ago",
        "The council said March, but the timetable is not out yet, so I would wait and see.",
        "Reply",
        "Carla · 1 hour ago",
        "I heard the same thing from a driver on line 12 last week, so March sounds right to me.",
        "Reply",
        "12 comments",
        "Dan · 20 minutes ago",
        "Thanks everyone, that helps a lot with planning my commute for the spring months.",
        "Reply",
    ]
    doc = run_stages(lines, "comments")
    assert not removed(doc, "comments")


def test_protected_phrase_is_kept_inside_a_thread() -> None:
    lines = thread("2 comments", "Ana · 2 hours ago", "Editor's note: the timetable is online.", "Reply")
    doc = Document.from_lines(lines)
    out = Comments(Options(protect_phrases=("Editor's note",)))(doc)
    assert "Editor's note: the timetable is online." in kept(out)


def test_page_without_heading_is_unchanged() -> None:
    doc = Document.from_lines(thread("2 days ago", "Reply"))
    assert Comments()(doc) is doc


def test_code_line_with_a_timestamp_is_not_a_comment_header() -> None:
    assert not is_comment_header("WHERE created_at < '2024-06-15 10:30:00'")


PRODUCT = [
    "Stoneware jug, oatmeal",
    "A hand-thrown stoneware jug with a pouring lip, glazed in a speckled oatmeal white.",
    "It holds a litre and a half and goes in the dishwasher; each one varies a little in colour.",
    "Height 21 cm, width 14 cm, weight 900 g, made in our workshop by the river.",
]
REVIEWS = [
    "Customer reviews",
    "Lovely jug",
    "Verified purchase",
    "Pours without dripping and the glaze is even nicer than in the photos.",
    "Was this review helpful?",
    "Smaller than I thought",
    "Verified purchase",
    "Nice colour, but it holds less than I need for the whole family at breakfast.",
    "Was this review helpful?",
]


@pytest.mark.parametrize(
    "heading",
    ["Customer reviews", "128 reviews", "Kundenbewertungen", "Avis clients", "Opiniones de clientes",
     "Отзывы"],
)
def test_review_heading_is_recognised(heading: str) -> None:
    assert is_heading(heading)


@pytest.mark.parametrize(
    "line",
    ["Verified purchase", "Verifizierter Kauf", "Achat vérifié", "Compra verificada",
     "Подтверждённая покупка", "Was this review helpful?", "4 out of 5 stars"],
)
def test_review_label_is_recognised(line: str) -> None:
    assert is_comment_header(line)


def test_customer_reviews_below_a_product_are_removed() -> None:
    doc = run_stages([*PRODUCT, *REVIEWS], "comments")
    assert kept(doc) == PRODUCT
    assert {b.removal.reason for b in doc.removals() if b.removal} == {"customer reviews below the product"}


def test_reviews_heading_without_review_labels_below_is_kept() -> None:
    lines = [*PRODUCT, "Reviews", "Our guide to choosing a jug, written by the potters themselves."]
    assert kept(run_stages(lines, "comments")) == lines


STARRED = [
    "Reviews for this item (12)",
    "5 out of 5 stars This item",
    "Pours without dripping and the glaze is even nicer than in the photos.",
    "4 out of 5 stars This item",
    "Nice colour, but it holds less than I need for the whole family at breakfast.",
]


@pytest.mark.parametrize(
    "heading",
    ["Reviews for this item (12)", "Bewertungen für diesen Artikel", "Avis sur cet article (3)",
     "Opiniones sobre este artículo", "Отзывы об этом товаре"],
)
def test_reviews_of_this_item_heading_is_recognised(heading: str) -> None:
    assert is_heading(heading)


@pytest.mark.parametrize(
    "line",
    ["5 out of 5 stars This item", "4 von 5 Sternen Dieser Artikel", "5 sur 5 étoiles Cet article",
     "5 de 5 estrellas Este artículo", "5 из 5 звёзд Этот товар"],
)
def test_star_rating_opening_a_line_is_a_review_label(line: str) -> None:
    assert is_comment_header(line)


def test_reviews_of_this_item_with_star_lines_are_removed() -> None:
    doc = run_stages([*PRODUCT, *STARRED], "comments")
    assert kept(doc) == PRODUCT


def test_sentence_rating_a_product_in_stars_is_not_a_review_label() -> None:
    sentence = "5 out of 5 stars is what the critics gave this jug in their yearly roundup of kitchenware."
    assert not is_comment_header(sentence)


def test_star_lines_without_a_reviews_heading_are_kept() -> None:
    lines = [*PRODUCT, *STARRED[1:]]
    assert kept(run_stages(lines, "comments")) == lines
