"""Article -> markdown: the kept body with its headings, lists, quotes, tables and code.

The structure comes from the hints the readers leave on each block:

- HTML pages (see :mod:`cleaner.html`): ``level`` for headings, the element ``tag`` and its
  ``chain`` of ancestors (through the page's ``nodes`` table) for list items, their list's
  kind (``ol`` numbered, ``ul`` bulleted) and nesting, table rows and ``pre`` blocks, and
  ``in_quote`` for block quotes.
- Markdown dumps: ``level`` for headings and ``marks`` for the list bullets, quote markers and
  table pipes the ``markdown`` stage took off (see :mod:`cleaner.stages.markdown`).
- Plain text dumps have no structure: their paragraphs come out as they are.

With ``with_metadata``, a YAML front matter block (the ``---`` header that static site
generators and pandoc read) carries the title, date, author, standfirst, URL, site and
language; values are JSON strings, which YAML reads as they are.

Only what would change the meaning is escaped: a paragraph starting with ``#``, ``>``, a
bullet or ``1.`` gets a backslash, and a ``|`` inside a table cell becomes ``\\|``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from .article import Article
from .document import Block

if TYPE_CHECKING:  # pragma: no cover
    from .html import Node

#: Separator of table cells inside a row's block (as the HTML reader joins them).
CELL_SEPARATOR = " | "
#: The front matter fields: key, and the Article fields tried in turn.
FRONT_MATTER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("title", ("title",)),
    ("date", ("published", "published_raw")),
    ("modified", ("modified",)),
    ("author", ("author",)),
    ("description", ("description",)),
    ("url", ("url",)),
    ("site", ("site",)),
    ("language", ("language",)),
)
#: Elements that make a list, and the elements that are its items.
LIST_TAGS = frozenset({"ul", "ol", "menu", "dl"})
ITEM_TAGS = frozenset({"li", "dd", "dt"})

# A line start that markdown would read as a heading, quote, bullet, numbered item or rule.
_BLOCK_START = regex.compile(r"(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|={3,}\s*$|```)")
_NUMBERED = regex.compile(r"(\d{1,9})([.)])")


def escape_line(line: str) -> str:
    """``line`` with a backslash before a start markdown would read as markup (``# 1`` -> ``\\# 1``)."""
    if not _BLOCK_START.match(line):
        return line
    numbered = _NUMBERED.match(line)
    if numbered is not None:
        return f"{numbered.group(1)}\\{line[numbered.end(1) :]}"
    return "\\" + line


@dataclass
class _Chunk:
    """Consecutive blocks rendered together: one paragraph, heading, list, table or code block."""

    kind: str  # "p", "h", "li", "tr", "pre"
    key: Any  # blocks with the same kind and key continue the chunk
    quote: bool
    blocks: list[Block] = field(default_factory=list)


def _list_info(block: Block) -> tuple[int, int, bool, int] | None:
    """For an HTML block inside a list: (outermost list, depth, ordered, item element)."""
    h = block.hints
    nodes: Sequence[Node] | None = h.get("nodes")
    chain: tuple[int, ...] = h.get("chain", ())
    if nodes is None or not chain:
        return None
    lists = [s for s in chain if nodes[s].tag in LIST_TAGS]
    if not lists:
        return None
    item = next((s for s in reversed(chain) if nodes[s].tag in ITEM_TAGS), chain[-1])
    return lists[0], len(lists), nodes[lists[-1]].tag == "ol", item


def _table_of(block: Block) -> int | None:
    h = block.hints
    nodes: Sequence[Node] | None = h.get("nodes")
    chain: tuple[int, ...] = h.get("chain", ())
    if nodes is None or not chain:
        return None
    return next((s for s in reversed(chain) if nodes[s].tag == "table"), None)


def _kind(block: Block, paragraph: int) -> tuple[str, Any, bool]:
    """What a block is: (kind, key, quoted). ``paragraph`` numbers the paragraph it stands in."""
    h = block.hints
    level = h.get("level") or 0
    marks: tuple[str, ...] = h.get("marks", ())
    quote = bool(h.get("in_quote")) or "quote" in marks
    if level:
        return "h", (paragraph, id(block)), quote
    tag = h.get("tag")
    if tag is not None:  # an HTML block
        if h.get("in_list"):
            info = _list_info(block)
            if info is not None:
                return "li", info[0], quote
        if tag == "tr":
            table = _table_of(block)
            if table is not None:
                return "tr", table, quote
        if tag == "pre":
            return "pre", (paragraph, block.path), quote
        return "p", paragraph, quote
    if "list" in marks or "ordered" in marks:
        return "li", None, quote
    if "table" in marks:
        return "tr", None, quote
    return "p", paragraph, quote


def _chunks(blocks: Sequence[Block], paragraphs: list[list[int]]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    for number, paragraph in enumerate(paragraphs):
        for i in paragraph:
            block = blocks[i]
            kind, key, quote = _kind(block, number)
            last = chunks[-1] if chunks else None
            if last is not None and (last.kind, last.key, last.quote) == (kind, key, quote):
                last.blocks.append(block)
            else:
                chunks.append(_Chunk(kind, key, quote, [block]))
    return chunks


def _render_list(chunk: _Chunk) -> list[str]:
    """List items, numbered per ``<ol>``; nested items and an item's second block sit under its text."""
    lines: list[str] = []
    numbers: dict[Any, int] = {}
    columns: dict[int, int] = {0: 0}  # depth -> the column where that depth's item text starts
    last_item: Any = None
    for block in chunk.blocks:
        info = _list_info(block) if block.hints.get("tag") is not None else None
        if info is None:  # a markdown dump's item: one per line
            depth, ordered, item, owner = 1, "ordered" in block.hints.get("marks", ()), id(block), None
        else:
            _, depth, ordered, item = info
            owner = _owner_list(block)
        pad = " " * columns.get(depth - 1, columns[max(columns)])
        if item == last_item:
            lines.append(" " * columns.get(depth, len(pad)) + block.text)
            continue
        last_item = item
        if ordered:
            numbers[owner] = numbers.get(owner, 0) + 1
            marker = f"{numbers[owner]}. "
        else:
            marker = "- "
        columns[depth] = len(pad) + len(marker)
        for deeper in [d for d in columns if d > depth]:
            del columns[deeper]
        lines.append(f"{pad}{marker}{block.text}")
    return lines


def _owner_list(block: Block) -> int | None:
    """The innermost list element holding an HTML block."""
    h = block.hints
    nodes: Sequence[Node] = h["nodes"]
    return next((s for s in reversed(h["chain"]) if nodes[s].tag in LIST_TAGS), None)


def _render_table(chunk: _Chunk) -> list[str]:
    rows = [[c.strip().replace("|", "\\|") for c in b.text.split(CELL_SEPARATOR)] for b in chunk.blocks]
    width = max(len(r) for r in rows)
    if width < 2:
        # a one-column table is a layout table or a list of lines: plain paragraphs
        return [line for r in rows for line in (escape_line(r[0]), "")]
    rows = [r + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    out.extend("| " + " | ".join(r) + " |" for r in rows[1:])
    return out


def _render_chunk(chunk: _Chunk) -> str:
    if chunk.kind == "h":
        level = min(6, int(chunk.blocks[0].hints.get("level") or 1))
        lines = ["#" * level + " " + " ".join(b.text.strip() for b in chunk.blocks)]
    elif chunk.kind == "li":
        lines = _render_list(chunk)
    elif chunk.kind == "tr":
        lines = _render_table(chunk)
    elif chunk.kind == "pre":
        body = [b.text for b in chunk.blocks]
        fence = "````" if any("```" in line for line in body) else "```"
        lines = [fence, *body, fence]
    else:
        lines = [escape_line(b.text) for b in chunk.blocks]
    text = "\n".join(lines).rstrip("\n")
    if chunk.quote:
        text = "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
    return text


def front_matter(article: Article) -> str:
    """The ``---`` YAML header of the known metadata fields ('' when none is known)."""
    lines = []
    for key, fields in FRONT_MATTER:
        value = next((v for v in (getattr(article, f) for f in fields) if v), None)
        if value:
            lines.append(f"{key}: {json.dumps(' '.join(value.split()), ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---" if lines else ""


def body_markdown(article: Article) -> str:
    """The kept body as markdown, without metadata."""
    doc = article.document
    chunks = _chunks(doc.blocks, doc.paragraph_indices())
    return "\n\n".join(text for text in map(_render_chunk, chunks) if text)


def to_markdown(article: Article, *, with_metadata: bool = False) -> str:
    """The article as markdown, front matter first with ``with_metadata``; newline-terminated if non-empty."""
    parts = []
    if with_metadata:
        header = front_matter(article)
        if header:
            parts.append(header)
    body = body_markdown(article)
    if body:
        parts.append(body)
    return "\n\n".join(parts) + "\n" if parts else ""
