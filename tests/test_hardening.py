"""Pathological inputs: each one cleans (or is refused in one line) and the test finishes.

No test here is timed: benchmarks/stress.py measures time and peak memory of the same
inputs at full size. Where the full size would cost CI minutes (a million lines through
the content classifier and settling), the test runs the reader and the line stages and
says so.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner import CleanerError, cli, html
from cleaner.errors import InputTooLargeError, NotTextError
from cleaner.options import DEFAULT_MAX_BYTES
from cleaner.pipeline import Pipeline
from cleaner.readers import decode, read, read_text

PROSE = "The council voted on Thursday to extend the night bus service to the new estates. "
PARAGRAPH = "<p>" + PROSE * 3 + "</p>"


def _builders() -> list[str]:
    import importlib.util

    return ["html.parser"] + (["lxml"] if importlib.util.find_spec("lxml") is not None else [])


@pytest.fixture(params=_builders())
def builder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test using it runs with every bs4 tree builder installed."""
    monkeypatch.setattr(html, "parser_name", lambda: request.param)
    return str(request.param)


def _page_text(page: str | bytes) -> str:
    return cleaner.clean(page).text


# --- giant lines, many lines --------------------------------------------------------------------


def test_a_line_just_under_the_default_limit_is_read_as_one_block() -> None:
    unit = PROSE.encode()
    raw = (unit * (DEFAULT_MAX_BYTES // len(unit) + 1))[: DEFAULT_MAX_BYTES - 1]
    doc = read(raw)
    assert len(doc.blocks) == 1
    assert len(doc.blocks[0].text) == DEFAULT_MAX_BYTES - 1


def test_a_line_just_over_the_default_limit_is_refused_before_reading() -> None:
    with pytest.raises(InputTooLargeError, match="over the limit of 52,428,800 bytes"):
        read(b"x" * (DEFAULT_MAX_BYTES + 1))


def test_the_command_refuses_a_file_just_over_the_default_limit_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: no 50 MB written to the disk
    result = CliRunner().invoke(cli.main, [str(big)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "over the limit of 52,428,800 bytes (--max-bytes)" in result.stderr


def test_the_command_refuses_stdin_over_max_bytes_in_one_line() -> None:
    result = CliRunner().invoke(cli.main, ["--max-bytes", "1K"], input=b"word " * 300)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "over the limit of 1,000 bytes" in result.stderr


def test_a_four_megabyte_line_of_prose_is_cleaned_whole() -> None:
    line = PROSE * (4_000_000 // len(PROSE))
    out = _page_text(line)
    assert out.strip() == line.strip()


def test_a_million_one_character_lines_go_through_reader_and_line_stages() -> None:
    # the content classifier and settling on top: benchmarks/stress.py (minutes, not CI)
    doc = read_text(b"a\n" * 1_000_000)
    assert len(doc.blocks) == 1_000_000
    cleaned = Pipeline.build(skip=("content",)).run(doc)
    assert len(cleaned.blocks) == 1_000_000


def test_a_line_of_a_hundred_thousand_icon_tokens_is_cleaned() -> None:
    line = "icon-chevron-down " * 100_000
    article = cleaner.clean(line)
    assert article.text == ""  # sprite labels, whatever the line's length


def test_twenty_thousand_tiny_paragraphs_are_cleaned() -> None:
    out = _page_text("a\n\n" * 20_000)
    assert set(out.split()) <= {"a"}


# --- hostile HTML ---------------------------------------------------------------------------------


def test_html_nested_a_hundred_thousand_deep_is_cleaned(builder: str) -> None:
    page = "<html><body>" + "<div>" * 100_000 + "The deep paragraph." + "</div>" * 100_000 + PARAGRAPH
    out = _page_text(page)
    assert "The deep paragraph." in out
    assert PROSE.strip() in out


def test_inline_elements_nested_a_hundred_thousand_deep_and_never_closed(builder: str) -> None:
    out = _page_text("<!doctype html><html><body>" + "<b><i>" * 50_000 + "Deep and unclosed text.")
    assert "Deep and unclosed text." in out


def test_a_recursion_error_in_the_tree_falls_back_to_the_page_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_deep(*_args: object, **_kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html, "parse", too_deep)
    page = "<!doctype html><html><body><nav>Home</nav><div><p>First paragraph &amp; more.</p><p>Second.</p>"
    doc = read(page)
    assert [b.text for b in doc.blocks if b.text] == ["Home", "First paragraph & more.", "Second."]


def test_an_attribute_of_ten_megabytes_is_cleaned(builder: str) -> None:
    page = f'<!doctype html><html><body><div data-blob="{"x" * 10_000_000}">{PARAGRAPH}</div>'
    assert PROSE.strip() in _page_text(page)


def test_unclosed_tags_everywhere_keep_their_text(builder: str) -> None:
    page = "<!doctype html><html><body>" + "<p><div><span><a href=/x><table><tr><td>cell text " * 5_000
    out = _page_text(page)
    assert "cell text" in out


def test_a_head_that_never_closes_does_not_hide_the_page(builder: str) -> None:
    page = "<!doctype html><html><head><title>Night buses</title><meta name=x content=y>" + PARAGRAPH * 3
    assert PROSE.strip() in _page_text(page)


@pytest.mark.parametrize("opening", ["<!--", "<![CDATA[", "<script>", "<style>", "<textarea>", "<svg>"])
def test_markup_that_never_ends_keeps_the_text_before_it(builder: str, opening: str) -> None:
    page = "<!doctype html><html><body>" + PARAGRAPH + opening + " never closed " * 100_000
    assert PROSE.strip() in _page_text(page)


def test_a_page_of_only_a_doctype_gives_no_text(builder: str) -> None:
    assert _page_text("<!doctype html>") == ""


# --- bytes: NUL, surrogates, broken UTF-8, lying BOMs ---------------------------------------------------


def test_a_stray_nul_byte_is_dropped_from_a_text_dump() -> None:
    raw = (PROSE * 2).encode() + b"\x00" + (PROSE * 2).encode()
    assert "\x00" not in decode(raw)
    assert decode(raw) == (PROSE * 4)


def test_many_nul_bytes_mean_binary_data() -> None:
    with pytest.raises(NotTextError, match="contains NUL bytes"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_nul_characters_in_a_str_input_are_dropped() -> None:
    out = _page_text(PROSE + "\x00" + PROSE)
    assert "\x00" not in out


def test_lone_surrogates_in_a_str_input_become_replacement_characters() -> None:
    out = _page_text(PROSE + "\ud800 and \udfff\n")
    assert "\ufffd and \ufffd" in out
    out.encode("utf-8")


def test_invalid_utf8_inside_valid_utf8_keeps_the_accents() -> None:
    raw = "Zürich café – naïve “quotes” ".encode() * 5 + b"\xff\xfe\xc3" + "déjà vu".encode()
    text = decode(raw)
    assert text.startswith("Zürich café – naïve “quotes” ")
    assert text.endswith("déjà vu")
    assert "\ufffd" in text


def test_an_encoded_surrogate_in_utf8_is_replaced() -> None:
    text = decode("Grüße ".encode() * 10 + b"\xed\xa0\x80" + b" end")
    assert text.endswith(" end")
    text.encode("utf-8")


def test_a_utf16_bom_before_plain_ascii_text_is_ignored() -> None:
    assert decode(codecs.BOM_UTF16_LE + b"Plain text dump\nsecond line\n") == "Plain text dump\nsecond line\n"


def test_a_utf16_bom_before_utf8_text_is_ignored() -> None:
    body = "Grüße aus Köln, schöne Straße\n"
    assert decode(codecs.BOM_UTF16_BE + body.encode()) == body


def test_a_utf8_bom_before_cp1252_text_is_ignored() -> None:
    body = "Café crème, déjà vu – 5€ " * 4
    assert decode(codecs.BOM_UTF8 + body.encode("cp1252")) == body


def test_a_utf16_dump_with_its_bom_still_decodes() -> None:
    body = "Привет, мир\nHello\n"
    assert decode(codecs.BOM_UTF16_LE + body.encode("utf-16-le")) == body


def test_a_utf16_dump_cut_in_the_middle_of_a_character_keeps_its_text() -> None:
    body = "A long enough line of text that was cut at the end. " * 3
    text = decode(codecs.BOM_UTF16_LE + body.encode("utf-16-le") + b"\x41")
    assert text.startswith(body)


def test_utf16_without_a_bom_is_recognised() -> None:
    body = "Plain text dump, saved as UTF-16 without a BOM.\n"
    assert decode(body.encode("utf-16-le")) == body
    assert decode(body.encode("utf-16-be")) == body


def test_cp1252_with_an_undefined_byte_still_reads() -> None:
    raw = "Café crème ".encode("cp1252") * 20 + b"\x81"
    assert decode(raw).startswith("Café crème ")


def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused_in_one_line() -> None:
    with pytest.raises(NotTextError, match=r"^not a text dump \(neither UTF-8 nor cp1252\)$"):
        decode(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50)


def test_every_refusal_is_a_cleaner_error_with_one_line() -> None:
    for raw in (b"\x00" * 10, bytes(range(1, 9)) * 100, bytes([0x81]) * 100):
        with pytest.raises(CleanerError) as caught:
            cleaner.clean(raw)
        assert "\n" not in str(caught.value)
