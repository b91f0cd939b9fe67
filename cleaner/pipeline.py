"""A pipeline is a list of stages folded one into the next; DEFAULT is the order we ship."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .document import Document
from .options import Options
from .stage import Stage, get_stage

#: The default order, as one explicit tuple. Order matters: normalisation first so
#: every filter sees clean lines; for HTML pages the DOM's evidence (structure) next, as
#: it is the strongest there and does nothing on text dumps; markdown link targets are unwrapped before
#: any filter reads the words; the cheap, certain filters (icons, navigation,
#: share, footers, media) before metadata lifting, so the headline is looked for
#: among plausible lines; repetition after the headline is known; the content
#: classifier last, when only the hard cases are left.
DEFAULT: tuple[str, ...] = (
    "normalize",
    "structure",
    "markdown",
    "user-rules",
    "icons",
    "navigation",
    "share",
    "footers",
    "media",
    "metadata",
    "dedupe",
    "content",
)


@dataclass(frozen=True)
class Pipeline:
    """An ordered tuple of stages; ``run`` folds the document through them."""

    stages: tuple[Stage, ...]

    @classmethod
    def build(
        cls,
        names: Sequence[str] | None = None,
        *,
        skip: Iterable[str] = (),
        options: Options | None = None,
    ) -> Pipeline:
        """Instantiate the named stages (default: DEFAULT), minus ``skip``.

        Unknown names raise :class:`~cleaner.errors.UnknownStageError`.
        """
        options = options or Options()
        chosen = list(DEFAULT if names is None else names)
        skipped = set(skip)
        for name in [*chosen, *skipped]:
            get_stage(name)  # validates every name, skipped ones too
        return cls(tuple(get_stage(n)(options) for n in chosen if n not in skipped))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def run(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    __call__ = run
