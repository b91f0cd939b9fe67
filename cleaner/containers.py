"""Containers of many pages: JSONL shards and WARC/WET files, read one record at a time.

A container is one file holding many inputs. :func:`records` streams its
records as :class:`Record` values (never the whole file in memory):

- **JSONL** (``.jsonl``, ``.ndjson``, ``.json.gz`` …; gzip read with the
  standard library, zstd with the optional ``zstandard`` package, extra
  ``[zstd]``): one JSON object per line; the page is the field named by
  ``field`` (by default the first of :data:`JSONL_FIELDS` present), and every
  other field passes through to the output record untouched.
- **WARC / WET** (``.warc``, ``.warc.gz``, ``.wet``, ``.wet.gz``; read with the
  optional ``warcio`` package, extra ``[warc]``): each ``response`` record with
  an HTML or text payload, and each ``conversion`` record (WET text), is one
  input; its URL, date and record id are kept.

A record that cannot be used (a line that is not JSON, a payload over the size
limit) comes out as a Record with ``error`` set, so a run reports it and goes on.
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Iterator
from typing import IO, Any

from .document import Frozen
from .errors import CleanerError

#: The fields tried, in order, for a JSONL record's page when no --jsonl-field is given.
JSONL_FIELDS: tuple[str, ...] = ("text", "html", "content", "raw_content")
DEFAULT_ID_FIELD = "id"
DEFAULT_URL_FIELD = "url"

#: Input formats: ``auto`` picks one from the file name (see :func:`container_kind`).
INPUT_FORMATS: tuple[str, ...] = ("auto", "file", "jsonl", "warc")

#: File name endings of containers, by kind (checked after lower-casing).
JSONL_SUFFIXES: tuple[str, ...] = tuple(
    base + comp for base in (".jsonl", ".ndjson", ".json") for comp in (".gz", ".zst")
) + (".jsonl", ".ndjson")
WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz", ".wet", ".wet.gz", ".warc.wet", ".warc.wet.gz")

#: HTTP content types of WARC responses that are pages (anything else is not an input).
PAGE_TYPES: tuple[str, ...] = ("text/html", "application/xhtml", "text/plain")

MISSING_WARCIO = "reading WARC/WET files needs the warcio package: pip install 'clean-article[warc]'"
MISSING_ZSTD = "reading .zst files needs the zstandard package: pip install 'clean-article[zstd]'"
NOT_JSON = "line {line} is not a JSON object"
NO_FIELD = "record has no text field (looked for {fields}; see --jsonl-field)"
NOT_STRING = "field {field!r} is not a string"
TOO_LARGE_RECORD = "record is over the limit of {limit:,} bytes (--max-bytes)"


class MissingExtraError(CleanerError):
    """An optional package this input needs is not installed."""


class Record(Frozen):
    """One page of a container.

    ``name`` says where it is (``shard.jsonl:17``, ``crawl.warc.gz#3``);
    ``id`` names its output file (a JSONL id field, a WARC record id, else the
    line or record number); ``fields`` go into the output record as they are.
    """

    __slots__ = ("name", "id", "data", "url", "fields", "error")
    __match_args__ = ("name", "id", "data", "url", "fields", "error")

    name: str
    id: str
    data: bytes | None
    url: str | None
    fields: dict[str, Any] | None
    error: str | None

    def __init__(
        self,
        name: str,
        id: str,
        data: bytes | None = None,
        url: str | None = None,
        fields: dict[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        self._set(name, id, data, url, fields, error)


def container_kind(path: str, input_format: str = "auto") -> str | None:
    """``"jsonl"``, ``"warc"`` or ``None`` (a plain page file) for ``path`` under ``--input-format``."""
    if input_format in ("jsonl", "warc"):
        return input_format
    if input_format == "file":
        return None
    name = os.path.basename(path).lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def container_stem(path: str) -> str:
    """The file name without its container suffixes: ``crawl/part-1.jsonl.gz`` -> ``part-1``."""
    name = os.path.basename(path)
    lower = name.lower()
    for suffix in sorted(JSONL_SUFFIXES + WARC_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return os.path.splitext(name)[0] or name


def open_binary(path: str) -> IO[bytes]:
    """``path`` opened for reading bytes, gzip or zstd decompressed by its suffix (a stream, not a load)."""
    lower = path.lower()
    if lower.endswith(".gz"):
        import gzip

        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    if lower.endswith(".zst"):
        try:
            zstandard = importlib.import_module("zstandard")
        except ImportError:
            raise MissingExtraError(MISSING_ZSTD) from None
        raw = open(path, "rb")  # noqa: SIM115 - closed with the reader
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
        return io.BufferedReader(reader)
    return open(path, "rb")


def records(
    path: str,
    kind: str,
    *,
    name: str | None = None,
    stream: IO[bytes] | None = None,
    field: str | None = None,
    id_field: str = DEFAULT_ID_FIELD,
    url_field: str = DEFAULT_URL_FIELD,
    max_bytes: int,
) -> Iterator[Record]:
    """The records of the container at ``path`` (or read from ``stream``), one at a time."""
    shown = name or path
    if kind == "warc":
        if stream is None:
            with open(path, "rb") as handle:
                yield from warc_records(handle, shown, max_bytes=max_bytes)
        else:
            yield from warc_records(stream, shown, max_bytes=max_bytes)
        return
    if stream is None:
        with open_binary(path) as handle:
            yield from jsonl_records(
                handle, shown, field=field, id_field=id_field, url_field=url_field, max_bytes=max_bytes
            )
    else:
        yield from jsonl_records(
            stream, shown, field=field, id_field=id_field, url_field=url_field, max_bytes=max_bytes
        )


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[bytes, bool]]:
    """The lines of ``stream`` and whether each fits in ``limit`` bytes (an overlong one is skipped over)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drop the rest of the overlong line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield b"", False
            continue
        yield line, True


def jsonl_records(
    stream: IO[bytes],
    name: str,
    *,
    field: str | None = None,
    id_field: str = DEFAULT_ID_FIELD,
    url_field: str = DEFAULT_URL_FIELD,
    max_bytes: int,
) -> Iterator[Record]:
    """One Record per non-blank line of a JSONL stream."""
    import json  # only a JSONL input needs it (start-up time)

    fields = (field,) if field else JSONL_FIELDS
    # JSON escapes can double a page's size; a line may be larger than the page it holds.
    limit = 2 * max_bytes + 4096
    for lineno, (line, fits) in enumerate(_lines(stream, limit), 1):
        where = f"{name}:{lineno}"
        if not fits:
            yield Record(where, str(lineno), error=TOO_LARGE_RECORD.format(limit=max_bytes))
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            obj = None
        if not isinstance(obj, dict):
            yield Record(where, str(lineno), error=NOT_JSON.format(line=lineno))
            continue
        raw_id = obj.get(id_field)
        rec_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else str(lineno)
        url = obj.get(url_field)
        url = url if isinstance(url, str) else None
        key = next((f for f in fields if f in obj), None)
        if key is None:
            yield Record(where, rec_id, url=url, error=NO_FIELD.format(fields=", ".join(fields)))
            continue
        value = obj.pop(key)
        if not isinstance(value, str):
            yield Record(where, rec_id, url=url, error=NOT_STRING.format(field=key))
            continue
        data = value.encode("utf-8", "replace")  # a lone surrogate from a \\ud800 escape
        if len(data) > max_bytes:
            yield Record(where, rec_id, url=url, error=TOO_LARGE_RECORD.format(limit=max_bytes))
            continue
        yield Record(where, rec_id, data=data, url=url, fields=obj)


def _warcio() -> Any:
    try:
        module = importlib.import_module("warcio.archiveiterator")
    except ImportError:
        raise MissingExtraError(MISSING_WARCIO) from None
    return module.ArchiveIterator


def _is_page(content_type: str | None) -> bool:
    if not content_type:
        return True  # no declared type: let the reader sniff it
    value = content_type.lower()
    return any(t in value for t in PAGE_TYPES)


def warc_records(stream: IO[bytes], name: str, *, max_bytes: int) -> Iterator[Record]:
    """One Record per page of a WARC or WET stream (gzip per record or not; warcio decides)."""
    archive_iterator = _warcio()
    number = 0
    for rec in archive_iterator(stream):
        kind = rec.rec_type
        if kind == "response":
            http = rec.http_headers
            if http is None or not _is_page(http.get_header("Content-Type")):
                continue
        elif kind in ("conversion", "resource"):
            if not _is_page(rec.rec_headers.get_header("Content-Type")):
                continue
        else:
            continue
        number += 1
        headers = rec.rec_headers
        url = headers.get_header("WARC-Target-URI")
        record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
        record_id = record_id.removeprefix("urn:uuid:") or str(number)
        fields = {"url": url, "warc_date": headers.get_header("WARC-Date"), "warc_record_id": record_id}
        where = f"{name}#{number}"
        try:
            data = rec.content_stream().read(max_bytes + 1)
        except Exception as exc:  # noqa: BLE001 - a broken payload is this record's failure
            yield Record(where, record_id, url=url, fields=fields, error=f"cannot read payload: {exc}")
            continue
        if len(data) > max_bytes:
            too_large = TOO_LARGE_RECORD.format(limit=max_bytes)
            yield Record(where, record_id, url=url, fields=fields, error=too_large)
            continue
        yield Record(where, record_id, data=data, url=url, fields=fields)


# --- output names from record ids --------------------------------------------------

#: The longest file name (in UTF-8 bytes, before the extension) an id becomes.
MAX_NAME_BYTES = 180

_UNSAFE = {c: "_" for c in (*range(0x20), 0x7F, ord("/"), ord("\\"))}


def safe_name(record_id: str) -> str:
    """A file name from a record id that stays inside its directory.

    Separators (``/``, ``\\``), control characters and a leading dot (``..``,
    hidden names) become ``_``; surrogates are replaced; a very long id is cut
    and given a short hash of the whole id so two long ids stay apart.
    """
    name = record_id.translate(_UNSAFE).encode("utf-8", "replace").decode("utf-8")
    if name.startswith("."):
        name = "_" + name[1:]
    name = name.strip() or "_"
    encoded = name.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        import hashlib

        digest = hashlib.blake2b(record_id.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
        name = encoded[: MAX_NAME_BYTES - 13].decode("utf-8", "ignore") + "~" + digest
    return name
