"""The text reader: decoding, binary refusal, line splitting."""

from __future__ import annotations

import codecs

import pytest

from cleaner.errors import InputTooLargeError, NotTextError
from cleaner.readers import decode, read_text, split_lines

WORDS = "Zürich café – naïve “quotes” €5"


def lines_of(raw: bytes | str) -> list[str]:
    return [b.text for b in read_text(raw).blocks]


def test_utf8_without_bom_decodes() -> None:
    assert decode(WORDS.encode("utf-8")) == WORDS


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + WORDS.encode("utf-8")) == WORDS


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_decodes(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + WORDS.encode(codec)) == WORDS


def test_cp1252_decodes_when_not_utf8() -> None:
    text = "Café “déjà vu” – 5€"
    assert decode(text.encode("cp1252")) == text


def test_nul_bytes_refused_as_not_text() -> None:
    with pytest.raises(NotTextError, match=r"^not a text dump \(contains NUL bytes\)$"):
        decode(b"PK\x03\x04\x00\x00binary")


def test_control_characters_refused_as_not_text() -> None:
    with pytest.raises(NotTextError, match="not a text dump"):
        read_text(bytes(range(1, 9)) * 100)


def test_tabs_and_form_feeds_are_text() -> None:
    assert lines_of(b"a\tb\x0cc\n") == ["a\tb\x0cc"]


def test_crlf_lines_split_without_carriage_returns() -> None:
    assert lines_of(b"one\r\ntwo\r\n\r\nthree\r\n") == ["one", "two", "", "three"]


def test_lone_cr_and_unicode_separators_split_lines() -> None:
    assert split_lines("a\rb\u2028c\u2029d") == ["a", "b", "c", "d"]


def test_empty_input_gives_no_blocks() -> None:
    assert read_text(b"").blocks == ()


def test_blocks_remember_their_line_numbers() -> None:
    assert [b.origin for b in read_text("x\ny\nz").blocks] == [1, 2, 3]


def test_input_over_max_bytes_refused() -> None:
    with pytest.raises(InputTooLargeError, match="over the limit of 10 "):
        read_text(b"x" * 11, max_bytes=10)


def test_five_megabyte_single_line_reads_as_one_block() -> None:
    doc = read_text(("word " * 1_000_000).encode())
    assert len(doc.blocks) == 1


def test_markdown_dump_sniffed_as_markdown() -> None:
    raw = "# Title\n\nSee [the story](https://example.org/a) and [more](/b).\n\n* item one\n"
    assert read_text(raw).style == "markdown"


def test_markdown_dump_with_relative_links_sniffed_as_markdown() -> None:
    raw = (
        "[Introduction](ch00.html)\n\n[Getting started](ch01-00-getting-started.html)\n\n"
        "[Installation](../guide/install.md#linux)\n\nThe guide walks through each step.\n"
    )
    assert read_text(raw).style == "markdown"


def test_bracketed_text_before_a_parenthesis_stays_plain() -> None:
    raw = "Headline\n\nHe said [sic](and then left) before noon.\n\nA paragraph of body text.\n"
    assert read_text(raw).style == "plain"


def test_plain_dump_sniffed_as_plain() -> None:
    assert read_text("Headline\n\nA paragraph of body text.\n").style == "plain"


def test_utf8_with_one_stray_byte_keeps_its_accents() -> None:
    data = "Grüße aus Köln, café, naïve, déjà vu. ".encode() * 3 + b"\xe9 stray"
    text = decode(data)
    assert text.startswith("Grüße aus Köln") and text.endswith("\ufffd stray")


def test_utf8_bom_with_one_stray_byte_is_read_not_refused() -> None:
    text = decode(codecs.BOM_UTF8 + "Überall Öl und Äpfel. ".encode() * 2 + b"\x81")
    assert text.startswith("Überall Öl") and text.endswith("\ufffd")


def test_cp1252_with_an_accidental_utf8_pair_stays_cp1252() -> None:
    text = "Déjà vu à la carte — Ã© ça coûte 5€"
    assert decode(text.encode("cp1252")) == text


def test_page_with_commented_code_and_no_link_stays_plain() -> None:
    raw = (
        "Getting started with the tool\n\nInstall it first.\n\n# install the package\npip install tool\n"
        "# check the version\ntool --version\n\n# run it on a folder\ntool run ./notes\n\nThat is all.\n"
    )
    assert read_text(raw).style == "plain"


def test_link_less_markdown_with_sub_headings_is_sniffed_as_markdown() -> None:
    raw = (
        "# Field notes\n\n## Spring\n\nThe first swallows came back in April.\n\n"
        "## Summer\n\n* long evenings\n* few birds at noon\n\nMost nests were empty by August.\n"
    )
    assert read_text(raw).style == "markdown"
