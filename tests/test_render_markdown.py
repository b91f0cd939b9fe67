"""--format markdown: headings, lists, quotes, tables and code of the kept body, front matter for metadata."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cleaner import Article, Document, Metadata, Pipeline, clean
from cleaner.cli import main
from cleaner.html import read_html
from cleaner.render_markdown import escape_line, front_matter, to_markdown
from cleaner.writers import EXTENSIONS, FORMATS, render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN = FIXTURES / "html-en-markdown-seed-guide"

PARAGRAPH = "The parish council met on Thursday evening to discuss the new footpath; most agreed."


def page(body: str, lang: str = "en") -> str:
    head = f"<!doctype html><html lang='{lang}'><head><title>Page</title></head>"
    return f"{head}<body><article>{body}</article></body></html>"


def html_markdown(body: str) -> str:
    doc = Pipeline.build(["normalize", "structure"]).run(read_html(page(body)))
    return to_markdown(Article.from_document(doc))


def text_markdown(text: str, style: str = "plain") -> str:
    stages = ["normalize", "markdown"] if style == "markdown" else ["normalize"]
    return to_markdown(clean(text, stages=stages))


# -- HTML input -----------------------------------------------------------------------------------


def test_heading_keeps_its_level() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><h3>Next steps</h3><p>{PARAGRAPH}</p>")
    assert "\n\n### Next steps\n\n" in out


def test_bulleted_list_items_are_tight_under_one_dash_each() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><ul><li>Apples</li><li>Pears</li></ul>")
    assert out.endswith("\n\n- Apples\n- Pears\n")


def test_ordered_list_is_numbered_in_order() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><ol><li>Dig</li><li>Sow</li><li>Water</li></ol>")
    assert "1. Dig\n2. Sow\n3. Water" in out


def test_nested_item_is_indented_under_its_parent_text() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><ol><li>Dig<ul><li>deep</li></ul></li><li>Sow</li></ol>")
    assert "1. Dig\n   - deep\n2. Sow" in out


def test_two_separate_lists_are_two_blocks() -> None:
    out = html_markdown(f"<ul><li>Apples</li></ul><p>{PARAGRAPH}</p><ul><li>Pears</li></ul>")
    assert "- Apples\n\n" in out and "\n\n- Pears" in out


def test_blockquote_lines_carry_the_quote_marker() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><blockquote><p>We will not move.</p></blockquote>")
    assert "\n\n> We will not move.\n" in out


def test_table_gets_a_header_rule_after_its_first_row() -> None:
    out = html_markdown(
        f"<p>{PARAGRAPH}</p><table><tr><th>Town</th><th>Rain</th></tr>"
        "<tr><td>Ashby</td><td>41 mm</td></tr></table>"
    )
    assert "| Town | Rain |\n| --- | --- |\n| Ashby | 41 mm |" in out


def test_short_row_is_padded_to_the_table_width() -> None:
    out = html_markdown(
        f"<p>{PARAGRAPH}</p><table><tr><th>Town</th><th>Rain</th></tr><tr><td>Ashby</td></tr></table>"
    )
    assert "| Ashby |  |" in out


def test_one_column_table_becomes_paragraphs() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><table><tr><td>Opening hours vary.</td></tr></table>")
    assert "|" not in out and "Opening hours vary." in out


def test_preformatted_text_is_fenced() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><pre>make install\nmake test</pre>")
    assert "```\nmake install\nmake test\n```" in out


def test_code_block_keeps_its_indentation() -> None:
    code = "def area(r):\n    if r &lt; 0:\n        return None\n    return 3.14 * r * r"
    out = html_markdown(f"<p>{PARAGRAPH}</p><pre><code>{code}</code></pre>")
    assert "```\ndef area(r):\n    if r < 0:\n        return None\n    return 3.14 * r * r\n```" in out


def test_tab_indented_code_keeps_its_indentation_as_spaces() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><pre>all:\n\tmake build</pre>")
    assert "```\nall:\n    make build\n```" in out


def test_paragraph_that_looks_like_a_heading_is_escaped() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><p># 3 on the list of worries was parking.</p>")
    assert "\\# 3 on the list" in out


def test_removed_blocks_stay_out_of_the_markdown() -> None:
    out = html_markdown(f"<p>{PARAGRAPH}</p><div class='share-bar'><p>Share on Facebook</p></div>")
    assert "Share" not in out


# -- text dumps -----------------------------------------------------------------------------------


def test_plain_dump_paragraphs_come_out_as_they_are() -> None:
    assert text_markdown("First line of the text.\n\nSecond paragraph here.") == (
        "First line of the text.\n\nSecond paragraph here.\n"
    )


def test_markdown_dump_keeps_headings_lists_and_quotes() -> None:
    dump = "## Where to start\n\nSome text.\n\n* [Soil](https://x.example/soil) first\n* Seeds\n\n> A quote."
    out = text_markdown(dump, style="markdown")
    assert "## Where to start" in out
    assert "- Soil first\n- Seeds" in out
    assert "> A quote." in out


def test_markdown_dump_numbered_list_is_renumbered_from_one() -> None:
    out = text_markdown(
        "## Steps\n\nSee [the intro](https://x.example/intro) first.\n\n3. Third thing\n4. Fourth thing\n",
        style="markdown",
    )
    assert "1. Third thing\n2. Fourth thing" in out


# -- metadata, helpers, writers --------------------------------------------------------------------


def test_front_matter_holds_known_fields_as_quoted_strings() -> None:
    doc = Document.from_lines(["Body."], metadata=Metadata(title='A "quoted" title', author="R. Ode"))
    expected = '---\ntitle: "A \\"quoted\\" title"\nauthor: "R. Ode"\n---'
    assert front_matter(Article.from_document(doc)) == expected


def test_no_front_matter_without_metadata_flag() -> None:
    doc = Document.from_lines(["Body."], metadata=Metadata(title="Headline"))
    assert to_markdown(Article.from_document(doc)) == "Body.\n"


def test_empty_article_renders_empty() -> None:
    assert to_markdown(Article.from_document(Document.from_lines([]))) == ""


def test_escape_leaves_ordinary_lines_alone() -> None:
    assert escape_line("Prices rose by 3.5 per cent.") == "Prices rose by 3.5 per cent."


def test_escape_breaks_a_numbered_item_start() -> None:
    assert escape_line("1999. A year to forget.") == "1999\\. A year to forget."


def test_markdown_is_a_writer_format_with_md_extension() -> None:
    assert "markdown" in FORMATS and EXTENSIONS["markdown"] == ".md"
    doc = Document.from_lines(["Body."])
    assert render(Article.from_document(doc), "markdown") == "Body.\n"


def test_golden_page_renders_expected_markdown() -> None:
    raw = (GOLDEN / "input.html").read_bytes()
    expected = (GOLDEN / "expected.md").read_text(encoding="utf-8")
    assert to_markdown(clean(raw), with_metadata=True) == expected


def test_cli_format_markdown_reads_html_from_stdin() -> None:
    raw = (GOLDEN / "input.html").read_bytes()
    result = CliRunner().invoke(main, ["--format", "markdown"], input=raw)
    assert result.exit_code == 0
    assert "## Step by step\n\n1. Cut the fruit" in result.output
    assert not result.output.startswith("---")


def test_cli_format_markdown_writes_md_files_into_a_directory(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "guide.html").write_bytes((GOLDEN / "input.html").read_bytes())
    result = CliRunner().invoke(
        main, [str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "markdown", "--with-metadata"]
    )
    assert result.exit_code == 0, result.output
    written = (tmp_path / "out" / "guide.md").read_text(encoding="utf-8")
    assert written.startswith('---\ntitle: "How to save tomato seeds for next spring"\n')
