"""The whole default pipeline through the command, on dumps shaped like the user's (our own text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import DEFAULT, Pipeline
from cleaner.cli import main


def _default_pipeline_ready() -> bool:
    try:
        Pipeline.build()
    except Exception:  # noqa: BLE001 - stages still being written by others
        return False
    return True


pytestmark = pytest.mark.skipif(not _default_pipeline_ready(), reason="default pipeline not complete yet")

HEADLINE = "Harbour town votes to ban cruise ships from its old port"
STANDFIRST = "Councillors said the decision would protect the historic quay and cut pollution for residents"
PARAGRAPHS = [
    "The town council of Portmarin voted on Thursday to close its old port to cruise ships carrying more "
    "than 200 passengers from next spring, ending a decade of disputes over crowds and diesel fumes.",
    "The measure passed by 19 votes to 6 after a four-hour debate in which residents filled the public "
    "gallery and several shop owners spoke against it.",
    "\u201cWe are not against visitors, we are against being overwhelmed,\u201d deputy mayor Lena Moro told "
    "reporters after the vote, adding that the town would invest in smaller ferries instead.",
    "Operators will be offered berths at the new terminal two kilometres along the coast, which the "
    "council says can handle larger vessels without closing the road to the old town.",
    "Tourism associations warned that the ban could cost local businesses several million euros a year, "
    "and said they would ask the regional government to review the decision within 60 days.",
]
DUMP = "\n".join(
    [
        "icon arrow-lefticon searchicon menuicon closeicon facebookicon twittericon telegramicon",
        "14 Mar, 2026 09:41",
        HEADLINE,
        STANDFIRST,
        HEADLINE,
        *[p for para in PARAGRAPHS for p in (para, "")],
        "Comments are moderated. Please keep the discussion civil and on topic. "
        "Questions about our rules? Write to comments@example.org",
        "Podcasts",
        "0:00",
        "31:02",
        "",
    ]
)


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_default_stages_all_registered() -> None:
    assert Pipeline.build().names == DEFAULT


def test_text_output_is_the_body_paragraphs_only() -> None:
    result = run(input=DUMP)
    assert result.exit_code == 0
    assert result.stdout == "\n\n".join(PARAGRAPHS) + "\n"


def test_json_output_lifts_headline_standfirst_and_date() -> None:
    record = json.loads(run("--format", "json", input=DUMP).stdout)
    assert record["title"] == HEADLINE
    assert record["description"] == STANDFIRST
    assert (record["published"] or "").startswith("2026-03-14T09:41")
    assert record["text"] == "\n\n".join(PARAGRAPHS)


def test_with_metadata_header_names_title_and_date() -> None:
    out = run("--with-metadata", input=DUMP).stdout
    assert out.startswith(f"Title: {HEADLINE}\nDate: 2026-03-14T09:41")
    assert out.endswith(PARAGRAPHS[-1] + "\n")


def test_explain_marks_sprite_line_and_lifted_headline() -> None:
    err = run("--explain", input=DUMP).stderr.splitlines()
    assert err[0].startswith("- [icons] ") and err[0].endswith("| " + DUMP.splitlines()[0])
    assert any(line.startswith("^ [metadata] ") and "(lifted into title)" in line for line in err)
    assert f"  {PARAGRAPHS[0]}" in err


def test_repeated_run_on_the_output_changes_nothing() -> None:
    once = run(input=DUMP).stdout
    assert run(input=once).stdout == once


def test_five_megabyte_single_line_through_every_stage_completes() -> None:
    line = "lorem ipsum dolor sit amet " * 200_000
    result = run(input=line.encode())
    assert result.exit_code == 0


def test_html_page_is_read_as_html(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = " ".join(PARAGRAPHS[:2])
    page.write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{HEADLINE}</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></article>"
        "<footer>Copyright 2026 Example Media. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    out = run(str(page)).stdout
    assert PARAGRAPHS[0] in out and PARAGRAPHS[1] in out and "Home" not in out
    assert len(out) < len(body) * 1.5


def test_batch_of_dumps_mirrors_and_summarises(tmp_path: Path) -> None:
    for lang in ("en", "de", "fr"):
        (tmp_path / "in" / lang).mkdir(parents=True)
        (tmp_path / "in" / lang / "page.txt").write_text(DUMP, encoding="utf-8")
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2")
    assert result.exit_code == 0 and "3 files, 0 failed" in result.stderr
    assert (tmp_path / "out/de/page.txt").read_text() == "\n\n".join(PARAGRAPHS) + "\n"


def test_config_drop_phrase_removes_a_body_paragraph_and_explains_why(tmp_path: Path) -> None:
    config = tmp_path / "rules.toml"
    config.write_text('drop_phrases = ["tourism associations warned"]\n', encoding="utf-8")
    result = run("--config", str(config), "--explain", input=DUMP)
    assert result.stdout == "\n\n".join(PARAGRAPHS[:-1]) + "\n"
    assert f"- [user-rules] matches your drop phrase 'tourism associations warned' | {PARAGRAPHS[-1]}" in (
        result.stderr.splitlines()
    )


# --- --input: how a page is read -------------------------------------------------------------

#: An HTML page whose first line is text (a scraper wrote the URL above it): sniffing takes it for a dump.
PAGE_AFTER_A_LINE = (
    "https://example.org/harbour\n<html><body><nav><a href='/'>Home</a></nav>"
    f"<article><h1>{HEADLINE}</h1><p>{PARAGRAPHS[0]}</p></article></body></html>"
)


def test_input_html_reads_a_page_that_does_not_start_like_one() -> None:
    sniffed = run("-", input=PAGE_AFTER_A_LINE).stdout
    declared = run("--input", "html", "-", input=PAGE_AFTER_A_LINE).stdout
    assert "<p>" in sniffed  # read as a text dump, its markup is text
    assert PARAGRAPHS[0] in declared and "<p>" not in declared and "Home" not in declared


def test_input_text_reads_a_page_as_a_dump(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><p>{PARAGRAPHS[0]}</p></article></body></html>", encoding="utf-8")
    assert "<p>" not in run(str(page)).stdout
    assert "<p>" in run("--input", "text", str(page)).stdout


def test_input_is_passed_to_every_worker_of_a_batch(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(PAGE_AFTER_A_LINE, encoding="utf-8")
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--input", "html", "-j", "2")
    assert result.exit_code == 0
    for name in ("a.txt", "b.txt"):
        out = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert PARAGRAPHS[0] in out and "<p>" not in out


def test_an_unknown_input_kind_is_a_usage_error() -> None:
    result = run("--input", "xml", "-", input="text")
    assert result.exit_code == 2 and "--input" in result.stderr


def test_the_library_reads_as_the_caller_says() -> None:
    import cleaner

    assert "<p>" not in cleaner.clean(PAGE_AFTER_A_LINE, read_as="html").text
    assert "<p>" in cleaner.clean(PAGE_AFTER_A_LINE).text
    with pytest.raises(ValueError, match="read_as"):
        cleaner.clean("text", read_as="xml")
