"""Properties over hostile input, through the library and through the command.

Any text, HTML or bytes either cleans or is refused with one line and a non-zero
exit; never a traceback. Cleaning invents nothing, cleaning the output again
changes nothing, and a batch gives each input the same output in any order.
(tests/test_properties.py holds the same properties over realistic page lines.)
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import CleanerError, cli
from cleaner.readers import decode, scrub, split_lines
from tests.conftest import is_subsequence, norm, paragraphs
from tests.test_properties import BODY, JUNK, MARKDOWN, PLAIN_DOC

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

_WORD = re.compile(r"\w+")
_COMMENTS = r"<!--.*?(?:-->|\Z)|<![^>]*>"
_NEVER_TEXT = (
    r"<(script|style|svg|template|textarea|title|button|select|iframe|math)\b[^>]*>.*?(?:</\1\s*>|\Z)"
)
#: Ways to cut the markup out of a page: tag by tag; comments first; elements never shown first.
_MARKUP = [
    re.compile(r"<[^<>]*>"),
    re.compile(rf"{_COMMENTS}|<[^<>]*>", re.S),
    re.compile(rf"{_NEVER_TEXT}|{_COMMENTS}|<[^<>]*>", re.S | re.I),
    # a browser's reading: "<" starts a tag only before a letter, "/", "!" or "?" ("<0>" is text)
    re.compile(rf"{_NEVER_TEXT}|{_COMMENTS}|<[A-Za-z/!?][^<>]*>", re.S | re.I),
]

# Any character at all, lone surrogates and controls included.
ANY_CHAR = st.characters(blacklist_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=300)
LINE = st.one_of(st.sampled_from(BODY), st.sampled_from(JUNK), st.sampled_from(MARKDOWN), st.text(ANY_CHAR))
DOC = st.lists(LINE, max_size=30).map("\n".join)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1")


@st.composite
def encoded(draw: st.DrawFn, docs: st.SearchStrategy[str] = PLAIN_DOC) -> bytes:
    """A document in one of the encodings dumps come in (characters it cannot hold as '?')."""
    return draw(docs).encode(draw(st.sampled_from(ENCODINGS)), "replace")


#: Invalid UTF-8 bytes, a cut 3-byte character, NUL, BOMs, an encoded surrogate.
_DAMAGE = [b"\xff", b"\xc3", b"\xe2\x82", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\x80\x80", b"\xed\xa0\x80"]


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """Valid bytes with damage spliced in: invalid UTF-8, NULs, BOMs, cut multi-byte characters."""
    data = bytearray(draw(encoded(DOC.map(lambda d: d.encode("utf-8", "replace").decode("utf-8")))))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.sampled_from(_DAMAGE))
    return bytes(data)


# HTML: tag soup from a small vocabulary, with unclosed, misnested and stray markup.
_TAGS = ["p", "div", "span", "a", "li", "ul", "table", "tr", "td", "h1", "h2", "b", "nav", "article", "head",
         "body", "html", "script", "style", "br", "footer", "pre", "figure", "figcaption", "svg"]  # fmt: skip
_HTML_PIECE = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f'<{t} class="share-bar" id="x{t}">'),
    st.sampled_from(BODY),
    st.sampled_from(JUNK),
    st.sampled_from(
        [
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "&amp;",
            "&nbsp;",
            "&#x1F600;",
            "&bogus;",
            "<",
            ">",
            "<!doctype html>",
            '<meta charset="utf-8">',
            '<a href="/x">',
            "\n",
        ]
    ),  # fmt: skip
    st.text(ANY_CHAR, max_size=20),
)
HTML = st.lists(_HTML_PIECE, max_size=60).map(lambda parts: "<!doctype html><html><body>" + "".join(parts))


def _in_order(word: str, text: str) -> bool:
    """Whether the characters of ``word`` appear in ``text`` in their order."""
    rest = iter(text)
    return all(c in rest for c in word)


def _clean_or_refuse(raw: str | bytes) -> str | None:
    try:
        return cleaner.clean(raw).text
    except CleanerError as exc:
        message = str(exc)
        assert message and "\n" not in message, f"a refusal must be one line: {message!r}"
        return None


def _reference_lines(raw: str | bytes) -> set[str]:
    """The input's lines as the reader sees them (decoded, scrubbed), normalised."""
    text = scrub(decode(raw)) if isinstance(raw, bytes) else scrub(raw, mend=False)
    return {norm(line) for line in split_lines(text)}


# --- the library ---------------------------------------------------------------------------------


@SETTINGS
@given(st.one_of(ANY_TEXT, DOC))
def test_any_text_cleans_or_is_refused_in_one_line(raw: str) -> None:
    out = _clean_or_refuse(raw)
    if out is not None:
        out.encode("utf-8")  # writable: no lone surrogate survives


@SETTINGS
@given(st.one_of(st.binary(max_size=600), encoded(), mangled()))
@example(b"\xff\xfeplain text behind a UTF-16 BOM")
@example(b"\xef\xbb\xbfcaf\xe9 behind a UTF-8 BOM")
@example("Plain line\n".encode("utf-16-le"))
def test_any_bytes_clean_or_are_refused_in_one_line(raw: bytes) -> None:
    out = _clean_or_refuse(raw)
    if out is not None:
        out.encode("utf-8")


@SETTINGS
@given(HTML)
@example("<!doctype html><html><body>searchicon<![CDATA[<p>The council voted on Thursday.")
@example("<!doctype html><html><body>searchicon<script>The council.</script>Residents had signed.")
@example("<body><0>")
def test_any_html_cleans_or_is_refused_and_invents_no_word(page: str) -> None:
    out = _clean_or_refuse(page)
    if out is None:
        return
    # inline elements join their words ("<b>night</b>bus" is "nightbus"), blocks part them: every
    # word of the output is in the page's text run together, markup cut out as a browser would
    # (a "<![CDATA[" outside SVG is a bogus comment up to the next ">") or tag by tag
    page = scrub(page, mend=False)
    texts = ["".join(unescape(markup.sub("", page)).split()) for markup in _MARKUP]
    if cleaner.clean(page).document.kind != "html":  # not sniffed as HTML ("<body><0>"): read as a text dump
        texts.append("".join(page.split()))
    # (lxml moves stray text out of a table, before it: such a word is in the page in order)
    invented = [
        w for w in _WORD.findall(out) if not any(w in text for text in texts) and not _in_order(w, texts[-1])
    ]
    assert not invented, f"words not in the page: {invented}"


def _assert_nothing_invented(raw: str | bytes) -> None:
    """Every output line is an input line, or what is left of one without its markdown syntax
    (``# ``, ``[text](url)``): its characters, in their order, in one input line."""
    try:
        out = cleaner.clean(raw).text
    except CleanerError:
        return
    source = _reference_lines(raw)
    for line in out.splitlines():
        kept = norm(line)
        if kept and kept not in source:
            chars = list(kept.replace(" ", ""))
            assert any(is_subsequence(chars, list(s.replace(" ", ""))) for s in source), f"invented {line!r}"


@SETTINGS
@given(st.one_of(encoded(), mangled()))
@example(b"\xef\xc3\xef\xbb\xbf\xbb\xbf")  # mojibake uncovered by normalising: not mended late
def test_bytes_output_lines_are_lines_of_the_decoded_input(raw: bytes) -> None:
    _assert_nothing_invented(raw)


@SETTINGS
@given(st.one_of(ANY_TEXT, DOC))
def test_text_output_lines_are_input_lines(raw: str) -> None:
    _assert_nothing_invented(raw)


@SETTINGS
@given(st.one_of(ANY_TEXT, DOC, encoded(DOC), mangled()))
def test_cleaning_any_output_again_changes_nothing(raw: str | bytes) -> None:
    first = _clean_or_refuse(raw)
    if first is None:
        return
    again = cleaner.clean(first).text
    assert paragraphs(again) == paragraphs(first)


# --- the command ---------------------------------------------------------------------------------


def _invoke(args: list[str], data: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, ["-q", *args], input=data, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {type(result.exception).__name__}: {result.exception}"
    )
    return result.exit_code, result.stdout, result.stderr


def _assert_clean_or_one_line_error(code: int, stdout: str, stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "internal error" not in stderr, stderr
    if code:
        assert stderr.startswith(f"{cli.PROG}: ") and stderr.count("\n") == 1, repr(stderr)
        assert stdout == ""
    else:
        assert stderr == ""


@CLI_SETTINGS
@given(
    st.one_of(
        st.binary(max_size=400),
        encoded(DOC),
        mangled(),
        HTML.map(lambda h: h.encode("utf-8", "surrogatepass")),
    )
)
@example(b"\x00\x01\x02 binary")
@example(b"x" * 101)
def test_command_cleans_any_input_or_exits_non_zero_with_one_line(raw: bytes) -> None:
    code, stdout, stderr = _invoke(["--max-bytes", "100"] if raw == b"x" * 101 else [], raw)
    _assert_clean_or_one_line_error(code, stdout, stderr)


@CLI_SETTINGS
@given(st.one_of(DOC, HTML), st.sampled_from(["text", "json", "jsonl"]))
def test_command_in_every_format_cleans_any_text(raw: str, fmt: str) -> None:
    code, stdout, stderr = _invoke(["-f", fmt], raw.encode("utf-8", "surrogatepass"))
    _assert_clean_or_one_line_error(code, stdout, stderr)
    if code == 0 and fmt != "text":
        assert json.loads(stdout)


@CLI_SETTINGS
@given(st.one_of(DOC, ANY_TEXT))
def test_command_output_read_back_cleans_to_itself(raw: str) -> None:
    code, first, _ = _invoke([], raw.encode("utf-8", "surrogatepass"))
    if code:
        return
    code, again, _ = _invoke([], first.encode("utf-8"))
    assert code == 0
    assert paragraphs(again) == paragraphs(first)


# --- batches -------------------------------------------------------------------------------------


def _batch(directory: Path, names: list[str], jobs: str) -> dict[str, str]:
    code, stdout, stderr = _invoke(["-f", "jsonl", "-j", jobs, *(str(directory / n) for n in names)])
    records = [json.loads(line) for line in stdout.splitlines()]
    failures = sorted(line for line in stderr.splitlines() if line)
    by_source = {r["source"]: json.dumps(r, sort_keys=True) for r in records}
    by_source.update({f"failed:{line}": "" for line in failures})
    return by_source


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.one_of(encoded(DOC), mangled(), st.binary(max_size=200)), min_size=2, max_size=6),
    st.randoms(),
)  # noqa: E501
def test_a_batch_in_another_order_gives_every_input_the_same_output(
    tmp_path_factory: pytest.TempPathFactory, inputs: list[bytes], rnd: object
) -> None:
    directory = tmp_path_factory.mktemp("batch")
    names = [f"in{i}.txt" for i in range(len(inputs))]
    for name, data in zip(names, inputs, strict=True):
        (directory / name).write_bytes(data)
    shuffled = list(names)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _batch(directory, shuffled, "1") == _batch(directory, names, "1")


def test_a_batch_over_workers_gives_the_same_outputs_as_one_process(tmp_path: Path) -> None:
    inputs = [b"Menu\nSearch\n\n" + line.encode() + b"\n" for line in BODY[:6]]
    inputs += [b"\x00\x01binary", b"\xff\xfe"]
    names = [f"in{i}.txt" for i in range(len(inputs))]
    for name, data in zip(names, inputs, strict=True):
        (tmp_path / name).write_bytes(data)
    assert _batch(tmp_path, names[::-1], "2") == _batch(tmp_path, names, "1")
