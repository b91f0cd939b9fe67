"""Line features and their context: shape, language, links, the main region."""

from __future__ import annotations

import pytest

from cleaner import Document, features
from cleaner.features import LINE_NAMES, PASS1_NAMES, PASS2_NAMES, collect, detect_language, line_features

EN = features.stopwords("en")


def feature(text: str, name: str, stop: frozenset[str] = EN) -> float:
    return line_features(text, stop)[LINE_NAMES.index(name)]


def test_sentence_ending_detected_with_closing_quote() -> None:
    assert feature("He said it was “over.”", "ends_sentence") == 1.0


def test_menu_word_has_no_sentence_ending() -> None:
    assert feature("Business", "ends_sentence") == 0.0


def test_stopword_share_high_in_prose_low_in_names() -> None:
    prose = feature("It was the first time that the council had voted on it", "stop_share")
    names = feature("Barron's BigCharts Factiva MarketWatch", "stop_share")
    assert prose > 0.4 and names == 0.0


def test_markdown_link_share_counts_link_text() -> None:
    assert feature("[Home](https://example.com/)", "link_share") == pytest.approx(1.0)
    assert feature("Read the [report](https://example.com/r) before voting on it.", "link_share") < 0.3


def test_markdown_link_share_taken_from_hints_when_given() -> None:
    share = line_features("Home", EN, link_share=0.75)[LINE_NAMES.index("link_share")]
    assert share == 0.75


def test_image_detected_in_markdown() -> None:
    assert feature("![a cyclist](https://example.com/a.jpg)", "image") == 1.0


def test_words_counted_outside_link_targets() -> None:
    with_link = feature("[Home](https://example.com/very/long/path/with/many/words)", "log_words")
    assert with_link == feature("Home", "log_words")


def test_bullet_and_heading_detected() -> None:
    assert feature("* first item", "bullet") == 1.0
    assert feature("1. first step", "bullet") == 1.0
    assert feature("## Why it matters", "heading") == 1.0
    assert feature("#hashtag", "heading") == 0.0


def test_time_code_url_email_detected() -> None:
    assert feature("Updated 12:53", "time_code") == 1.0
    assert feature("see https://example.com", "url") == 1.0
    assert feature("write to news@example.com", "email") == 1.0
    assert feature("Price 12.53", "time_code") == 0.0


def test_camel_joins_mark_glued_menu_words() -> None:
    assert feature("HomeWorldBusinessMarkets", "camel_joins") > 1.0
    assert feature("The iPhone was not mentioned.", "camel_joins") < 0.5


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council said that it would vote on the plan in the spring and that the cost was high.", "en"),
        ("Der Rat hat am Dienstag beschlossen, dass die Radwege in der Stadt ausgebaut werden.", "de"),
        ("Le conseil a voté mardi pour que les pistes cyclables de la ville soient plus longues.", "fr"),
        ("El consejo votó el martes para que los carriles de la ciudad sean más largos que antes.", "es"),
        ("Совет города проголосовал за то, чтобы в городе было больше велосипедных дорожек.", "ru"),
    ],
)
def test_language_detected_from_stopwords(text: str, lang: str) -> None:
    assert detect_language([text]) == lang


def test_language_unknown_without_prose() -> None:
    assert detect_language(["12345", "Home", "Login"]) is None


def test_rows_have_the_declared_width() -> None:
    doc = Document.from_lines(["Home", "", "A sentence that is long enough to be prose for sure.", "Login"])
    lines = collect(doc)
    assert lines.texts == ["Home", "A sentence that is long enough to be prose for sure.", "Login"]
    assert all(len(r) == len(PASS1_NAMES) for r in lines.rows)
    rows2 = features.pass2_rows(lines, [0.1, 0.9, 0.2])
    assert all(len(r) == len(PASS2_NAMES) for r in rows2)


def test_removed_lines_before_a_line_are_counted() -> None:
    doc = Document.from_lines(["Home", "Menu", "Body text here."])
    doc = doc.with_blocks([doc.blocks[0].drop("navigation", "menu"), doc.blocks[1].drop("navigation", "menu"),
                           doc.blocks[2]])
    row = collect(doc).rows[0]
    assert row[PASS1_NAMES.index("log_removed_before")] > 0.0


def test_title_position_marks_lines_after_the_headline() -> None:
    doc = Document.from_lines(["Teaser line", "The Headline", "Body line after the headline."])
    blocks = list(doc.blocks)
    blocks[1] = blocks[1].drop("metadata", "headline", lifted_as="title")
    lines = collect(doc.with_blocks(blocks))
    at = PASS1_NAMES.index("after_title")
    assert [r[at] for r in lines.rows] == [-1.0, 1.0]


def test_main_region_is_the_densest_run_of_prose() -> None:
    own = [[0.0] * len(LINE_NAMES) for _ in range(7)]
    words = LINE_NAMES.index("log_words")
    for row in own:
        row[words] = 3.0
    p1 = [0.1, 0.2, 0.9, 0.8, 0.4, 0.9, 0.1]
    assert features.main_region(p1, own) == (2, 6)


def test_main_region_empty_without_prose() -> None:
    own = [[0.0] * len(LINE_NAMES) for _ in range(3)]
    assert features.main_region([0.1, 0.2, 0.3], own) == (0, 0)


def test_long_line_features_finish_quickly() -> None:
    line = "word " * 200_000 + "[link](http://x.y/" + "a" * 100_000
    assert len(line_features(line, EN)) == len(LINE_NAMES)


def test_stopword_table_lists_every_language_of_a_word() -> None:
    table = features._build_stopword_languages()
    for lang in features.STOPWORD_LANGUAGES:
        for word in features.stopwords(lang):
            assert lang in table[word]
    assert set(table) == set().union(*map(features.stopwords, features.STOPWORD_LANGUAGES))


def test_stopword_table_kept_on_disk_equals_a_fresh_build() -> None:
    assert features._stopword_languages() == features._build_stopword_languages()
