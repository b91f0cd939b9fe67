"""Raw input -> Document: decoding bytes, splitting lines, sniffing the dump style."""

from __future__ import annotations

import codecs
import re

import regex

from .document import Document
from .errors import NOT_TEXT, TOO_LARGE, InputTooLargeError, NotTextError
from .options import DEFAULT_MAX_BYTES

#: Share of control characters (other than tab/newline/CR/form feed) above which
#: decoded text is taken for binary data.
MAX_CONTROL_SHARE = 0.01

#: A markdown dump is one where at least this share of non-blank lines carries
#: markdown link/image syntax or list bullets.
MARKDOWN_LINE_SHARE = 0.08

#: A dump that is not valid UTF-8 is still read as UTF-8 (its bad bytes become
#: U+FFFD) when its valid non-ASCII characters outnumber the bad bytes by this
#: factor: one stray byte must not turn every accent of a page into mojibake.
#: Otherwise it is read as cp1252.
UTF8_MAJORITY = 4

# Plain classes and literals go to stdlib re, which scans them about twice as fast as `regex`.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MD_SYNTAX = regex.compile(r"\]\((?:https?:|/|#|mailto:)|^\s{0,3}(?:#{1,6}\s|\*\s{1,3}\S|!\[)", regex.M)
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with U+FFFD for its few bad bytes, or None when it is not mostly UTF-8."""
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - replaced
    return text if good >= UTF8_MAJORITY * bad else None


def decode(data: bytes) -> str:
    """Decode a dump: BOM first (UTF-8, UTF-16, UTF-32), then UTF-8, then cp1252.

    A dump that is UTF-8 but for a few bad bytes stays UTF-8 (see
    :data:`UTF8_MAJORITY`); the bad bytes become U+FFFD.

    Raises :class:`NotTextError` for binary data (NUL bytes without a UTF-16
    BOM, or too many control characters).
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                mostly = _mostly_utf8(data[len(bom) :]) if encoding == "utf-8-sig" else None
                if mostly is not None:
                    return mostly
                raise NotTextError(NOT_TEXT.format(why=f"invalid {encoding.upper()} after its BOM")) from exc
    if b"\x00" in data:
        raise NotTextError(NOT_TEXT.format(why="contains NUL bytes"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise NotTextError(NOT_TEXT.format(why="neither UTF-8 nor cp1252")) from exc


def check_text(text: str) -> None:
    """Refuse decoded text that is mostly control characters (binary saved as .txt)."""
    if not text:
        return
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise NotTextError(NOT_TEXT.format(why=f"{controls} control characters in the first {len(sample)}"))


def split_lines(text: str) -> list[str]:
    """Split on every newline convention (LF, CRLF, CR, Unicode line separators)."""
    if not text:
        return []
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        lines = _LINE_BREAK.split(text)
    else:
        lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def sniff_style(lines: list[str]) -> str:
    """``markdown`` when the dump carries markdown syntax on enough lines, else ``plain``."""
    nonblank = [ln for ln in lines[:2000] if ln.strip()]
    if not nonblank:
        return "plain"
    # _MD_SYNTAX needs "](" in a line, or "#", "*" or "![" after at most three spaces: test that first.
    hits = sum(
        1
        for ln in nonblank
        if ("](" in ln or "#" in ln[:4] or "*" in ln[:4] or "![" in ln[:5]) and _MD_SYNTAX.search(ln)
    )
    return "markdown" if hits >= MARKDOWN_LINE_SHARE * len(nonblank) else "plain"


def check_size(raw: bytes, max_bytes: int) -> None:
    """Refuse an input larger than ``max_bytes`` (``--max-bytes``)."""
    if len(raw) > max_bytes:
        raise InputTooLargeError(TOO_LARGE.format(size=len(raw), limit=max_bytes))


def read_text(
    raw: str | bytes,
    *,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """A text dump (str, or bytes to decode) as a Document of one block per line."""
    if isinstance(raw, bytes):
        check_size(raw, max_bytes)
        text = decode(raw)
    else:
        text = raw
    check_text(text)
    lines = split_lines(text)
    return Document.from_lines(lines, source=source, style=sniff_style(lines))


def read(raw: str | bytes, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Any input as a Document: an HTML page through the HTML reader, anything else as a text dump.

    Only inputs whose first non-blank character is ``<`` are sniffed further, so a
    run over text dumps never imports the HTML reader (nor bs4).
    """
    head = raw[:1024]
    starts_with_tag = (
        head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
        if isinstance(head, bytes)
        else head.lstrip("\ufeff \t\r\n").startswith("<")
    )
    if starts_with_tag:
        from .html import looks_like_html, read_html

        if looks_like_html(raw):
            return read_html(raw, source=source, max_bytes=max_bytes)
    return read_text(raw, source=source, max_bytes=max_bytes)
