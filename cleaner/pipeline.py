"""A pipeline is a list of stages folded one into the next; DEFAULT is the order we ship."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .document import Document, Frozen
from .options import Options
from .stage import Stage, get_stage

#: The default order, as one explicit tuple. Order matters: normalisation first so
#: every filter sees clean lines; for HTML pages the DOM's evidence (structure) next, as
#: it is the strongest there and does nothing on text dumps; markdown link targets are unwrapped before
#: any filter reads the words; the cheap, certain filters (icons, navigation,
#: share, footers, media) before metadata lifting, so the headline is looked for
#: among plausible lines; repetition after the headline is known; the content
#: classifier when only the hard cases are left; then a comment thread below the
#: body (whose extent is clear once the body is known), and learned site templates
#: (a no-op unless templates are given; last measured best).
DEFAULT: tuple[str, ...] = (
    "normalize",
    "unglue",
    "structure",
    "markdown",
    "user-rules",
    "icons",
    "navigation",
    "share",
    "footers",
    "consent",
    "media",
    "metadata",
    "dedupe",
    "content",
    "captions",
    "facets",
    "lists",
    "listing",
    "specs",
    "related",
    "teasers",
    "comments",
    "reviews",
    "forum",
    "docs",
    "cta",
    "shop",
    "other-products",
    "notices",
    "references",
    "author-bio",
    "marks",
    "site-templates",
)


#: At most this many extra rounds when settling (each sees only the kept text,
#: which only shrinks, so rounds end quickly; the cap bounds pathological cases).
MAX_SETTLE_ROUNDS = 10


class Pipeline(Frozen):
    """An ordered tuple of stages; ``run`` folds the document through them."""

    __slots__ = ("stages",)
    __match_args__ = ("stages",)

    stages: tuple[Stage, ...]

    def __init__(self, stages: tuple[Stage, ...]) -> None:
        self._set(stages)

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
        classes = {name: get_stage(name) for name in [*chosen, *skipped]}  # validates every name
        return cls(tuple(classes[n](options) for n in chosen if n not in skipped))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def run(self, doc: Document) -> Document:
        """Fold the document through every stage once."""
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def __call__(self, doc: Document) -> Document:
        return self.run(doc)

    def clean(self, doc: Document) -> Document:
        """Run the stages, then settle: clean the kept text again until nothing changes.

        Stages judge a line by its neighbours, and a second run sees the page
        without its junk, so it may judge a line differently. Settling makes
        cleaning idempotent by construction: the text this returns, read again,
        comes through unchanged. Every removal of a later round is recorded on
        the original block (same stage, same reason), so ``--explain`` still
        shows every decision. HTML pages are left as they are (their blocks
        are elements, not lines of a dump).
        """
        doc = self.run(doc)
        if doc.kind != "text":
            return doc
        for _ in range(MAX_SETTLE_ROUNDS):
            settled = self._settle_once(doc)
            if settled is doc:
                break
            doc = settled
        return doc

    def _settle_once(self, doc: Document) -> Document:
        """One more round over the kept text as the user would read it back; ``doc`` if unchanged."""
        from .readers import read_text

        lines: list[str] = []
        index_of_line: dict[int, int] = {}  # line number in the kept text -> block index
        for number, paragraph in enumerate(doc.paragraph_indices()):
            if number:
                lines.append("")
            for i in paragraph:
                lines.append(doc.blocks[i].text)
                index_of_line[len(lines)] = i
        if not lines:
            return doc
        reread = read_text("\n".join(lines), source=doc.source)
        if doc.metadata.url:  # the page's site stays the same (site templates key on it)
            reread = reread.with_metadata(url=doc.metadata.url)
        again = self.run(reread)
        blocks = list(doc.blocks)
        changed = False
        lifted: dict[str, str] = {}
        for block in again.blocks:
            found = index_of_line.get(block.origin)
            if found is None:
                continue  # a blank separator line
            i = found
            removal = block.removal
            if removal is not None:
                blocks[i] = blocks[i].drop(removal.stage, removal.reason, lifted_as=removal.field)
                changed = True
            elif block.text != blocks[i].text:
                blocks[i] = blocks[i].with_text(block.text)
                changed = True
        if not changed:
            return doc
        for name in ("title", "description", "published", "published_raw", "author"):
            value = getattr(again.metadata, name)
            if value:
                lifted[name] = value
        return doc.with_blocks(blocks).with_metadata(**lifted)
