"""The document model: origins, removals, paragraphs."""

from __future__ import annotations

from cleaner import Block, Document, Metadata


def test_from_lines_numbers_blocks_from_one() -> None:
    doc = Document.from_lines(["a", "b"])
    assert [b.origin for b in doc.blocks] == [1, 2]


def test_drop_records_stage_and_reason_without_losing_text() -> None:
    block = Block("Share this", 7).drop("share", "share bar")
    assert block.text == "Share this"
    assert block.origin == 7
    assert block.removal is not None
    assert (block.removal.stage, block.removal.reason, block.removal.field) == ("share", "share bar", None)
    assert not block.kept


def test_lifted_block_names_the_metadata_field() -> None:
    block = Block("Headline", 3).drop("metadata", "headline", lifted_as="title")
    assert block.removal is not None and block.removal.field == "title"


def test_text_separates_paragraphs_where_a_removed_line_stood() -> None:
    doc = Document.from_lines(["one", "junk", "two", "three"])
    blocks = list(doc.blocks)
    blocks[1] = blocks[1].drop("x", "junk")
    assert doc.with_blocks(blocks).text == "one\n\ntwo\nthree"


def test_text_of_document_with_everything_removed_is_empty() -> None:
    doc = Document.from_lines(["a"])
    doc = doc.with_blocks([b.drop("x", "y") for b in doc.blocks])
    assert doc.text == ""


def test_metadata_merge_keeps_first_value() -> None:
    meta = Metadata(title="First").merged(title="Second", author="Ann")
    assert (meta.title, meta.author) == ("First", "Ann")


def test_metadata_merge_ignores_empty_values() -> None:
    assert Metadata().merged(title="", author=None) == Metadata()
