"""Raw input -> Document: decoding bytes, splitting lines, sniffing the dump style."""

from __future__ import annotations

import codecs
import re

import regex

from .document import Document
from .errors import NOT_TEXT, TOO_LARGE, InputTooLargeError, NotTextError
from .mojibake import repair
from .options import DEFAULT_MAX_BYTES
from .patterns import lazy

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

#: A dump whose bytes are more than this share NUL is binary (or UTF-16 without a BOM, which
#: is recognised first); below it, stray NUL bytes are dropped and the rest is read.
MAX_NUL_SHARE = 0.01

#: A UTF-16/32 dump after its BOM may have at most this share of undecodable characters
#: (a truncated last byte, a lone surrogate): they become U+FFFD. More, and it is not text.
MAX_BAD_SHARE = 0.01

# Plain classes and literals go to stdlib re, which scans them about twice as fast as `regex`.
# Compiled on first use (patterns.lazy): most dumps need no line-break other than LF, no
# surrogate repair and no markdown test (start-up time).
_CONTROL = lazy(re.compile, r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: A markdown line: a link to a URL, a path (``/a``, ``../a``, ``ch01.html``, ``guide/setup.md#b``)
#: or an anchor, or a heading, bullet or image at the start of the line.
_MD_SYNTAX = lazy(
    regex.compile,
    r"\]\((?:https?:|/|#|mailto:|\.{1,2}/|[\w-]+(?:/[\w.-]+)*\.\w{2,5}[#?)])|^\s{0,3}(?:#{1,6}\s|\*\s{1,3}\S|!\[)",
    regex.M,
)
#: A markdown sub-heading (``## Install``): a code comment has one ``#``.
_SUBHEADING = lazy(re.compile, r"\s{0,3}#{2,6}\s")
_LINE_BREAK = lazy(re.compile, r"\r\n|\r|\n|\u2028|\u2029|\x85")
_ASCII_BYTES = bytes(range(128))
_SURROGATE = lazy(re.compile, "[\ud800-\udfff]")


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with U+FFFD for its few bad bytes, or None when it is not mostly UTF-8."""
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - replaced
    return text if good >= UTF8_MAJORITY * bad else None


def _utf16_without_bom(data: bytes) -> str | None:
    """``data`` as UTF-16 when it has no BOM but its NUL bytes say so (ASCII in every other byte)."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    for encoding, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        if data[nul_at::2].count(0) > 0.9 * half and data[1 - nul_at :: 2].count(0) < 0.1 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _bom_contradicted(body: bytes) -> bool:
    """Whether bytes behind a UTF-16/32 BOM, none of them NUL, are really 8-bit or UTF-8 text.

    UTF-16 has NUL bytes in ASCII characters, spaces and newlines, so text of any length in it
    has some. Bytes without NULs that are mostly ASCII, or valid UTF-8, are a dump behind a
    stray BOM.
    """
    if not body:
        return False
    high = len(body.translate(None, _ASCII_BYTES))
    if high <= 0.1 * len(body):
        return True
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _after_bom(data: bytes, bom: bytes, encoding: str) -> str:
    """``data`` as ``encoding`` after its BOM, unless the content says the BOM is wrong."""
    body = data[len(bom) :]
    if encoding != "utf-8" and b"\x00" not in body and _bom_contradicted(body):
        return _without_bom(body)
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            return _mostly_utf8(body) or _without_bom(body)
        text = body.decode(encoding, "replace")
        bad = text.count("\ufffd") - body.decode(encoding, "ignore").count("\ufffd")
        if bad <= MAX_BAD_SHARE * len(text):
            return text
        raise NotTextError(NOT_TEXT.format(why=f"invalid {encoding.upper()} after its BOM")) from exc


def decode(data: bytes) -> str:
    """Decode a dump: BOM first (UTF-8, UTF-16, UTF-32), then UTF-8, then cp1252.

    A dump that is UTF-8 but for a few bad bytes stays UTF-8 (see
    :data:`UTF8_MAJORITY`); the bad bytes become U+FFFD. A BOM the content
    contradicts is ignored; UTF-16 without a BOM is recognised by its NUL bytes;
    a few stray NUL bytes are dropped.

    Raises :class:`NotTextError` for binary data (NUL bytes beyond
    :data:`MAX_NUL_SHARE`, or too many control characters).
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _after_bom(data, bom, encoding)
    return _without_bom(data)


def _without_bom(data: bytes) -> str:
    nuls = data.count(0)
    if nuls:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        if nuls > MAX_NUL_SHARE * len(data):
            raise NotTextError(NOT_TEXT.format(why="contains NUL bytes"))
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    # cp1252 leaves five bytes undefined: a few become U+FFFD, many mean it is not text
    text = data.decode("cp1252", "replace")
    if text.count("\ufffd") - data.count("\ufffd".encode()) > MAX_BAD_SHARE * len(text):
        raise NotTextError(NOT_TEXT.format(why="neither UTF-8 nor cp1252"))
    return text


def scrub(text: str, *, mend: bool = True, surrogates: bool = True) -> str:
    """Decoded text made safe to process and to write: NUL characters dropped, lone surrogates
    (possible only in a ``str`` input) replaced by U+FFFD and, with ``mend``, mojibake repaired
    where certain (:mod:`cleaner.mojibake`).

    The readers mend what they decoded themselves (bytes); a ``str`` is taken as its caller
    decoded it (and the pipeline's settling reads back text already mended). Text that a
    codec decoded strictly cannot hold a lone surrogate: ``surrogates=False`` skips that search.
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    if surrogates and _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return repair(text) if mend else text


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
    if hits < MARKDOWN_LINE_SHARE * len(nonblank):
        return "plain"
    # Without a single link, ``# …`` lines may be a page's code comments (``# install the
    # package``): markdown only if a sub-heading (``## …``) shows the heading levels.
    if not any("](" in ln for ln in nonblank) and not any(_SUBHEADING.match(ln) for ln in nonblank):
        return "plain"
    return "markdown"


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
    lines = split_lines(scrub(text, mend=isinstance(raw, bytes)))
    return Document.from_lines(lines, source=source, style=sniff_style(lines))


#: How an input may be read (``--input``): sniffed, or declared an HTML page or a text dump.
READ_AS: tuple[str, ...] = ("auto", "html", "text")


def read(
    raw: str | bytes, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, read_as: str = "auto"
) -> Document:
    """Any input as a Document: an HTML page through the HTML reader, anything else as a text dump.

    ``read_as`` (one of :data:`READ_AS`): ``auto`` sniffs, and only inputs whose first
    non-blank character is ``<`` are sniffed further, so a run over text dumps never
    imports the HTML reader (nor bs4); ``html`` or ``text`` says which the input is.
    """
    if read_as not in READ_AS:
        raise ValueError(f"read_as must be one of {', '.join(READ_AS)}, not {read_as!r}")
    if read_as == "text":
        return read_text(raw, source=source, max_bytes=max_bytes)
    if read_as == "html":
        from .html import read_html

        return read_html(raw, source=source, max_bytes=max_bytes)
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
