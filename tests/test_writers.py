"""Writers: text, JSON and JSONL renderings of an Article, and atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleaner import Article, Document, Metadata
from cleaner.writers import AtomicFile, atomic_write, metadata_header, render, to_json, to_jsonl, to_text


def article(lines: list[str], **meta: str) -> Article:
    return Article.from_document(Document.from_lines(lines, metadata=Metadata(**meta)))


BODY = ["First paragraph, line one.", "Still the first paragraph.", "", "Second paragraph."]


def test_text_separates_paragraphs_by_a_blank_line() -> None:
    assert to_text(article(BODY)) == (
        "First paragraph, line one.\nStill the first paragraph.\n\nSecond paragraph.\n"
    )


def test_text_of_empty_article_is_empty_without_newline() -> None:
    assert to_text(article([])) == ""


def test_text_with_metadata_puts_header_above_body() -> None:
    a = article(["Body."], title="Headline", published="2026-02-20T12:53", author="A. Writer",
                description="The standfirst")
    assert to_text(a, with_metadata=True) == (
        "Title: Headline\nDate: 2026-02-20T12:53\nAuthor: A. Writer\nStandfirst: The standfirst\n\nBody.\n"
    )


def test_header_falls_back_to_raw_date_and_skips_unknown_fields() -> None:
    a = article([], title="Headline", published_raw="20 Feb 2026")
    assert metadata_header(a) == "Title: Headline\nDate: 20 Feb 2026"


def test_text_with_metadata_but_none_known_is_just_the_body() -> None:
    assert to_text(article(["Body."]), with_metadata=True) == "Body.\n"


def test_json_is_pretty_and_keeps_non_ascii() -> None:
    out = to_json(article(["Grüße aus Köln"], title="Überschrift"))
    assert "Grüße aus Köln" in out and "\n  " in out and out.endswith("}\n")
    record = json.loads(out)
    assert record["title"] == "Überschrift" and record["text"] == "Grüße aus Köln"


def test_json_has_the_documented_fields_in_order() -> None:
    record = json.loads(to_json(article(["x"])))
    assert list(record) == ["title", "description", "published", "published_raw", "author", "text"]


def test_json_has_no_source() -> None:
    assert "source" not in json.loads(render(article(["x"]), "json", source="a.txt"))


def test_jsonl_is_one_compact_line_with_source_first() -> None:
    out = to_jsonl(article(["a", "", "b"], title="T"), source="dumps/a.txt")
    assert out.count("\n") == 1 and out.endswith("\n") and ": " not in out
    record = json.loads(out)
    assert list(record)[0] == "source" and record["source"] == "dumps/a.txt"
    assert record["text"] == "a\n\nb"


def test_render_refuses_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(article(["x"]), "xml")


def test_atomic_write_leaves_only_the_target(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    atomic_write(target, "hello\n")
    assert target.read_text() == "hello\n"
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["out.txt"]


def test_atomic_write_replaces_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"


def test_atomic_write_uses_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write(target, "x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_discarded_atomic_file_leaves_old_content_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    sink = AtomicFile(target)
    sink.handle.write(b"half a rec")
    assert target.read_text() == "old\n"
    sink.discard()
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_atomic_write_failure_removes_temp_file(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        atomic_write(tmp_path / "out.txt", 42)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
