"""The document model: blocks that remember where they came from and why they were dropped.

A :class:`Document` is an immutable sequence of :class:`Block` objects plus the
metadata lifted so far. Stages never delete a block: they return a new document
in which the block carries a :class:`Removal` naming the stage and the reason.
Lines lifted into the metadata (headline, date, byline, standfirst) are removals
too, with ``field`` naming where the text went.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .memo import Memo


@dataclass(frozen=True, slots=True)
class Removal:
    """Why a block left the body: the stage that decided it and a reason in words."""

    stage: str
    reason: str
    field: str | None = None  # set when the text was lifted into the metadata


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input: a line of a text dump (or, for HTML, a block element).

    ``origin`` is the 1-based line number in the input (for HTML, the line of the
    element); ``path`` is the DOM path for HTML input and empty for text dumps.
    ``hints`` carries reader-provided evidence (tag, link density, ...).
    """

    text: str
    origin: int
    removal: Removal | None = None
    path: str = ""
    hints: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def kept(self) -> bool:
        return self.removal is None

    def drop(self, stage: str, reason: str, *, lifted_as: str | None = None) -> Block:
        """A copy of this block marked removed by ``stage`` for ``reason``."""
        return make_block(self.text, self.origin, removal(stage, reason, lifted_as), self.path, self.hints)

    def with_text(self, text: str) -> Block:
        return make_block(text, self.origin, self.removal, self.path, self.hints)


#: Distinct removals remembered (a stage gives a handful of reasons; this only bounds odd callers).
MAX_REMOVALS = 4096
_REMOVALS: Memo[tuple[str, str, str | None], Removal] = Memo(MAX_REMOVALS)


def removal(stage: str, reason: str, field: str | None = None) -> Removal:
    """``Removal(stage, reason, field)``, one shared instance per value (it is immutable)."""
    key = (stage, reason, field)
    found = _REMOVALS.get(key)
    return found if found is not None else _REMOVALS.put(key, Removal(stage, reason, field))


# The frozen dataclass __init__ sets each field through object.__setattr__; setting
# the slots directly builds the same Block in half the time (blocks are made per line).
_new = object.__new__
_SLOTS: Any = Block.__dict__
_set_text = _SLOTS["text"].__set__
_set_origin = _SLOTS["origin"].__set__
_set_removal = _SLOTS["removal"].__set__
_set_path = _SLOTS["path"].__set__
_set_hints = _SLOTS["hints"].__set__


def make_block(
    text: str, origin: int, removal: Removal | None, path: str, hints: dict[str, Any]
) -> Block:
    """``Block(text, origin, removal, path, hints)``, built without the dataclass __init__ (faster)."""
    block: Block = _new(Block)
    _set_text(block, text)
    _set_origin(block, origin)
    _set_removal(block, removal)
    _set_path(block, path)
    _set_hints(block, hints)
    return block


def cut_blocks(
    blocks: Sequence[Block], cut: Callable[[Block], list[str]], indices: Iterable[int] | None = None
) -> list[Block] | None:
    """``blocks`` with every block that ``cut`` returns several pieces for replaced by one kept
    block per non-blank piece, each with the block's origin, path and hints (a glued line of a
    dump cut into its elements); None when no block was cut.

    ``indices`` (ascending), when given, are the only blocks worth asking ``cut`` about: the
    others are taken to be one piece each.
    """
    out: list[Block] | None = None
    done = 0  # blocks[:done] are in out already
    for i in range(len(blocks)) if indices is None else indices:
        block = blocks[i]
        parts = cut(block)
        if len(parts) > 1:
            if out is None:
                out = []
            out.extend(blocks[done:i])
            out.extend(make_block(p, block.origin, None, block.path, block.hints) for p in parts if p.strip())
            done = i + 1
    if out is not None:
        out.extend(blocks[done:])
    return out


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself: headline, standfirst, date, byline, and the like."""

    title: str | None = None
    description: str | None = None
    published: str | None = None  # ISO 8601
    published_raw: str | None = None  # the date as written in the page
    author: str | None = None
    url: str | None = None
    language: str | None = None
    site: str | None = None
    modified: str | None = None

    def merged(self, **values: str | None) -> Metadata:
        """A copy in which the given fields are set unless they already hold a value."""
        fresh = {k: v for k, v in values.items() if v and not getattr(self, k)}
        return replace(self, **fresh) if fresh else self


@dataclass(frozen=True, slots=True)
class Document:
    """An input under cleaning: its blocks in input order, and the metadata found so far."""

    blocks: tuple[Block, ...]
    metadata: Metadata = Metadata()
    source: str | None = None  # a file name, URL or record id, for messages
    kind: str = "text"  # "text" or "html"
    style: str = "plain"  # "plain" or "markdown": how the dump renders links and lists

    @classmethod
    def from_lines(cls, lines: Iterable[str], **kw: Any) -> Document:
        blocks = []
        for i, text in enumerate(lines, 1):  # make_block, inlined: one block per input line
            block = _new(Block)
            _set_text(block, text)
            _set_origin(block, i)
            _set_removal(block, None)
            _set_path(block, "")
            _set_hints(block, {})
            blocks.append(block)
        return cls(tuple(blocks), **kw)

    def with_blocks(self, blocks: Iterable[Block]) -> Document:
        return replace(self, blocks=tuple(blocks))

    def with_metadata(self, **values: str | None) -> Document:
        return replace(self, metadata=self.metadata.merged(**values))

    def kept(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.removal is None)

    def kept_indices(self) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if b.removal is None]

    def removals(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.removal is not None)

    def paragraph_indices(self) -> list[list[int]]:
        """Indices of the kept blocks, grouped into paragraphs.

        Two kept lines stay in one paragraph when nothing stood between them in
        the input; a blank or a removed line between them starts a new paragraph.
        """
        paragraphs: list[list[int]] = []
        joined = False
        for i, block in enumerate(self.blocks):
            if block.removal is not None:
                joined = False
            elif joined:
                paragraphs[-1].append(i)
            else:
                paragraphs.append([i])
                joined = True
        return paragraphs

    def body_paragraphs(self) -> list[str]:
        """The kept lines as paragraphs (lines of one paragraph joined by a newline)."""
        blocks = self.blocks
        return ["\n".join(blocks[i].text for i in p) for p in self.paragraph_indices()]

    @property
    def text(self) -> str:
        """The kept body: paragraphs separated by a blank line."""
        return "\n\n".join(self.body_paragraphs())
