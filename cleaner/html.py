"""HTML input -> Document: decode, parse with bs4, prune, emit one block per block element.

This is the only module that imports bs4, and it does so inside functions, so a
run over text dumps never pays for it. The blocks it emits are the same stream
the text stages work on (one block per line of text), enriched with what the DOM
knows, in ``Block.hints``:

``tag``          the block element (``p``, ``h2``, ``li``, ``tr``, ``div`` ...)
``level``        heading level 1-6, or 0
``in_list`` ``in_table`` ``in_quote`` ``in_figure`` ``in_caption``   membership flags
``link_density`` share of the block's characters inside ``<a>``
``tokens``       class/id tokens of the element and its ancestors (a frozenset)
``depth``        element depth below ``<html>``
``in_content``   inside ``article``/``main``/``[itemprop=articleBody]``/``role=main``
``in_chrome``    the nearest page-chrome ancestor (``"nav"``, ``"footer"``, ``"role=banner"``), or ``""``
``chain``        serial numbers of the element's ancestors, outermost first, ending in the element
``nodes``        the page's element table (shared by all blocks): serial -> :class:`Node`

``Block.path`` is a compact DOM path (``body/div#page/article/p[3]``) and
``Block.origin`` the source line of the element (1-based; with a parser that
does not report lines, the element's position in document order).

Blank blocks stand between block elements, as blank lines do in a text dump, so
paragraphs stay apart in the output; ``normalize`` drops them.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import re
import sys
import types
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import regex

from .document import Block, Document
from .options import DEFAULT_MAX_BYTES
from .patterns import lazy
from .readers import check_size, check_text, read_text, scrub

if TYPE_CHECKING:  # pragma: no cover
    from bs4 import BeautifulSoup, Tag


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Bytes of the input looked at to sniff HTML and its declared charset.
SNIFF_BYTES = 4096
#: Tags whose text is never article content; dropped with everything inside. (``noscript`` is
#: not among them: scrapers run without JavaScript, and forums serve their posts inside it.)
NEVER_CONTENT = _words(
    "script style template svg math iframe object embed canvas audio video source track "
    "button select option optgroup input textarea datalist output progress meter map area "
    "title link meta base dialog"
)  # (not "head": its own children are never content, and a <head> left open holds the page)
#: Block-level elements: each one's own text becomes a block of its own.
BLOCK_TAGS = _words(
    "address article aside blockquote body caption center dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre "
    "section summary table tbody tfoot thead tr ul"
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Semantic main-content containers, by tag.
CONTENT_TAGS = frozenset({"article", "main"})
CONTENT_ROLES = frozenset({"main", "article"})
CONTENT_ITEMPROPS = frozenset({"articlebody", "text", "reviewbody", "description"})
#: Page-chrome containers, by tag and by ARIA role.
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu"})
#: Block elements nested deeper than this are read as inline (pathological pages nest thousands).
MAX_DEPTH = 200
#: Stands for a <br> in collected text (source newlines are mere spaces outside <pre>).
_BREAK = "\x1e"
#: Table cells are joined with this separator within their row's block.
CELL_SEPARATOR = " | "
#: JSON-LD types whose fields describe the article.
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
        "techarticle", "liveblogposting", "posting", "socialmediaposting", "report", "webpage",
    }
)  # fmt: skip

_HTML_START = regex.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|\?xml[^>]*>\s*<(?:!doctype\s+)?html)",
    regex.I | regex.S,
)
_TAG_SAMPLE = regex.compile(rb"<(?:meta|body|div|p|a|span|link|script|br|li|table)[\s>/]", regex.I)
_META_CHARSET = regex.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""",
    regex.I,
)
# (class_tokens runs on every class and id: the stdlib re makes these three calls 1.5-3 times
# faster than regex; [\S\x1c-\x1f] is regex's \S, as re counts \x1c-\x1f as space and regex not)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_STATE_CLASS = re.compile(
    r"(?<![\S\x1c-\x1f])(?:has|with|without|no|show|hide|enable|disable)[-_][\S\x1c-\x1f]*"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DISPLAY_NONE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_STREAMED_SEGMENT = regex.compile(r"\A[SB]:\d+\Z")
_SPACE_RUN = regex.compile(r"[ \t\r\n\f\u00a0\u200b]+")
_PATH_CLEAN = regex.compile(r"[^\w-]+")
_ISO_DATE = regex.compile(
    r"\A\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
# Never-content markup cut out before parsing (bs4 builds a Python object per tag: svg sprites and
# inline scripts are most of a page's nodes); JSON-LD is read out of its script first.
_PRUNED_TAGS = ("script", "style", "svg", "template", "select", "textarea", "button", "iframe", "math",
                "object", "canvas")  # fmt: skip
#: Elements whose content is raw text: unclosed, they run to the end of the page.
_RAW_TEXT = frozenset({"!--", "script", "style", "textarea"})
_PRUNE_OPEN = regex.compile(rf"<({'|'.join(_PRUNED_TAGS)})(?=[\s/>])|<!--", regex.I)
_PRUNE_CLOSE = {tag: regex.compile(rf"</{tag}\s*>", regex.I) for tag in _PRUNED_TAGS} | {
    "!--": regex.compile(r"-->")
}


# The patterns of :func:`compact`, which serves only the fallback parse: compiled on first use
# (regex takes some 25 ms a process to compile them).
_BLOCK_EDGE_NAMES = "|".join(sorted(BLOCK_TAGS | {"td", "th", "br", "head", "meta", "link", "title", "li"}))
# Whitespace between a tag and the start or end of a block element is never text a reader
# sees; each run would be a bs4 string object of its own (a third of a page's nodes).
_BLOCK_EDGE_SPACE = lazy(regex.compile, rf">[ \t\r\n\f]++(?=</?(?:{_BLOCK_EDGE_NAMES})[\s/>])", regex.I)
# Void elements that never hold text: cut before parsing, as bs4 makes a Tag of each.
_VOID_NO_TEXT = lazy(
    regex.compile,
    r"<(?:img|source|input|wbr|track|param|col)\b(?:[^<>\"']++|\"[^\"<]*+\"|'[^'<]*+')*+>",
    regex.I,
)
# Inline elements with nothing inside (icon fonts, emptied image links): no text, no separator.
_EMPTY_INLINE = lazy(
    regex.compile,
    r"<(a|span|i|b|em|strong|small|label|u|font|sup|sub|abbr|cite|mark|ins|del|s|q)\b"
    r"(?:[^<>\"']++|\"[^\"<]*+\"|'[^'<]*+')*+></\1\s*>",
    regex.I,
)
# <link> elements other than the canonical URL: stylesheets, preloads, icons.
_LINK_TAG = lazy(regex.compile, r"<link\b(?:[^<>\"']++|\"[^\"<]*+\"|'[^'<]*+')*+>", regex.I)


_SCRIPT_OPEN = regex.compile(r"<script\b([^>]{0,500})>", regex.I)
_LD_TYPE = regex.compile(r"application/ld\+json", regex.I)


# -- sniffing and decoding ---------------------------------------------------------------------------


def looks_like_html(text_or_bytes: str | bytes) -> bool:
    """Whether an input is an HTML page rather than a text dump, from its start.

    Yes for a doctype, an ``<html>`` or ``<head>`` start tag (after a BOM,
    blanks or comments), or a start dense in ``<meta>``/``<body>``/``<div>``-like tags.
    """
    head = text_or_bytes[:SNIFF_BYTES]
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    if _HTML_START.match(data):
        return True
    stripped = data.lstrip()
    if not stripped.startswith(b"<"):
        return False
    tags = len(_TAG_SAMPLE.findall(data))
    return tags >= 5 and data.count(b"<") * 40 >= len(data)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


#: Declared charsets that pages often get wrong: verified against UTF-8 first.
_LATIN = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii", "iso8859-15"})


def declared_charset(data: bytes) -> str | None:
    """The charset named by ``<meta charset>`` or ``http-equiv`` in the page's start, as a codec name."""
    found = _META_CHARSET.search(data[: SNIFF_BYTES * 4])
    return _codec(found.group(1).decode("ascii", "replace")) if found else None


def decode_html(data: bytes) -> str:
    """Decode a page: BOM first, then the declared charset (verified), then UTF-8, then cp1252.

    A page that declares ISO-8859-1, windows-1252 or ASCII but decodes cleanly
    as UTF-8 is taken for UTF-8: the declaration lies more often than the bytes.
    """
    return _decode_html(data)[0]


def _decode_html(data: bytes) -> tuple[str, str]:
    """:func:`decode_html`'s text, and the codec that made it."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, "replace"), encoding
    declared = declared_charset(data)
    if declared is None or declared in _LATIN or declared == "utf-8":
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            if declared == "utf-8":
                return data.decode("utf-8", "replace"), "utf-8"
        fallback = "cp1252" if declared in (None, "ascii", "latin-1", "iso8859-1") else str(declared)
        return data.decode(fallback, "replace"), fallback
    try:
        return data.decode(declared), declared
    except (UnicodeDecodeError, LookupError):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return data.decode(declared, "replace"), declared


#: Codecs whose text holds no lone surrogate (unlike utf-7 or unicode-escape): what they decode
#: needs no search for one (:func:`cleaner.readers.scrub`; a search of the whole page).
_NO_SURROGATES = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1", "iso8859-1", "ascii"}
)


# -- parsing -------------------------------------------------------------------------------------------


@cache
def parser_name() -> str:
    """The bs4 tree builder to use: ``lxml`` when importable (faster), else ``html.parser``."""
    return "lxml" if importlib.util.find_spec("lxml") is not None else "html.parser"


#: The attributes the reader looks at on body elements; bs4 makes an entry for every attribute it
#: is given, so the lxml builder passes on only these (``href``, ``data-*``, ``title`` ... never matter).
READ_ATTRIBUTES = frozenset(
    {"class", "id", "role", "itemprop", "hidden", "aria-hidden", "style", "data-ca-folded", "data-ca-linked"}
)
#: Elements whose every attribute is kept (the head's metadata, ``<time datetime>``, ``<html lang>``).
ALL_ATTRIBUTES = frozenset({"meta", "link", "time", "html", "title"})


class _LazyModule(types.ModuleType):
    """Stands for a module bs4 imports but the reader never uses, until something uses it: then it
    imports the real module, puts it in its place (in ``sys.modules`` and in the bs4 module that
    holds it) and steps aside."""

    def __init__(self, name: str, holder: str, attribute: str) -> None:
        super().__init__(name)
        self._holder = holder, attribute

    def __getattr__(self, attr: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        real = importlib.import_module(name)
        holder, attribute = self.__dict__["_holder"]
        module = sys.modules.get(holder)
        if module is not None and getattr(module, attribute, None) is self:
            setattr(module, attribute, real)
        return getattr(real, attr)


#: What bs4 imports and the reader never uses, with the bs4 module attribute that holds it:
#: soupsieve compiles its CSS grammar on import (170 ms a process; the reader selects nothing by
#: CSS); charset_normalizer (20 ms; the reader decodes pages itself) when bs4 would pick it, as no
#: cchardet or chardet is installed.
_LAZY_IMPORTS = (
    ("soupsieve", "bs4.css", "soupsieve"),
    ("charset_normalizer", "bs4.dammit", "chardet_module"),
)
#: Encoding detectors bs4 prefers to charset_normalizer.
_PREFERRED_DETECTORS = ("cchardet", "chardet")


@cache
def _import_bs4() -> None:
    """Import bs4 with stand-ins (:class:`_LazyModule`) for what it imports and the reader never uses."""
    if "bs4" not in sys.modules:
        for name, holder, attribute in _LAZY_IMPORTS:
            if name == "charset_normalizer" and any(map(importlib.util.find_spec, _PREFERRED_DETECTORS)):
                continue
            if name not in sys.modules and importlib.util.find_spec(name) is not None:
                sys.modules[name] = _LazyModule(name, holder, attribute)
    import bs4  # noqa: F401


@cache
def _lean_lxml_builder() -> type[Any]:
    """bs4's lxml tree builder, handing bs4 only the attributes the reader reads."""
    from bs4.builder._lxml import LXMLTreeBuilder

    keep, every = READ_ATTRIBUTES, ALL_ATTRIBUTES

    class LeanLXMLTreeBuilder(LXMLTreeBuilder):
        def start(self, tag: Any, attrib: Any, *rest: Any) -> None:
            if attrib and tag not in every:
                attrib = {k: v for k, v in attrib.items() if k in keep}
            super().start(tag, attrib, *rest)

    return LeanLXMLTreeBuilder


#: Void elements libxml2 does not know (2.14): it reads what follows them as their content, which
#: bs4 gets without them (as :func:`compact` cuts their tags from the text).
_UNKNOWN_VOID = frozenset({"source", "wbr", "track"})
#: Elements bs4 is not given when it builds from lxml's tree: what the walker skips (all of
#: :data:`NEVER_CONTENT` but the head's metadata) and the void elements :func:`compact` cuts.
_UNFED = (NEVER_CONTENT - {"title", "meta", "link"} - _UNKNOWN_VOID) | {"img", "input", "param", "col"}
#: Inline elements the walker reads by their tag; any other inline element with no block inside
#: reaches bs4 as its content alone (``<p>a <b>bold</b> word</p>`` is one string in a ``<p>``):
#: the walker reads it the same, and bs4 makes fewer objects.
_NAMED_INLINE = frozenset({"a", "time", "td", "th", "br", "head", "html", "title", "meta", "link"})


#: What bs4 (and a browser) count as space between tags.
_ASCII_SPACE = " \t\n\r\f"
#: Tags at whose start the walker ends a line: space next to them separates nothing.
_EDGE_TAGS = BLOCK_TAGS | {"br"}
#: Elements kept whatever their attributes say: the page's frame and the head's metadata.
_FRAME = frozenset({"html", "head", "body", "title", "meta", "link"})
# What bs4 gets of an lxml element (see _feed_tree).
_LEFT_OUT, _GIVEN = 0, 1


def _is_edge(element: Any) -> bool:
    """Whether the walker ends a line at ``element``: a block or ``<br>`` it does not skip as hidden."""
    if element.tag not in _EDGE_TAGS:
        return False
    attrib = element.attrib
    return not (attrib and _is_hidden(attrib))


def _tail_at_edge(element: Any, given: int, depth: int) -> bool:
    """Whether the text after ``element`` (its tail) meets the end or start of a line: after a block
    or ``<br>`` bs4 was given, before one, or before its block parent's end. (Not below
    :data:`MAX_DEPTH`, where the walker reads block elements as inline.)"""
    if depth >= MAX_DEPTH - 2:
        return False
    if given and element.tag in _EDGE_TAGS:
        return True
    following = element.getnext()
    if following is not None:
        return _is_edge(following)
    parent = element.getparent()
    return parent is not None and parent.tag in BLOCK_TAGS


def _unread_metadata(element: Any) -> bool:
    """Whether a ``<meta>`` or ``<link>`` is one :func:`page_metadata` does not read (viewport, theme
    colour, stylesheets, icons ...)."""
    tag = element.tag
    if tag == "meta":
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        return key.strip().lower() not in META_KEYS
    return tag == "link" and "canonical" not in (element.get("rel") or "").lower()


def _foldable(element: Any) -> bool:
    """Whether a chrome element (``<nav>`` ...) is folded: its unread parts cut, it holds no main text."""
    _cut_unread(element)
    return not _holds_main_text(element)


def _feed_tree(root: Any, soup: BeautifulSoup) -> None:
    """Hand an lxml tree to bs4's tree building, element by element, leaving out what the walker
    would skip or read the same without (see :func:`parse_once`)."""
    from lxml import etree  # type: ignore[import-untyped]

    start, end, data, end_data = soup.handle_starttag, soup.handle_endtag, soup.handle_data, soup.endData
    link_text = _link_text_class()
    keep, every, space = READ_ATTRIBUTES, ALL_ATTRIBUTES, _ASCII_SPACE
    unfed, blocks, named, frame = _UNFED, BLOCK_TAGS, _NAMED_INLINE | BLOCK_TAGS, _FRAME
    folded_tags, unknown_void = frozenset(FOLDED_TAGS), _UNKNOWN_VOID
    block_list = tuple(sorted(BLOCK_TAGS))
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skip = walker.skip_subtree
    opened: list[int] = []  # per open lxml element: _GIVEN or _LEFT_OUT
    in_pre = 0  # open <pre> elements: inside one, every space is text
    in_body = False
    for event, element in walker:
        if event == "end":
            given = opened.pop()
            if given:
                tag = element.tag
                end(tag)
                if tag == "pre":
                    in_pre -= 1
                elif tag == "body":
                    in_body = False
            tail = element.tail
            if tail and (in_pre or tail.strip(space) or not _tail_at_edge(element, given, len(opened))):
                data(tail)
            continue
        if event != "start":  # a comment or processing instruction: only its tail is text
            tail = element.tail
            if tail and (in_pre or tail.strip(space) or not _tail_at_edge(element, _LEFT_OUT, len(opened))):
                data(tail)
            continue
        tag = element.tag
        if tag in unfed:
            skip()
            opened.append(_LEFT_OUT)
            continue
        attrib = element.attrib
        if attrib:
            if (tag in frame and _unread_metadata(element)) or (in_body and _is_hidden(attrib)):
                # metadata the reader does not look up (viewport, stylesheets ...), hidden elements
                skip()
                opened.append(_LEFT_OUT)
                continue
        elif tag == "link":
            skip()
            opened.append(_LEFT_OUT)
            continue
        if tag == "a" and not len(element) and not (attrib and _is_hidden(attrib)):
            # a link holding only text: its text, as a string that says it is linked
            end_data()
            if element.text:
                data(element.text)
                end_data(link_text)
            opened.append(_LEFT_OUT)
            continue
        if tag not in named and (
            tag in unknown_void
            or not (attrib and _is_hidden(attrib))
            and (not len(element) or next(element.iterdescendants(*block_list), None) is None)
        ):
            # an inline element holding no block (<b>, <span> ...): its content without it
            opened.append(_LEFT_OUT)
            if element.text:
                data(element.text)
            continue
        if not attrib:
            attrs = {}
        elif tag in every:
            attrs = dict(element.items())
        else:
            attrs = {k: v for k, v in element.items() if k in keep}
        if tag in folded_tags and in_body and _foldable(element):
            lines, linked = _folded_lines(element, etree)
            attrs[FOLDED] = lines
            attrs[FOLDED_LINKED] = str(linked)
            start(tag, None, None, attrs)
            skip()
            opened.append(_GIVEN)
            continue
        start(tag, None, None, attrs)
        opened.append(_GIVEN)
        if tag == "pre":
            in_pre += 1
        elif tag == "body":
            in_body = True
        text = element.text
        if text and (
            in_pre
            or text.strip(space)
            or not (tag in blocks or (len(element) and _is_edge(element[0])))
            or len(opened) >= MAX_DEPTH - 2
        ):
            data(text)


@cache
def _link_text_class() -> type[Any]:
    """The bs4 string class of a link's text when the link holds nothing else: bs4 makes one string
    instead of an ``<a>`` tag and its string (a fifth of a page's tags), and the walker counts its
    characters as linked, as it counts those inside an ``<a>``."""
    from bs4.element import NavigableString

    class LinkText(NavigableString):
        """The text of an ``<a>`` element that holds only text."""

    return LinkText


@cache
def _tree_builder() -> type[Any]:
    """A bs4 tree builder that builds from a parsed lxml tree instead of parsing markup."""

    class LxmlTreeFeeder(_lean_lxml_builder()):  # type: ignore[misc]
        def prepare_markup(self, markup: Any, *_: Any, **__: Any) -> Iterator[tuple[Any, None, None, bool]]:
            yield markup, None, None, False  # the tree as it is: no decoding to try

        def feed(self, markup: Any) -> None:
            _feed_tree(markup, self.soup)

    return LxmlTreeFeeder


# Parse paths, measured on the 91 devset pages (16 MB; reader instructions by cachegrind on 20 of
# them, objects bs4 builds on all 91):
# - lxml parses the page to fold chrome, serialises it, bs4's lxml builder parses it again
#   (the previous path): 2,667 M instructions, 31,967 tags and 17,872 strings; the round trip
#   also moved content (libxml2 writes an empty <li> without its end tag, so what follows it
#   went inside it on the second parse) and needed a regex pass (compact) that could mangle
#   broken tags.
# - parse once, bs4 built from lxml's tree (parse_once): 1,724 M; with links that hold only
#   text as LinkText strings: 1,652 M (-38%), 24,046 tags and 12,982 strings.
# - building the tree of the 91 pruned pages, CPU (loaded machine): parse_once 1.26 s, bs4 with
#   its lxml builder 1.84 s, bs4 with html.parser 2.77 s; html.parser (it reports source lines)
#   stays the fallback for pages lxml cannot take.


def parse_once(text: str) -> BeautifulSoup | None:
    """The pruned page as a bs4 tree, built from lxml's tree: the page is parsed once, in C.

    bs4 makes a Python object for every tag and string it is given, so it is given only what the
    walker reads: not hidden elements, unread ``<meta>`` (:func:`_cut_unread`), what the walker
    skips, void elements, inline wrappers (:data:`_NAMED_INLINE`) or space next to a line break;
    each ``<nav>``, ``<footer>`` and ``<aside>`` that holds no main text comes as one empty element
    carrying its text in attributes (:data:`FOLDED`). The walker reads the tree as it would read
    bs4's own parse of the page. None when lxml cannot take the page (or nests it too deep).
    """
    from lxml import etree

    # huge_tree: a depth limit of 2048 instead of 256, past which libxml2 stops building the tree
    # (deeper pages go to bs4's own parse); one parser per page, as a parser is not thread-safe
    parser = etree.HTMLParser(huge_tree=True, collect_ids=False)
    try:
        # without its closing tags, a page that goes on after </html> keeps its end in <body>
        # (libxml2 drops what follows </html> when it builds a tree; bs4 reads it)
        root = etree.fromstring(_PAGE_END.sub("", text), parser)
    except (ValueError, UnicodeError, etree.LxmlError):
        return None
    if root is None or any(error.level == etree.ErrorLevels.FATAL for error in parser.error_log):
        return None
    _import_bs4()
    from bs4 import BeautifulSoup

    try:
        return BeautifulSoup(root, builder=_tree_builder()(multi_valued_attributes=None))
    except ValueError:  # text lxml refuses to hold or hand over (control characters)
        return None


def parse(text: str, builder: str | None = None) -> BeautifulSoup:
    """The page as a bs4 tree, built by ``builder`` (default: :func:`parser_name`).

    With lxml, elements other than those of :data:`ALL_ATTRIBUTES` keep only the
    attributes of :data:`READ_ATTRIBUTES`.
    """
    _import_bs4()
    from bs4 import BeautifulSoup

    # class values stay strings: splitting every attribute into lists costs a third of the parse
    builder = builder or parser_name()
    if builder == "lxml":
        return BeautifulSoup(text, builder=_lean_lxml_builder()(multi_valued_attributes=None))
    return BeautifulSoup(text, builder, multi_valued_attributes=None)


@lru_cache(maxsize=8192)
def class_tokens(value: str) -> tuple[str, ...]:
    """A class or id value as lower-case word tokens: ``socialShare-bar2`` -> social, share, bar."""
    value = _CAMEL.sub(" ", value).lower()
    if _STATE_CLASS.search(value):
        # "has-sidebar", "with-comments", "no-ads": a state of the element, not what it is
        value = _STATE_CLASS.sub(" ", value)
    return tuple(t for t in _TOKEN_SPLIT.split(value) if t and not t.isdigit())


class Node(NamedTuple):
    """What the reader remembers of one element that holds blocks (a tuple: cheap to make by the thousand)."""

    serial: int
    parent: int  # serial of the parent element, -1 for the root
    tag: str
    cls: str  # the class attribute, as written
    ident: str  # the id attribute
    tokens: tuple[str, ...]  # this element's own class/id tokens
    content: bool  # a semantic main-content container
    chrome: str  # "nav", "role=banner" ... or ""
    itemprop_body: bool  # [itemprop=articleBody] (the strongest content mark)
    depth: int

    def label(self, token: str = "") -> str:
        """The attribute holding ``token`` (or any), for reasons in words: ``class 'share-bar'``."""
        if self.cls and (not token or not self.ident or token in class_tokens(self.cls)):
            return f"class '{self.cls}'"
        return f"id '{self.ident}'" if self.ident else f"<{self.tag}>"


def _is_hidden(attrs: dict[str, Any]) -> bool:
    if "hidden" in attrs:
        # React's streamed segments (<div hidden id="S:0">) are content that script moves into place
        return not _STREAMED_SEGMENT.match(str(attrs.get("id") or ""))
    if str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    style = attrs.get("style")
    return bool(style) and _DISPLAY_NONE.search(str(style)) is not None


_Flags = tuple[int, int, int, int, int]
#: Membership flags (in list, table, quote, figure, caption) an element sets for its content.
_FLAG_OF: dict[str, Callable[[_Flags], _Flags]] = {
    "ul": lambda f: (1, f[1], f[2], f[3], f[4]),
    "ol": lambda f: (1, f[1], f[2], f[3], f[4]),
    "dl": lambda f: (1, f[1], f[2], f[3], f[4]),
    "menu": lambda f: (1, f[1], f[2], f[3], f[4]),
    "table": lambda f: (f[0], 1, f[2], f[3], f[4]),
    "blockquote": lambda f: (f[0], f[1], 1, f[3], f[4]),
    "q": lambda f: (f[0], f[1], 1, f[3], f[4]),
    "figure": lambda f: (f[0], f[1], f[2], 1, f[4]),
    "figcaption": lambda f: (f[0], f[1], f[2], f[3], 1),
    "caption": lambda f: (f[0], f[1], f[2], f[3], 1),
}
#: Deletes the characters the block's character counts leave out (spaces).
_NO_SPACE = str.maketrans("", "", " \t\r\n\f\u00a0\u200b" + _BREAK)


def _visible_len(text: str) -> int:
    """The number of characters of ``text`` that are not space (``len(text.translate(_NO_SPACE))``:
    str.translate is fast on ASCII text only, counting is fast on any)."""
    if text.isascii():
        return len(text.translate(_NO_SPACE))
    return (
        len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")
        - text.count("\f") - text.count("\u00a0") - text.count("\u200b") - text.count(_BREAK)
    )  # fmt: skip


class _Walker:
    """One pass over the tree: collects block texts with their hints."""

    def __init__(self, lines_known: bool) -> None:
        self.nodes: list[Node] = []
        self.blocks: list[Block] = []
        self.lines_known = lines_known
        self.parts: list[str] = []
        self.linked = 0
        self.owner: tuple[Any, ...] | None = None  # context of the element owning self.parts
        self.last_owner_serial = -2
        self.order = 0
        self.time_value: str | None = None  # the first <time datetime="..."> met

    # A context is a tuple: (serial, path, chain, hints-base, origin)

    def flush(self) -> None:
        parts = self.parts
        if not parts or self.owner is None:
            parts.clear()
            self.linked = 0
            return
        raw = "".join(parts)
        linked = self.linked
        parts.clear()
        self.linked = 0
        total = _visible_len(raw)
        if not total:
            return
        serial, path, chain, base, origin = self.owner
        if base["tag"] == "pre":
            out = [line for line in raw.replace("\n", _BREAK).split(_BREAK) if line.strip()]
        else:
            if "\u200b" in raw:
                raw = raw.replace("\u200b", " ")
            if _BREAK in raw:
                out = []
                for line in raw.split(_BREAK):
                    words = line.split()
                    if words:
                        out.append(" ".join(words))
            else:
                out = [" ".join(raw.split())]
        if not out:
            return
        hints = dict(base)
        hints["link_density"] = round(min(1.0, linked / total), 3)
        blocks = self.blocks
        if blocks and self.last_owner_serial != serial:
            blocks.append(Block("", origin, None, path, {}))
        for text in out:
            blocks.append(Block(text, origin, None, path, hints))
        self.last_owner_serial = serial

    def walk(self, root: Tag) -> None:
        from bs4.element import NavigableString, Tag

        skip_types = frozenset(_skip_string_types())
        link_text = _link_text_class()
        parts = self.parts
        add = parts.append
        flush = self.flush
        context = self._context
        never, blocks_tags = NEVER_CONTENT, BLOCK_TAGS
        # The stack holds (iterator over children, context, in_link, membership flags).
        root_ctx = context(root, None, (0, 0, 0, 0, 0), 0)
        self.owner = root_ctx
        stack: list[tuple[Iterator[Any], tuple[Any, ...], bool, tuple[int, int, int, int, int]]] = [
            (iter(root.contents), root_ctx, False, (0, 0, 0, 0, 0))
        ]
        while stack:
            children, ctx, in_link, flags = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if stack and ctx is not stack[-1][1]:
                    # leaving a block element: its text ends here
                    flush()
                    self.owner = stack[-1][1]
                continue
            kind = child.__class__
            if kind is not Tag:
                if kind is NavigableString or (kind not in skip_types and issubclass(kind, NavigableString)):
                    add(child)
                    if in_link or kind is link_text:
                        self.linked += _visible_len(child)
                continue
            name = child.name
            if name in never:
                continue
            attrs = child.attrs
            if attrs and _is_hidden(attrs):
                continue
            if name == "br":
                add(_BREAK)
                continue
            if name == "time" and self.time_value is None and attrs.get("datetime"):
                self.time_value = str(attrs["datetime"])
            if (name == "td" or name == "th") and parts and any(not p.isspace() for p in parts):
                add(CELL_SEPARATOR)
            is_link = in_link or name == "a"
            child_flags = flags
            if name in _FLAG_OF:
                child_flags = _FLAG_OF[name](flags)
            if name in blocks_tags and len(stack) < MAX_DEPTH:
                flush()
                new_ctx = context(child, ctx, child_flags, len(stack))
                folded = attrs.get(FOLDED) if attrs else None
                if folded is not None:
                    # page chrome folded before parsing: its text is one block
                    self.owner = new_ctx
                    add(folded.replace("\n", _BREAK))
                    self.linked = int(attrs.get(FOLDED_LINKED) or 0)
                    flush()
                    self.owner = ctx
                    continue
                self.owner = new_ctx
                stack.append((iter(child.contents), new_ctx, is_link, child_flags))
            else:
                # inline: same owner; keep the marks of classed inline wrappers out of the tokens
                stack.append((iter(child.contents), ctx, is_link, child_flags))
        flush()

    def _context(
        self, tag: Tag, parent: tuple[Any, ...] | None, flags: _Flags, depth: int
    ) -> tuple[Any, ...]:
        name = tag.name
        attrs = cast("dict[str, Any]", tag.attrs)  # strings: multi-valued attributes are off
        if attrs:
            cls_value, ident, tokens, role, itemprop = _attribute_marks(
                attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("itemprop")
            )
        else:
            cls_value = ident = role = itemprop = ""
            tokens = ()
        itemprop_body = itemprop == "articlebody"
        content = name in CONTENT_TAGS or role in CONTENT_ROLES or itemprop in CONTENT_ITEMPROPS
        chrome = name if name in CHROME_TAGS else (f"role={role}" if role in CHROME_ROLES else "")
        nodes = self.nodes
        serial = len(nodes)
        step = _path_step(name, ident, cls_value) if (ident or cls_value) else name
        self.order += 1
        line = tag.sourceline if self.lines_known else None
        origin = line if isinstance(line, int) else self.order
        if parent is None:
            node = Node(serial, -1, name, cls_value, ident, tokens, content, chrome, itemprop_body, depth)
            nodes.append(node)
            path, chain = step, (serial,)
            all_tokens: frozenset[str] = frozenset(tokens)
            in_content, in_chrome = content, chrome
        else:
            nodes.append(
                Node(serial, parent[0], name, cls_value, ident, tokens, content, chrome, itemprop_body, depth)
            )
            path, chain = f"{parent[1]}/{step}", (*parent[2], serial)
            pbase = parent[3]
            all_tokens = pbase["tokens"] | frozenset(tokens) if tokens else pbase["tokens"]
            in_content, in_chrome = content or pbase["in_content"], chrome or pbase["in_chrome"]
        base = {
            "tag": name,
            "level": HEADINGS.get(name, 0),
            "in_list": bool(flags[0]) or name in ("li", "dd", "dt"),
            "in_table": bool(flags[1]),
            "in_quote": bool(flags[2]),
            "in_figure": bool(flags[3]),
            "in_caption": bool(flags[4]),
            "tokens": all_tokens,
            "depth": depth,
            "in_content": in_content,
            "in_chrome": in_chrome,
            "chain": chain,
            "nodes": nodes,
        }
        return (serial, path, chain, base, origin)


@lru_cache(maxsize=8192)
def _attribute_marks(
    cls: Any, ident: Any, role: Any, itemprop: Any
) -> tuple[str, str, tuple[str, ...], str, str]:
    """(class as written, id, class/id tokens, role, itemprop) of an element, from its attributes."""
    cls_value = " ".join(cls) if isinstance(cls, list) else " ".join(str(cls or "").split())
    ident_value = str(ident or "")
    tokens = class_tokens(cls_value) + class_tokens(ident_value) if (cls_value or ident_value) else ()
    return cls_value, ident_value, tokens, str(role or "").lower(), str(itemprop or "").lower()


@lru_cache(maxsize=8192)
def _path_step(name: str, ident: str, cls_value: str) -> str:
    """One step of a block's path: ``div#main`` or ``p.lead``."""
    if ident:
        return name + "#" + _PATH_CLEAN.sub("", ident)[:40]
    return name + "." + _PATH_CLEAN.sub("", cls_value.split()[0])[:40] if cls_value.split() else name


@cache
def _skip_string_types() -> tuple[type, ...]:
    from bs4 import element

    names = ("Comment", "Declaration", "Doctype", "ProcessingInstruction", "CData", "Script", "Stylesheet",
             "TemplateString")  # fmt: skip
    return tuple(getattr(element, n) for n in names if hasattr(element, n))


# -- metadata -----------------------------------------------------------------------------------------


def _norm_date(value: str | None) -> tuple[str | None, str | None]:
    """(ISO date, the date as written) from a page's date value."""
    if not value:
        return None, None
    value = value.strip()
    try:
        from . import dates

        found = dates.find_date(value)
        if found:
            return found[0], value
    except (ImportError, AttributeError):
        pass
    m = _ISO_DATE.match(value)
    return (m.group(0) if m else None), value


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _ld_objects(graph)
        main = data.get("mainEntity")
        if isinstance(main, (dict, list)):
            yield from _ld_objects(main)


def _ld_type(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    types = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in types if x}


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    return []


def prune(text: str) -> str:
    """The page without scripts, styles, inline SVG, templates, form controls, frames and comments.

    Newlines inside what is cut are kept, so line numbers stay right. One forward scan: an
    unclosed comment, script, style or textarea runs to the end of the page (as in a browser);
    another unclosed element stays and is not looked for again, so no input is quadratic.
    """
    out: list[str] = []
    kept_from = scan_from = 0
    unclosed: set[str] = set()
    while True:
        start = _PRUNE_OPEN.search(text, scan_from)
        if start is None:
            break
        tag = (start.group(1) or "!--").lower()
        end = None if tag in unclosed else _PRUNE_CLOSE[tag].search(text, start.end())
        if end is None and tag in _RAW_TEXT:
            # as in a browser: an unclosed comment or script runs to the end of the page
            out.append(text[kept_from : start.start()])
            out.append("\n" * text.count("\n", start.start()))
            return "".join(out)
        if end is None:
            unclosed.add(tag)
            scan_from = start.end()
            continue
        out.append(text[kept_from : start.start()])
        out.append("\n" * text.count("\n", start.start(), end.end()))
        kept_from = scan_from = end.end()
    out.append(text[kept_from:])
    return "".join(out)


def _keep_canonical(match: regex.Match[str]) -> str:
    tag = match.group()
    return tag if "canonical" in tag.lower() else ""


def compact(text: str) -> str:
    """The pruned page without what bs4 would build objects for and no block shows: void elements
    without text (``<img>``, ``<input>``, ``<source>`` ...), ``<link>`` other than the canonical
    one, empty inline elements (``<i class="icon"></i>``) and whitespace next to block tags.

    Line numbers change (the whitespace goes), so this is for builders that do not report them;
    a page with ``<pre>`` keeps its whitespace (a newline between two lines of code is text).
    """
    text = _VOID_NO_TEXT.sub("", text)
    text = _LINK_TAG.sub(_keep_canonical, text)
    text = _EMPTY_INLINE.sub("", _EMPTY_INLINE.sub("", text))  # twice: <a><i></i></a>
    if "<pre" in text or "<PRE" in text:
        return text
    return _BLOCK_EDGE_SPACE.sub(">", text)


#: The ``<meta>`` keys :func:`page_metadata` reads (property, name or itemprop, lower-cased); the
#: others (viewport, theme-color, verification codes ...) are cut before bs4 parses the page.
META_KEYS = frozenset(
    {
        "og:title", "twitter:title", "og:description", "twitter:description", "description",
        "article:published_time", "datepublished", "og:published_time", "publish-date", "pubdate",
        "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
        "article:modified_time", "og:updated_time", "datemodified", "author", "article:author", "byl",
        "parsely-author", "dc.creator", "og:url", "og:locale", "language", "content-language",
        "og:site_name", "application-name", "twitter:site",
    }
)  # fmt: skip
#: Page chrome that reaches bs4 folded into one element carrying its text (see :func:`parse_once`):
#: page chrome is a third or more of a page's elements. The folded element still becomes a block
#: (one line per item, with its tokens and link density), so ``structure`` drops it with its
#: reason and ``--explain`` shows it.
FOLDED_TAGS = ("nav", "footer", "aside")
#: Marks inside a chrome element that say it holds the main text: it is left as it is.
_MAIN_MARKS = frozenset({"article", "main", "h1"})
#: A chrome element with this many characters of paragraph text is left as it is.
FOLD_MAX_PARAGRAPH_CHARS = 600
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_PAGE_END = regex.compile(r"</(?:body|html)\s*>", regex.I)
#: The attributes a folded element carries: its text, and how much of it was linked.
FOLDED, FOLDED_LINKED = "data-ca-folded", "data-ca-linked"


def _cut_unread(element: Any) -> None:
    """Cut what the reader never reads from an lxml subtree (below ``element``): hidden elements and
    ``<meta>`` elements whose key :func:`page_metadata` does not look up."""
    cut = [m for m in element.iterdescendants("meta") if _unread_metadata(m)]
    cut.extend(e for e in _maybe_hidden()(element) if _is_hidden(e.attrib))
    for found in cut:
        parent = found.getparent()
        if parent is None:
            continue
        if found.tail:  # the text after the element stays
            previous = found.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + found.tail
            else:
                parent.text = (parent.text or "") + found.tail
        parent.remove(found)


@cache
def _maybe_hidden() -> Any:
    from lxml import etree

    return etree.XPath(".//*[@hidden or @aria-hidden or @style]")


def _folded_lines(element: Any, etree: Any) -> tuple[str, int]:
    """The text of a chrome element, a line per block element as the walker would give it (lines
    apart by newlines), and how many of its non-space characters are inside links."""
    parts: list[str] = []
    linked = 0
    in_link = 0
    skipped = None  # the element whose subtree is skipped: its end event brings only its tail
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):  # a comment or processing instruction: only its tail counts
            if event == "end" and node.tail:
                parts.append(node.tail)
            continue
        if event == "start":
            if tag in NEVER_CONTENT or (node.attrib and _is_hidden(node.attrib)):
                walker.skip_subtree()
                skipped = node
                continue
            if tag in BLOCK_TAGS or tag == "br":
                parts.append(_BREAK)
            if tag == "a":
                in_link += 1
            if node.text:
                parts.append(node.text)
                if in_link:
                    linked += _visible_len(node.text)
        else:
            if node is skipped:
                skipped = None
            else:
                if tag in BLOCK_TAGS:
                    parts.append(_BREAK)
                if tag == "a":
                    in_link -= 1
            if node.tail and node is not element:
                parts.append(node.tail)
                if in_link:
                    linked += _visible_len(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split(_BREAK))
    # an attribute value holds no control characters (lxml refuses them)
    return _CONTROL.sub("", "\n".join(line for line in lines if line)), linked


@cache
def _string_xpath() -> Any:
    from lxml import etree

    return etree.XPath("string()")


def _string_of(element: Any) -> str:
    """The text of an element and its descendants (``text_content()`` of lxml.html)."""
    return str(_string_xpath()(element))


def _holds_main_text(element: Any) -> bool:
    for inner in element.iter():
        tag = inner.tag
        if tag in _MAIN_MARKS:
            return True
        if not isinstance(tag, str):
            continue
        if inner.get("role") == "main" or (inner.get("itemprop") or "").lower() == "articlebody":
            return True
    paragraph_chars = sum(len(_string_of(p)) for p in element.iter("p"))
    return paragraph_chars >= FOLD_MAX_PARAGRAPH_CHARS


def _ld_scripts(text: str) -> Iterator[str]:
    """The bodies of the page's ``<script type="application/ld+json">`` elements, in one forward scan."""
    close = _PRUNE_CLOSE["script"]
    for opening in _SCRIPT_OPEN.finditer(text):
        if _LD_TYPE.search(opening.group(1)):
            end = close.search(text, opening.end())
            if end is None:
                return
            yield text[opening.end() : end.start()]


def json_ld(text: str) -> dict[str, str]:
    """Article fields from the page's JSON-LD (NewsArticle, Article, BlogPosting ..., also in ``@graph``)."""
    found: dict[str, str] = {}
    best_rank = 99
    for raw in _ld_scripts(text):
        try:
            data = json.loads(raw)
        except (ValueError, TypeError):
            continue
        for obj in _ld_objects(data):
            types = _ld_type(obj)
            if not types & ARTICLE_TYPES:
                continue
            rank = 1 if "webpage" in types else 0
            if rank > best_rank:
                continue
            values = {
                "title": obj.get("headline") or obj.get("name"),
                "description": obj.get("description"),
                "published": obj.get("datePublished"),
                "modified": obj.get("dateModified"),
                "author": ", ".join(dict.fromkeys(_names(obj.get("author")))) or None,
                "url": obj.get("url") if isinstance(obj.get("url"), str) else None,
            }
            if rank < best_rank:
                found = {}
                best_rank = rank
            for k, v in values.items():
                if isinstance(v, str) and v.strip() and k not in found:
                    found[k] = v.strip()
    return found


def page_metadata(
    soup: BeautifulSoup, ld: dict[str, str], time_value: str | None = None
) -> dict[str, str | None]:
    """Metadata from the head: JSON-LD first, then OpenGraph/Twitter/meta tags, then ``<title>``.

    ``ld`` is what :func:`json_ld` found; ``time_value`` the first ``<time datetime>`` of the body.
    """
    meta: dict[str, str] = {}
    head = soup.head or soup
    for tag in head.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            meta.setdefault(key.strip().lower(), content.strip())
    title_tag = head.find("title")
    title_text = _SPACE_RUN.sub(" ", title_tag.get_text()).strip() if title_tag else None

    def first(*keys: str) -> str | None:
        for k in keys:
            if meta.get(k):
                return meta[k]
        return None

    published_value = ld.get("published") or first(
        "article:published_time", "datepublished", "og:published_time", "publish-date", "pubdate", "date",
        "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
    )  # fmt: skip
    if not published_value:
        published_value = time_value
    published, published_raw = _norm_date(published_value)
    modified, _ = _norm_date(
        ld.get("modified") or first("article:modified_time", "og:updated_time", "datemodified")
    )
    canonical = None
    link = head.find("link", attrs={"rel": "canonical"})
    if link is not None and link.get("href"):
        canonical = str(link.get("href"))
    html_tag = soup.find("html")
    lang = str(html_tag.get("lang") or "").strip() if html_tag is not None else ""
    return {
        "title": ld.get("title") or first("og:title", "twitter:title") or title_text,
        "description": ld.get("description") or first("og:description", "twitter:description", "description"),
        "published": published,
        "published_raw": published_raw,
        "modified": modified,
        "author": ld.get("author")
        or first("author", "article:author", "byl", "parsely-author", "dc.creator"),
        "url": canonical or first("og:url") or ld.get("url"),
        "language": lang or first("og:locale", "language", "content-language"),
        "site": first("og:site_name", "application-name", "twitter:site"),
    }


# -- the reader ---------------------------------------------------------------------------------------


def read_html(
    raw: str | bytes,
    *,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """An HTML page (str, or bytes to decode) as a Document of kind ``html``."""
    if isinstance(raw, bytes):
        check_size(raw, max_bytes)
        text, codec = _decode_html(raw)
    else:
        text, codec = raw, ""
    check_text(text[:65536])
    text = scrub(text, mend=isinstance(raw, bytes), surrogates=codec not in _NO_SURROGATES)
    builder = parser_name()
    ld = json_ld(text)
    lines_known = builder == "html.parser"
    try:
        pruned = prune(text)
        soup = None if lines_known else parse_once(pruned)
        if soup is None:
            soup = parse(pruned if lines_known else compact(pruned), builder)
        walker = _Walker(lines_known=lines_known)
        # from the document, not <body>: broken pages close </html> early and leave content outside it
        walker.walk(soup)
        metadata = page_metadata(soup, ld, walker.time_value)
    except RecursionError:
        # a parser or tree library that recurses, on a page nested deeper than it can go
        return text_of_page(text, source=source)
    doc = Document(tuple(walker.blocks), source=source, kind="html", style="plain")
    return doc.with_metadata(**metadata)


_ANY_TAG = regex.compile(r"<[^<>]*+>")
_BLOCK_TAG = regex.compile(rf"</?(?:{'|'.join(sorted(BLOCK_TAGS | {'br'}))})\b[^<>]*+>", regex.I)


def text_of_page(text: str, *, source: str | None = None) -> Document:
    """The page's text without its markup, read as a text dump: the fallback when no tree can be built.

    Block tags and ``<br>`` become line breaks, other tags vanish, entities are decoded.
    """
    from html import unescape

    stripped = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", prune(text)))
    return read_text(unescape(stripped), source=source)
