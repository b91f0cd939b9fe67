"""--explain: every removed line marked with its stage and reason."""

from __future__ import annotations

import io

from cleaner import Document
from cleaner.explain import KEPT, LIFTED, REMOVED, counts, explain_lines, format_plain, write_explain


def sample() -> Document:
    doc = Document.from_lines(["icon share icon print", "Talks are off, says minister", "Body line."])
    blocks = doc.blocks
    return doc.with_blocks(
        [
            blocks[0].drop("icons", "icon-sprite labels"),
            blocks[1].drop("metadata", "headline", lifted_as="title"),
            blocks[2],
        ]
    )


def test_lines_marked_removed_lifted_and_kept_in_input_order() -> None:
    assert [ln.mark for ln in explain_lines(sample())] == [REMOVED, LIFTED, KEPT]


def test_plain_form_names_stage_and_reason_of_removed_line() -> None:
    first = format_plain(explain_lines(sample())).splitlines()[0]
    assert first == "- [icons] icon-sprite labels | icon share icon print"


def test_plain_form_names_the_field_a_lifted_line_went_to() -> None:
    second = format_plain(explain_lines(sample())).splitlines()[1]
    assert second == "^ [metadata] headline (lifted into title) | Talks are off, says minister"


def test_plain_form_indents_kept_line_by_two_spaces() -> None:
    assert format_plain(explain_lines(sample())).splitlines()[2] == "  Body line."


def test_plain_form_has_one_output_line_per_input_line() -> None:
    assert len(format_plain(explain_lines(sample())).splitlines()) == 3


def test_counts_totals_each_kind() -> None:
    assert counts(explain_lines(sample())) == "1 kept, 1 removed, 1 lifted"


def test_plain_write_has_no_escape_codes_and_titles_batch_inputs() -> None:
    out = io.StringIO()
    write_explain(explain_lines(sample()), out, title="dumps/a.txt")
    text = out.getvalue()
    assert text.startswith("==> dumps/a.txt <==\n") and "\x1b[" not in text


def test_colour_write_uses_ansi_escapes_and_keeps_the_words() -> None:
    out = io.StringIO()
    write_explain(explain_lines(sample()), out, color=True)
    text = out.getvalue()
    assert "\x1b[" in text
    assert "icon-sprite labels" in text and "lifted into title" in text and "Body line." in text


def test_blank_line_shown_blank_without_marker() -> None:
    doc = Document.from_lines(["a", "", "b"])
    doc = doc.with_blocks([doc.blocks[0], doc.blocks[1].drop("normalize", "blank line"), doc.blocks[2]])
    assert format_plain(explain_lines(doc)) == "  a\n\n  b\n"
