"""The document model: blocks that remember where they came from and why they were dropped.

A :class:`Document` is an immutable sequence of :class:`Block` objects plus the
metadata lifted so far. Stages never delete a block: they return a new document
in which the block carries a :class:`Removal` naming the stage and the reason.
Lines lifted into the metadata (headline, date, byline, standfirst) are removals
too, with ``field`` naming where the text went.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

from .memo import Memo

# The four classes below are immutable value classes written out rather than frozen
# dataclasses, whose generated methods cost every process ~18 M instructions of start-up.
# They behave as the dataclasses did: fields in order, ==, hash and repr by field,
# FrozenInstanceError on assignment, and pickling by constructor arguments.

_setattr = object.__setattr__

_F = TypeVar("_F", bound="Frozen")


class Frozen:
    """Base of an immutable record whose fields are its ``__match_args__``, set in ``__init__``.

    ==, hash, repr and pickling go by the fields, in order (== and hash by those in
    ``_COMPARED``, all of them unless a subclass says less); assignment raises
    FrozenInstanceError; ``_replace`` copies with some fields changed, as a
    NamedTuple's does (making a NamedTuple class costs start-up ~1 M instructions,
    a Frozen one a tenth of that).
    """

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]] = ()
    _COMPARED: ClassVar[tuple[str, ...]] = ()
    _all: ClassVar[attrgetter[tuple[Any, ...]]]
    _compared: ClassVar[attrgetter[tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._all = attrgetter(*cls.__match_args__)
        cls._compared = attrgetter(*(cls._COMPARED or cls.__match_args__))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._compared(self) == other._compared(other))

    def __hash__(self) -> int:
        return hash(self._compared(self))

    def __repr__(self) -> str:
        pairs = zip(self.__match_args__, self._all(self), strict=True)
        fields = ", ".join(f"{name}={value!r}" for name, value in pairs)
        return f"{type(self).__qualname__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self._all(self))

    def _set(self, *values: Any) -> None:
        """Set the fields to ``values``, in order: for ``__init__`` (assignment otherwise raises)."""
        for name, value in zip(self.__match_args__, values, strict=True):
            _setattr(self, name, value)

    def _replace(self: _F, **changes: Any) -> _F:
        """A copy with ``changes`` (field=value), as a NamedTuple's ``_replace``."""
        fields = dict(zip(self.__match_args__, self._all(self), strict=True))
        unknown = changes.keys() - fields.keys()
        if unknown:
            raise ValueError(f"got unexpected field names: {sorted(unknown)!r}")
        fields.update(changes)
        return type(self)(**fields)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


class Removal(Frozen):
    """Why a block left the body: the stage that decided it and a reason in words."""

    __slots__ = ("stage", "reason", "field")
    __match_args__ = ("stage", "reason", "field")

    stage: str
    reason: str
    field: str | None  # set when the text was lifted into the metadata

    def __init__(self, stage: str, reason: str, field: str | None = None) -> None:
        _setattr(self, "stage", stage)
        _setattr(self, "reason", reason)
        _setattr(self, "field", field)



class Block(Frozen):
    """One unit of the input: a line of a text dump (or, for HTML, a block element).

    ``origin`` is the 1-based line number in the input (for HTML, the line of the
    element); ``path`` is the DOM path for HTML input and empty for text dumps.
    ``hints`` carries reader-provided evidence (tag, link density, ...); it takes no
    part in == and hash.
    """

    __slots__ = ("text", "origin", "removal", "path", "hints")
    __match_args__ = ("text", "origin", "removal", "path", "hints")
    _COMPARED = ("text", "origin", "removal", "path")

    text: str
    origin: int
    removal: Removal | None
    path: str
    hints: dict[str, Any]

    def __init__(
        self,
        text: str,
        origin: int,
        removal: Removal | None = None,
        path: str = "",
        hints: dict[str, Any] | None = None,
    ) -> None:
        _setattr(self, "text", text)
        _setattr(self, "origin", origin)
        _setattr(self, "removal", removal)
        _setattr(self, "path", path)
        _setattr(self, "hints", {} if hints is None else hints)


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


# Setting the slots directly builds the same Block as __init__ in half the time (blocks
# are made per line).
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
    """``Block(text, origin, removal, path, hints)``, built without __init__ (faster)."""
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


_METADATA_FIELDS = (
    "title", "description", "published", "published_raw", "author", "url", "language", "site", "modified",
)


class Metadata(Frozen):
    """What a page says about itself: headline, standfirst, date, byline, and the like."""

    __slots__ = _METADATA_FIELDS
    __match_args__ = (
        "title", "description", "published", "published_raw", "author", "url", "language", "site", "modified",
    )

    title: str | None
    description: str | None
    published: str | None  # ISO 8601
    published_raw: str | None  # the date as written in the page
    author: str | None
    url: str | None
    language: str | None
    site: str | None
    modified: str | None

    def __init__(
        self,
        title: str | None = None,
        description: str | None = None,
        published: str | None = None,
        published_raw: str | None = None,
        author: str | None = None,
        url: str | None = None,
        language: str | None = None,
        site: str | None = None,
        modified: str | None = None,
    ) -> None:
        _setattr(self, "title", title)
        _setattr(self, "description", description)
        _setattr(self, "published", published)
        _setattr(self, "published_raw", published_raw)
        _setattr(self, "author", author)
        _setattr(self, "url", url)
        _setattr(self, "language", language)
        _setattr(self, "site", site)
        _setattr(self, "modified", modified)


    def merged(self, **values: str | None) -> Metadata:
        """A copy in which the given fields are set unless they already hold a value."""
        fresh = {k: v for k, v in values.items() if v and not getattr(self, k)}
        if not fresh:
            return self
        return type(self)(**{name: fresh.get(name, getattr(self, name)) for name in _METADATA_FIELDS})


_DOCUMENT_FIELDS = ("blocks", "metadata", "source", "kind", "style")
_NO_METADATA = Metadata()


class Document(Frozen):
    """An input under cleaning: its blocks in input order, and the metadata found so far."""

    __slots__ = _DOCUMENT_FIELDS
    __match_args__ = ("blocks", "metadata", "source", "kind", "style")

    blocks: tuple[Block, ...]
    metadata: Metadata
    source: str | None  # a file name, URL or record id, for messages
    kind: str  # "text" or "html"
    style: str  # "plain" or "markdown": how the dump renders links and lists

    def __init__(
        self,
        blocks: tuple[Block, ...],
        metadata: Metadata = _NO_METADATA,
        source: str | None = None,
        kind: str = "text",
        style: str = "plain",
    ) -> None:
        _setattr(self, "blocks", blocks)
        _setattr(self, "metadata", metadata)
        _setattr(self, "source", source)
        _setattr(self, "kind", kind)
        _setattr(self, "style", style)


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
        return type(self)(tuple(blocks), self.metadata, self.source, self.kind, self.style)

    def with_metadata(self, **values: str | None) -> Document:
        return type(self)(self.blocks, self.metadata.merged(**values), self.source, self.kind, self.style)

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
