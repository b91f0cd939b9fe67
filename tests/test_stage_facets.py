"""The facets stage: a shop's filter panel glued into one line (labels with item counts) goes."""

from __future__ import annotations

from cleaner import Document, Pipeline
from cleaner.stages.facets import is_filter_list

from .conftest import kept, run_stages

PANEL = (
    "Filter by BrandNordkamm (12) Vallo (3) Trailmark (27) Kestrel Works (5) "
    "Filter by ColourGrey (14) Red (2)"
)


def test_filter_panel_glued_into_one_line_is_a_filter_list() -> None:
    assert is_filter_list(PANEL)


def test_filter_list_of_sizes_and_thousands_is_a_filter_list() -> None:
    assert is_filter_list("Size 36 (1,204) 37 (998) 38 (1,310) 39 (870) 40 (412) Show all")


def test_sentence_with_counts_in_brackets_is_no_filter_list() -> None:
    assert not is_filter_list("The survey covered Paris (12), Lyon (8), Nice (5) and Lille (3) in total.")


def test_counts_joined_by_commas_are_no_filter_list() -> None:
    assert not is_filter_list("Stops: Leeds (4), York (2), Hull (7), Selby (1), Goole (3)")


def test_years_in_brackets_are_no_counts() -> None:
    assert not is_filter_list("Smith (2019) Jones (2020) Brown (2021) Lee (2022)")


def test_numbered_markers_without_labels_are_no_filter_list() -> None:
    assert not is_filter_list("(1) (2) (3) (4) (5)")


def test_three_facets_are_too_few() -> None:
    assert not is_filter_list("Grey (14) Red (2) Blue (9)")


def test_filter_panel_line_is_dropped_and_the_text_around_it_stays() -> None:
    body = "The trail shoe range was renewed this spring with lighter soles and wider toe boxes."
    doc = run_stages([body, PANEL, body + " Two models are new."], "facets")
    assert kept(doc) == [body, body + " Two models are new."]


def test_markdown_dump_is_left_alone() -> None:
    doc = run_stages([PANEL], "facets", style="markdown")
    assert kept(doc) == [PANEL]


def test_html_page_is_left_alone() -> None:
    doc = Pipeline.build(["facets"]).run(Document.from_lines([PANEL], kind="html"))
    assert kept(doc) == [PANEL]
