"""The Stage protocol, the line-filter base class, and the stage registry.

A stage is a named, documented, pure callable ``Document -> Document``: no I/O,
no printing, deterministic. Most stages are line filters: they only answer, for
one block at a time, why it should go (a reason in words) or ``None`` to keep it;
:class:`LineFilter` records the removal. Stages that need context (neighbours,
the whole document) subclass :class:`Stage` and implement ``run``.

Every stage docstring has a one-line summary, a **Removes:** example and a
**Keeps:** near-miss; ``--list-stages`` and the README table are built from them.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, TypeVar

from .document import Block, Document
from .errors import UNKNOWN_STAGE, UnknownStageError
from .memo import VERDICT_MAX_CHARS, Verdicts
from .options import Options
from .protect import is_protected


class Stage:
    """Base of all stages: a name, a docstring, and ``run(doc) -> doc``."""

    name: ClassVar[str] = ""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    def run(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Document) -> Document:
        return self.run(doc)

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: what the stage does, in one line."""
        return (inspect.getdoc(cls) or "").strip().splitlines()[0] if cls.__doc__ else ""

    def __repr__(self) -> str:
        return f"<stage {self.name}>"


class LineFilter(Stage):
    """A stage that looks at one kept block at a time and says why it should go."""

    def reason(self, block: Block) -> str | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def run(self, doc: Document) -> Document:
        name = self.name
        reason = self.reason
        blocks = doc.blocks
        out: list[Block] | None = None  # copied on the first removal only
        for i in [i for i, b in enumerate(blocks) if b.removal is None and b.text]:
            block = blocks[i]
            why = reason(block)
            if why is not None:
                if out is None:
                    out = list(blocks)
                out[i] = block.drop(name, why)
        return doc if out is None else doc.with_blocks(out)


class TextFilter(LineFilter):
    """A line filter whose verdict depends on the line's text alone, remembered by that text.

    Lines repeat across the pages of a site and in the settle rounds: each distinct
    text is judged once per process (per subclass). Subclasses implement
    :meth:`verdict`, which must read nothing but the text (no options); the user's
    protected phrases are checked on every run, after it.
    """

    #: Distinct lines whose verdict each subclass remembers.
    VERDICT_CACHE_SIZE: ClassVar[int] = 8192
    _verdicts: ClassVar[Verdicts]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._verdicts = Verdicts(cls.VERDICT_CACHE_SIZE)

    def verdict(self, text: str) -> str | None:  # pragma: no cover - abstract
        """Why a line with this text goes, or None."""
        raise NotImplementedError

    def reason(self, block: Block) -> str | None:
        text = block.text
        why = self._verdicts.of(text, self.verdict)
        if why is None or is_protected(text, self.options):
            return None
        return why

    def run(self, doc: Document) -> Document:
        """:meth:`LineFilter.run` with :meth:`reason` written out (a filter asks it of every kept line)."""
        name = self.name
        verdicts = self._verdicts
        remembered = verdicts.get
        limit = verdicts.limit
        verdict = self.verdict
        protects = bool(self.options.protect_phrases)
        blocks = doc.blocks
        out: list[Block] | None = None  # copied on the first removal only
        for i, block in enumerate(blocks):
            text = block.text
            if block.removal is not None or not text:
                continue
            why = remembered(text)
            if why is None:
                why = verdict(text) or ""
                if len(text) <= VERDICT_MAX_CHARS:  # verdicts.put(text, why), written out
                    if len(verdicts) >= limit:
                        verdicts.clear()
                    verdicts[text] = why
            if why and not (protects and is_protected(text, self.options)):
                if out is None:
                    out = list(blocks)
                out[i] = block.drop(name, why)
        return doc if out is None else doc.with_blocks(out)


def non_blank(blocks: Sequence[Block]) -> tuple[list[int], list[str]]:
    """The positions of the blocks with text (kept or removed) and their texts, stripped.

    For stages that read a page's lines in context, removed ones included (a shop grid,
    a run of review cards), and map what they find back to block positions.
    """
    live = [i for i, b in enumerate(blocks) if b.text.strip()]
    return live, [blocks[i].text.strip() for i in live]


def drop_unprotected(stage: Stage, blocks: list[Block], reasons: Mapping[int, str]) -> bool:
    """Drop each kept ``blocks[i]`` (in place) for its reason in ``reasons``; whether any went.

    The user's protected lines stay. For stages that judge lines in context and
    mark them first (a thread's stamps, a docs page's table of contents).
    """
    changed = False
    for i, why in reasons.items():
        block = blocks[i]
        if block.removal is None and not is_protected(block.text, stage.options):
            blocks[i] = block.drop(stage.name, why)
            changed = True
    return changed


REGISTRY: dict[str, type[Stage]] = {}

S = TypeVar("S", bound=type[Stage])


def register(cls: S) -> S:
    """Class decorator: add a stage class to the registry under its ``name``."""
    if not cls.name:
        raise ValueError(f"{cls.__qualname__} has no name")
    if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
        raise ValueError(f"stage name {cls.name!r} registered twice")
    REGISTRY[cls.name] = cls
    return cls


def get_stage(name: str) -> type[Stage]:
    """The stage class registered as ``name``; raises UnknownStageError otherwise."""
    from . import stages  # noqa: F401  (importing the package registers every stage)

    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise UnknownStageError(UNKNOWN_STAGE.format(name=name, known=known)) from None


def all_stages() -> dict[str, type[Stage]]:
    """Every registered stage, by name."""
    from . import stages  # noqa: F401

    return dict(REGISTRY)


def stage_options(options: Options, name: str) -> dict[str, Any]:
    """The user's options for one stage (from the config file's ``[stages.NAME]``)."""
    return dict(options.stage_options.get(name, {}))


def stage_table(names: Sequence[str] | None = None) -> str:
    """The README's stage table (markdown), generated from the registry.

    Stages in ``names`` (default: the DEFAULT order) come first, then any other
    registered stage in name order.
    """
    from .pipeline import DEFAULT

    registry = all_stages()
    order = list(DEFAULT if names is None else names)
    order += sorted(n for n in registry if n not in order)
    rows = ["| stage | in default | what it does |", "| --- | --- | --- |"]
    for name in order:
        if name in registry:
            default = "yes" if name in DEFAULT else "no"
            rows.append(f"| `{name}` | {default} | {registry[name].summary()} |")
    return "\n".join(rows)
