"""Containers: JSONL records (plain, gzip, zstd), WARC/WET records, container names, safe output names."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from cleaner.containers import (
    MISSING_WARCIO,
    MISSING_ZSTD,
    MissingExtraError,
    Record,
    container_kind,
    container_stem,
    jsonl_records,
    records,
    safe_name,
    warc_records,
)

from .conftest import hide_warcio

LIMIT = 10**6


def jsonl(*objs: object) -> io.BytesIO:
    return io.BytesIO("".join(json.dumps(o) + "\n" for o in objs).encode())


def read_jsonl(stream: io.BytesIO, **kw: object) -> list[Record]:
    return list(jsonl_records(stream, "s.jsonl", max_bytes=kw.pop("max_bytes", LIMIT), **kw))  # type: ignore[arg-type]


# --- JSONL --------------------------------------------------------------------------


def test_jsonl_record_page_is_its_text_field_and_other_fields_pass_through() -> None:
    [rec] = read_jsonl(jsonl({"id": "a1", "url": "https://x.example/1", "lang": "de", "text": "Body"}))
    assert rec.data == b"Body" and rec.id == "a1" and rec.url == "https://x.example/1"
    assert rec.fields == {"id": "a1", "url": "https://x.example/1", "lang": "de"}


def test_jsonl_record_named_by_file_and_line() -> None:
    recs = read_jsonl(jsonl({"text": "one"}, {"text": "two"}))
    assert [r.name for r in recs] == ["s.jsonl:1", "s.jsonl:2"]


def test_jsonl_without_id_field_is_named_by_line_number() -> None:
    recs = read_jsonl(jsonl({"text": "one"}, {"text": "two"}))
    assert [r.id for r in recs] == ["1", "2"]


def test_jsonl_numeric_id_becomes_text() -> None:
    [rec] = read_jsonl(jsonl({"id": 42, "text": "x"}))
    assert rec.id == "42"


def test_jsonl_default_field_order_prefers_text_over_html() -> None:
    [rec] = read_jsonl(jsonl({"html": "<p>h</p>", "text": "t"}))
    assert rec.data == b"t" and rec.fields == {"html": "<p>h</p>"}


def test_jsonl_field_option_picks_html() -> None:
    [rec] = read_jsonl(jsonl({"html": "<p>h</p>", "text": "t"}), field="html")
    assert rec.data == b"<p>h</p>" and rec.fields == {"text": "t"}


def test_jsonl_id_and_url_fields_are_configurable() -> None:
    [rec] = read_jsonl(jsonl({"doc": "d7", "link": "https://x.example/", "content": "c"}),
                       id_field="doc", url_field="link")
    assert (rec.id, rec.url, rec.data) == ("d7", "https://x.example/", b"c")


def test_jsonl_line_that_is_not_json_is_a_failed_record_and_reading_goes_on() -> None:
    stream = io.BytesIO(b'{"text": "a"}\n{broken\n["a list"]\n{"text": "b"}\n')
    recs = read_jsonl(stream)
    assert [(r.data, r.error) for r in recs] == [
        (b"a", None),
        (None, "line 2 is not a JSON object"),
        (None, "line 3 is not a JSON object"),
        (b"b", None),
    ]


def test_jsonl_record_without_a_page_field_fails_naming_the_fields_tried() -> None:
    [rec] = read_jsonl(jsonl({"id": "x", "body": "b"}))
    tried = "text, html, content, raw_content"
    assert rec.error == f"record has no text field (looked for {tried}; see --jsonl-field)"


def test_jsonl_page_field_that_is_not_a_string_fails() -> None:
    [rec] = read_jsonl(jsonl({"text": ["a", "b"]}))
    assert rec.error == "field 'text' is not a string"


def test_jsonl_blank_lines_are_skipped_but_counted() -> None:
    recs = read_jsonl(io.BytesIO(b'\n{"text": "a"}\n\n{"text": "b"}\n'))
    assert [r.name for r in recs] == ["s.jsonl:2", "s.jsonl:4"]


def test_jsonl_last_line_without_newline_is_read() -> None:
    [rec] = read_jsonl(io.BytesIO(b'{"text": "a"}'))
    assert rec.data == b"a"


def test_jsonl_page_over_the_size_limit_fails_and_the_next_is_read() -> None:
    recs = read_jsonl(jsonl({"text": "x" * 500}, {"text": "ok"}), max_bytes=100)
    assert recs[0].error == "record is over the limit of 100 bytes (--max-bytes)" and recs[1].data == b"ok"


def test_jsonl_line_far_over_the_limit_is_skipped_without_reading_it_whole() -> None:
    stream = io.BytesIO(b'{"text": "' + b"y" * 5000 + b'"}\n{"text": "ok"}\n')
    recs = read_jsonl(stream, max_bytes=100)
    assert recs[0].error is not None and "over the limit" in recs[0].error
    assert recs[1].data == b"ok" and recs[1].name == "s.jsonl:2"


def test_jsonl_lone_surrogate_escape_does_not_break_reading() -> None:
    [rec] = read_jsonl(io.BytesIO(b'{"text": "a\\ud800b"}\n'))
    assert rec.data is not None and rec.data.decode("utf-8").startswith("a")


def test_gzip_jsonl_file_is_read_transparently(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.write(json.dumps({"text": "zipped"}) + "\n")
    [rec] = records(str(path), "jsonl", max_bytes=LIMIT)
    assert rec.data == b"zipped"


def test_zstd_jsonl_file_is_read_transparently(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    path = tmp_path / "s.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(b'{"text": "squeezed"}\n{"text": "two"}\n'))
    assert [r.data for r in records(str(path), "jsonl", max_bytes=LIMIT)] == [b"squeezed", b"two"]


def test_zstd_without_the_package_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.jsonl.zst"
    path.write_bytes(b"whatever")
    real = __import__("importlib").import_module

    def no_zstd(name: str, *a: object) -> object:
        if name == "zstandard":
            raise ImportError(name)
        return real(name, *a)

    monkeypatch.setattr("cleaner.containers.importlib.import_module", no_zstd)
    with pytest.raises(MissingExtraError, match=r"zstandard.*\[zstd\]") as info:
        list(records(str(path), "jsonl", max_bytes=LIMIT))
    assert str(info.value) == MISSING_ZSTD and "\n" not in MISSING_ZSTD


def test_jsonl_is_read_lazily_one_record_at_a_time() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            line = b'{"text": "again"}\n'
            buffer[: len(line)] = line
            return len(line)

    stream = io.BufferedReader(Endless())
    found = jsonl_records(stream, "endless", max_bytes=LIMIT)  # type: ignore[arg-type]
    assert [next(found).data for _ in range(3)] == [b"again"] * 3


# --- WARC / WET ---------------------------------------------------------------------


def warc_file(path: Path, items: list[tuple[str, str, bytes, str]], *, gzip_records: bool = True) -> Path:
    """Write (kind, url, payload, content type) records with warcio."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    with open(path, "wb") as handle:
        writer = warcio.warcwriter.WARCWriter(handle, gzip=gzip_records)
        for kind, url, payload, ctype in items:
            body = io.BytesIO(payload)
            if kind == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(url, "response", payload=body, http_headers=http)
            else:
                rec = writer.create_warc_record(url, kind, payload=body, warc_content_type=ctype)
            writer.write_record(rec)
    return path


PAGE = b"<html><body><p>The river rose overnight.</p></body></html>"


def test_warc_response_with_html_is_one_record_with_url_date_and_id(tmp_path: Path) -> None:
    path = warc_file(tmp_path / "c.warc.gz", [("response", "https://x.example/a", PAGE, "text/html")])
    [rec] = records(str(path), "warc", max_bytes=LIMIT)
    assert rec.data == PAGE and rec.url == "https://x.example/a" and rec.name == f"{path}#1"
    assert rec.fields is not None and rec.fields["url"] == "https://x.example/a"
    assert rec.fields["warc_date"] and rec.fields["warc_record_id"] == rec.id and "urn:" not in rec.id


def test_warc_non_page_responses_and_requests_are_not_inputs(tmp_path: Path) -> None:
    path = warc_file(tmp_path / "c.warc.gz", [
        ("response", "https://x.example/i.png", b"\x89PNG", "image/png"),
        ("request", "https://x.example/a", b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
        ("response", "https://x.example/a", PAGE, "text/html; charset=utf-8"),
    ])
    assert [r.url for r in records(str(path), "warc", max_bytes=LIMIT)] == ["https://x.example/a"]


def test_wet_conversion_records_are_text_inputs(tmp_path: Path) -> None:
    path = warc_file(tmp_path / "c.warc.wet", [
        ("conversion", "https://x.example/1", b"Menu\nThe river rose.\n", "text/plain"),
        ("conversion", "https://x.example/2", b"Second page.\n", "text/plain"),
    ], gzip_records=False)
    recs = list(records(str(path), "warc", max_bytes=LIMIT))
    assert [(r.url, r.data) for r in recs] == [
        ("https://x.example/1", b"Menu\nThe river rose.\n"), ("https://x.example/2", b"Second page.\n"),
    ]


def test_warc_payload_over_the_limit_fails_alone(tmp_path: Path) -> None:
    path = warc_file(tmp_path / "c.warc.gz", [
        ("response", "https://x.example/big", b"<p>" + b"x" * 400 + b"</p>", "text/html"),
        ("response", "https://x.example/ok", PAGE, "text/html"),
    ])
    recs = list(records(str(path), "warc", max_bytes=200))
    assert recs[0].error == "record is over the limit of 200 bytes (--max-bytes)" and recs[1].data == PAGE


def test_warc_without_the_package_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_warcio(monkeypatch)
    with pytest.raises(MissingExtraError) as info:
        list(warc_records(io.BytesIO(b""), "c.warc", max_bytes=LIMIT))
    assert str(info.value) == MISSING_WARCIO and "[warc]" in MISSING_WARCIO


# --- names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.jsonl", "jsonl"), ("a.JSONL.GZ", "jsonl"), ("a.ndjson", "jsonl"), ("a.json.gz", "jsonl"),
        ("a.jsonl.zst", "jsonl"), ("a.warc", "warc"), ("a.warc.gz", "warc"), ("a.wet.gz", "warc"),
        ("a.warc.wet.gz", "warc"), ("a.json", None), ("a.txt", None), ("a.html", None), ("a.gz", None),
    ],
)
def test_container_kind_from_the_file_name(name: str, kind: str | None) -> None:
    assert container_kind(name) == kind


def test_input_format_overrides_the_file_name() -> None:
    assert container_kind("a.txt", "jsonl") == "jsonl" and container_kind("a.jsonl", "file") is None


@pytest.mark.parametrize(
    ("path", "stem"),
    [("d/part-1.jsonl.gz", "part-1"), ("c.warc.wet.gz", "c"), ("x.ndjson", "x"), ("odd.txt", "odd")],
)
def test_container_stem_drops_every_container_suffix(path: str, stem: str) -> None:
    assert container_stem(path) == stem


@pytest.mark.parametrize(
    "record_id",
    [
        "../../etc/passwd", "/etc/passwd", "..", ".", "a/../../b", "a\\..\\b", ".hidden", "x\ny", "\x00",
        "", "  ",
    ],
)
def test_safe_name_stays_one_visible_name_inside_its_directory(tmp_path: Path, record_id: str) -> None:
    name = safe_name(record_id)
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert name.isprintable()
    target = os.path.realpath(os.path.join(tmp_path, name))
    assert os.path.dirname(target) == os.path.realpath(tmp_path)


def test_safe_name_keeps_an_ordinary_id() -> None:
    assert safe_name("article-2024_07 été") == "article-2024_07 été"


def test_safe_name_of_long_ids_is_short_and_keeps_them_apart() -> None:
    a, b = safe_name("x" * 500 + "a"), safe_name("x" * 500 + "b")
    assert a != b and len(a.encode()) <= 180 and len(b.encode()) <= 180


def test_safe_name_cuts_long_multibyte_ids_on_a_character_boundary() -> None:
    name = safe_name("ж" * 300)
    assert len(name.encode("utf-8")) <= 180 and name.startswith("ж")
